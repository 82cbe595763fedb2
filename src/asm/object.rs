//! Phase 6 (on request): the IBM object deck.
//!
//! 80-byte EBCDIC card images, as the S/370 assemblers punched them and loaders read
//! them (every record starts with X'02' and its type; columns 73-80 carry a deck name
//! and a sequence number):
//!
//! - ESD: up to three 16-byte items: name (8, EBCDIC, blank padded), type (X'00' SD,
//!   X'01' LD, X'02' ER, X'04' PC), address (3), flag (1), length (3; for an LD the
//!   ESDID of its section). Columns 11-12 give the bytes of items, 15-16 the ESDID of
//!   the first item that has one (LDs have none).
//! - TXT: address (columns 6-8), byte count (11-12), ESDID (15-16), up to 56 bytes of
//!   text from column 17.
//! - RLD: byte count (11-12); items from column 17: R pointer (ESDID of the section or
//!   external symbol whose address the constant holds, 2 bytes), P pointer (ESDID of the
//!   section it lies in, 2), flag (1), address (3). Flag bits 0-3: type (0000 A,
//!   0001 V), bits 4-5: length - 1, bit 6: direction (0 +), bit 7: the next item has
//!   the same R and P pointers and omits them (4 bytes instead of 8).
//! - END: entry address (6-8) and its ESDID (15-16), blank without an entry point.
//!
//! Addresses are the assembled ones: a loader adds (load address - assembled address)
//! of the R section to each A-type constant, and the symbol's address to each V-type.

use super::pass1::Layout;
use super::pass2::Output;
use crate::ebcdic;

const CARD: usize = 80;
const TXT_MAX: usize = 56;

fn card(kind: &str, seq: &mut u32, deck: &[u8; 4]) -> [u8; CARD] {
    let mut c = [0x40u8; CARD];
    c[0] = 0x02;
    c[1..4].copy_from_slice(&ebcdic::encode(kind));
    c[72..76].copy_from_slice(deck);
    *seq += 1;
    let s = format!("{:04}", *seq % 10000);
    c[76..80].copy_from_slice(&ebcdic::encode(&s));
    c
}

fn put24(c: &mut [u8], at: usize, v: u32) {
    c[at..at + 3].copy_from_slice(&v.to_be_bytes()[1..]);
}

fn put16(c: &mut [u8], at: usize, v: u16) {
    c[at..at + 2].copy_from_slice(&v.to_be_bytes());
}

fn name8(s: &str) -> [u8; 8] {
    let mut n = [0x40u8; 8];
    for (k, b) in ebcdic::encode(&s.to_ascii_uppercase())
        .into_iter()
        .take(8)
        .enumerate()
    {
        n[k] = b;
    }
    n
}

/// Write the deck. `entries` are the ENTRY symbols (name, section index, address).
pub fn deck(lay: &Layout, out: &Output) -> Vec<u8> {
    // ESDIDs: CSECTs (SD, or PC for the unnamed one) and external symbols (ER), in
    // the order the program named them.
    let mut esdid = vec![0u16; lay.sections.len()];
    let mut items: Vec<(Option<u16>, [u8; 16])> = Vec::new();
    let mut next = 1u16;
    for (k, s) in lay.sections.iter().enumerate() {
        if s.dsect {
            continue;
        }
        esdid[k] = next;
        let mut it = [0x40u8; 16];
        it[..8].copy_from_slice(&name8(&s.name));
        if s.ext {
            it[8] = 0x02;
        } else {
            it[8] = if s.name.is_empty() { 0x04 } else { 0x00 };
            put24(&mut it, 9, (s.base + s.min) as u32);
            it[12] = 0x00;
            put24(&mut it, 13, (s.max - s.min) as u32);
        }
        items.push((Some(next), it));
        next += 1;
    }
    for (name, _) in &lay.entries {
        let Some(d) = lay.symbols.get(name) else {
            continue;
        };
        let Some(&id) = esdid.get(d.val.sect as usize) else {
            continue;
        };
        if d.val.n != 1 || id == 0 || lay.sections[d.val.sect as usize].ext {
            continue;
        }
        let mut it = [0x40u8; 16];
        it[..8].copy_from_slice(&name8(name));
        it[8] = 0x01;
        put24(&mut it, 9, lay.absolute(d.val) as u32);
        it[12] = 0x40;
        put24(&mut it, 13, id as u32);
        items.push((None, it));
    }
    let deck_name = {
        let first = lay
            .sections
            .iter()
            .find(|s| !s.dsect && !s.ext && !s.name.is_empty());
        let mut d = [0x40u8; 4];
        if let Some(s) = first {
            d.copy_from_slice(&name8(&s.name)[..4]);
        }
        d
    };
    let mut seq = 0;
    let mut cards: Vec<[u8; CARD]> = Vec::new();
    for chunk in items.chunks(3) {
        let mut c = card("ESD", &mut seq, &deck_name);
        put16(&mut c, 10, (chunk.len() * 16) as u16);
        if let Some(id) = chunk.iter().find_map(|(id, _)| *id) {
            put16(&mut c, 14, id);
        }
        for (k, (_, it)) in chunk.iter().enumerate() {
            c[16 + 16 * k..32 + 16 * k].copy_from_slice(it);
        }
        cards.push(c);
    }
    // TXT: the bytes statements generated (not DS gaps), in address order.
    let mut ranges: Vec<(u32, u32)> = out.lines.iter().map(|l| (l.addr, l.len)).collect();
    ranges.sort_unstable();
    let mut merged: Vec<(u32, u32)> = Vec::new();
    for (a, n) in ranges {
        match merged.last_mut() {
            Some((la, ln)) if *la + *ln >= a => *ln = (*ln).max(a + n - *la),
            _ => merged.push((a, n)),
        }
    }
    let section_of = |a: u32| -> Option<usize> {
        lay.sections.iter().position(|s| {
            !s.dsect && !s.ext && (s.base + s.min..s.base + s.max).contains(&(a as i64))
        })
    };
    for (a, n) in merged {
        let mut at = a;
        let end = a + n;
        while at < end {
            let Some(sk) = section_of(at) else {
                at += 1;
                continue;
            };
            let s = &lay.sections[sk];
            let send = (s.base + s.max) as u32;
            let len = (end.min(send) - at).min(TXT_MAX as u32);
            let off = (at as i64 - lay.origin) as usize;
            let Some(bytes) = out.image.get(off..off + len as usize) else {
                break;
            };
            let mut c = card("TXT", &mut seq, &deck_name);
            put24(&mut c, 5, at);
            put16(&mut c, 10, len as u16);
            put16(&mut c, 14, esdid[sk]);
            c[16..16 + len as usize].copy_from_slice(bytes);
            cards.push(c);
            at += len;
        }
    }
    // RLD: sorted by (R, P, address) so items can share pointers.
    let mut rl: Vec<(u16, u16, u8, u32)> = out
        .rlds
        .iter()
        .filter_map(|r| {
            let rid = *esdid.get(r.target as usize)?;
            let pid = *esdid.get(r.within as usize)?;
            if rid == 0 || pid == 0 {
                return None;
            }
            let flag = (if r.vtype { 0x10 } else { 0x00 }) | ((r.len.clamp(1, 4) - 1) << 2);
            Some((rid, pid, flag, r.at))
        })
        .collect();
    rl.sort_unstable_by_key(|&(r, p, _, a)| (r, p, a));
    let mut data: Vec<u8> = Vec::new();
    let flush = |data: &mut Vec<u8>, cards: &mut Vec<[u8; CARD]>, seq: &mut u32| {
        if data.is_empty() {
            return;
        }
        let mut c = card("RLD", seq, &deck_name);
        put16(&mut c, 10, data.len() as u16);
        c[16..16 + data.len()].copy_from_slice(data);
        cards.push(c);
        data.clear();
    };
    let mut k = 0;
    while k < rl.len() {
        // A run of items with the same pointers that fits on this card.
        let (r, p, _, _) = rl[k];
        if data.len() + 8 > TXT_MAX {
            flush(&mut data, &mut cards, &mut seq);
        }
        data.extend_from_slice(&r.to_be_bytes());
        data.extend_from_slice(&p.to_be_bytes());
        let mut j = k;
        loop {
            let (_, _, flag, a) = rl[j];
            let more = rl
                .get(j + 1)
                .is_some_and(|&(r2, p2, _, _)| r2 == r && p2 == p)
                && data.len() + 4 + 4 <= TXT_MAX;
            data.push(flag | u8::from(more));
            data.extend_from_slice(&a.to_be_bytes()[1..]);
            j += 1;
            if !more {
                break;
            }
        }
        k = j;
    }
    flush(&mut data, &mut cards, &mut seq);
    let mut c = card("END", &mut seq, &deck_name);
    if let Some(e) = out.entry
        && let Some(&id) = esdid.get(e.sect as usize)
    {
        put24(&mut c, 5, lay.absolute(e) as u32);
        put16(&mut c, 14, id);
    }
    c[32] = ebcdic::encode("1")[0];
    cards.push(c);
    cards.concat()
}
