//! A small relocating loader for object decks (the format [`super::object`] writes).
//!
//! Reads one or more decks, places their control sections one after another from a
//! load address (each on a doubleword), copies the TXT records to where their sections
//! went, resolves external references (ER) against the section names (SD) and entry
//! points (LD) of all decks, applies every RLD item, and returns one flat image with
//! the entry point of the first deck that names one on its END card.

use crate::ebcdic;
use std::collections::HashMap;

/// A loaded program.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    /// Load address of `image[0]`.
    pub origin: u32,
    pub image: Vec<u8>,
    pub entry: Option<u32>,
    /// Section and entry names with their load addresses.
    pub symbols: HashMap<String, u32>,
}

#[derive(Clone, Debug)]
enum Item {
    /// A control section: assembled address, length, load address.
    Section { asm: u32, len: u32, at: u32 },
    /// An external reference, by name.
    Extern(String),
}

fn u16be(b: &[u8]) -> u16 {
    u16::from_be_bytes([b[0], b[1]])
}

fn u24(b: &[u8]) -> u32 {
    u32::from_be_bytes([0, b[0], b[1], b[2]])
}

fn name(b: &[u8]) -> String {
    ebcdic::decode(b).trim_end().to_string()
}

/// Load `decks` at `at`.
pub fn load(decks: &[&[u8]], at: u32) -> Result<Loaded, String> {
    let mut next = at;
    let mut esd: Vec<HashMap<u16, Item>> = Vec::new();
    let mut symbols: HashMap<String, u32> = HashMap::new();
    let mut lds: Vec<(String, usize, u16, u32)> = Vec::new();
    let rec = |deck: &[u8], k: usize| -> Result<(String, Vec<u8>), String> {
        let c = &deck[k * 80..k * 80 + 80];
        if c[0] != 0x02 {
            return Err(format!("record {}: not an object record (no X'02')", k + 1));
        }
        Ok((ebcdic::decode(&c[1..4]), c.to_vec()))
    };
    // Pass 1: ESD records place the sections.
    for (d, deck) in decks.iter().enumerate() {
        if deck.len() % 80 != 0 {
            return Err(format!(
                "deck {}: length {} is not a multiple of 80",
                d + 1,
                deck.len()
            ));
        }
        let mut ids = HashMap::new();
        for k in 0..deck.len() / 80 {
            let (kind, c) = rec(deck, k)?;
            if kind != "ESD" {
                continue;
            }
            let count = (u16be(&c[10..12]) as usize).min(48);
            let mut id = u16be(&c[14..16]);
            for it in c[16..16 + count].chunks(16) {
                if it.len() < 16 {
                    break;
                }
                let n = name(&it[..8]);
                match it[8] {
                    0x00 | 0x04 => {
                        let asm = u24(&it[9..12]);
                        let len = u24(&it[13..16]);
                        next = (next + 7) & !7;
                        ids.insert(id, Item::Section { asm, len, at: next });
                        if !n.is_empty() {
                            symbols.insert(n, next);
                        }
                        next += len;
                        id += 1;
                    }
                    0x02 | 0x0A => {
                        ids.insert(id, Item::Extern(n));
                        id += 1;
                    }
                    0x01 => lds.push((n, d, u24(&it[13..16]) as u16, u24(&it[9..12]))),
                    t => return Err(format!("deck {}: unsupported ESD item type {t:02X}", d + 1)),
                }
            }
        }
        esd.push(ids);
    }
    for (n, d, sd, addr) in lds {
        if let Some(Item::Section { asm, at, .. }) = esd[d].get(&sd) {
            symbols.insert(n, at + addr - asm);
        }
    }
    let size = (next - at) as usize;
    let mut image = vec![0u8; size];
    let mut entry = None;
    let place = |ids: &HashMap<u16, Item>, id: u16, addr: u32| -> Result<usize, String> {
        match ids.get(&id) {
            Some(Item::Section { asm, len, at: a }) if addr >= *asm && addr <= asm + len => {
                Ok((a + (addr - asm) - at) as usize)
            }
            _ => Err(format!("address {addr:06X} is outside ESDID {id}")),
        }
    };
    // Pass 2: TXT, RLD, END.
    for (d, deck) in decks.iter().enumerate() {
        let ids = &esd[d];
        for k in 0..deck.len() / 80 {
            let (kind, c) = rec(deck, k)?;
            match kind.as_str() {
                "TXT" => {
                    let addr = u24(&c[5..8]);
                    let n = (u16be(&c[10..12]) as usize).min(56);
                    let off = place(ids, u16be(&c[14..16]), addr)?;
                    let dst = image
                        .get_mut(off..off + n)
                        .ok_or_else(|| format!("deck {}: TXT beyond its section", d + 1))?;
                    dst.copy_from_slice(&c[16..16 + n]);
                }
                "RLD" => {
                    let n = (u16be(&c[10..12]) as usize).min(56);
                    let data = &c[16..16 + n];
                    let mut p = 0;
                    let (mut r, mut pp) = (0u16, 0u16);
                    let mut same = false;
                    while p < data.len() {
                        if !same {
                            if p + 8 > data.len() {
                                break;
                            }
                            r = u16be(&data[p..]);
                            pp = u16be(&data[p + 2..]);
                            p += 4;
                        }
                        if p + 4 > data.len() {
                            break;
                        }
                        let flag = data[p];
                        let addr = u24(&data[p + 1..p + 4]);
                        p += 4;
                        same = flag & 1 != 0;
                        let len = ((flag >> 2) & 3) as usize + 1;
                        let vtype = (flag >> 4) & 3 == 1;
                        let neg = flag & 2 != 0;
                        let add: i64 = match ids.get(&r) {
                            Some(Item::Section { asm, at, .. }) if vtype => {
                                let _ = asm;
                                *at as i64
                            }
                            Some(Item::Section { asm, at, .. }) => *at as i64 - *asm as i64,
                            Some(Item::Extern(n)) => match symbols.get(n) {
                                Some(&a) => a as i64,
                                None => {
                                    return Err(format!("unresolved external symbol '{n}'"));
                                }
                            },
                            None => return Err(format!("deck {}: RLD names no ESDID {r}", d + 1)),
                        };
                        let off = place(ids, pp, addr)?;
                        let f = image
                            .get_mut(off..off + len)
                            .ok_or_else(|| format!("deck {}: RLD beyond its section", d + 1))?;
                        let mut v: i64 = 0;
                        for b in f.iter() {
                            v = (v << 8) | *b as i64;
                        }
                        v = if neg { v - add } else { v + add };
                        for (j, b) in f.iter_mut().rev().enumerate() {
                            *b = (v >> (8 * j)) as u8;
                        }
                    }
                }
                "END" => {
                    let id = u16be(&c[14..16]);
                    if entry.is_none() && c[5..8] != [0x40; 3] && id != 0x4040 {
                        let off = place(ids, id, u24(&c[5..8]))?;
                        entry = Some(at + off as u32);
                    }
                }
                _ => {}
            }
        }
    }
    Ok(Loaded {
        origin: at,
        image,
        entry,
        symbols,
    })
}
