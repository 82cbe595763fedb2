//! Real storage: bytes, and a storage key per 2K block.
//!
//! A key byte holds, as the S/370 defines it (SSK/ISK), `KKKK F R C 0`:
//! access-control bits (4), fetch-protection bit, reference bit, change bit.
//!
//! (Interface fixed by the walking skeleton; implementation by the CPU work.)

/// Real (absolute) main storage with its storage keys.
pub struct Storage {
    bytes: Vec<u8>,
    keys: Vec<u8>,
}

impl Storage {
    /// `size` bytes of zeroed storage (a multiple of 2K), all keys zero.
    pub fn new(size: u32) -> Self {
        let size = size as usize;
        Storage {
            bytes: vec![0; size],
            keys: vec![0; size.div_ceil(2048)],
        }
    }

    /// Size in bytes.
    pub fn size(&self) -> u32 {
        self.bytes.len() as u32
    }

    /// Side-effect-free look at `len` bytes at real address `addr` (for UIs and dumps);
    /// `None` if any byte lies outside storage.
    pub fn peek(&self, addr: u32, len: u32) -> Option<&[u8]> {
        self.bytes
            .get(addr as usize..(addr as usize).checked_add(len as usize)?)
    }

    /// Mutable access for the channel and for loading programs; `None` if out of range.
    /// Does not check keys and does not set reference/change bits: callers that model
    /// architected accesses must do so.
    pub fn slice_mut(&mut self, addr: u32, len: u32) -> Option<&mut [u8]> {
        self.bytes
            .get_mut(addr as usize..(addr as usize).checked_add(len as usize)?)
    }

    /// Host-side load of an image (program loading, IPL); `Err` names what does not fit.
    pub fn load(&mut self, addr: u32, data: &[u8]) -> Result<(), String> {
        match self.slice_mut(addr, data.len() as u32) {
            Some(s) => {
                s.copy_from_slice(data);
                Ok(())
            }
            None => Err(format!(
                "{} bytes at {:06X} do not fit in {}K of storage",
                data.len(),
                addr,
                self.size() / 1024
            )),
        }
    }

    /// The key byte (`KKKKFRC0`) of the 2K block holding `addr` (0 if outside storage).
    pub fn key(&self, addr: u32) -> u8 {
        self.keys.get(addr as usize / 2048).copied().unwrap_or(0)
    }

    /// Set the key byte of the 2K block holding `addr` (ignored outside storage).
    pub fn set_key(&mut self, addr: u32, key: u8) {
        if let Some(k) = self.keys.get_mut(addr as usize / 2048) {
            *k = key & 0xFE;
        }
    }

    /// All of storage, for the CPU's access paths (no key checks, no R/C bits).
    #[inline(always)]
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// All of storage, mutable (no key checks, no R/C bits).
    #[inline(always)]
    pub fn bytes_mut(&mut self) -> &mut [u8] {
        &mut self.bytes
    }

    /// The key bytes, one per 2K block.
    #[inline(always)]
    pub fn keys(&self) -> &[u8] {
        &self.keys
    }

    /// The key bytes, mutable (the CPU sets reference and change bits through this).
    #[inline(always)]
    pub fn keys_mut(&mut self) -> &mut [u8] {
        &mut self.keys
    }
}

/// Key-byte bit: fetch protection.
pub const KEY_FETCH: u8 = 0x08;
/// Key-byte bit: reference.
pub const KEY_REF: u8 = 0x04;
/// Key-byte bit: change.
pub const KEY_CHANGE: u8 = 0x02;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_per_2k_block_and_drop_bit_7() {
        let mut s = Storage::new(8192);
        s.set_key(2048 + 5, 0xFF);
        assert_eq!(s.key(2048), 0xFE);
        assert_eq!(s.key(4095), 0xFE);
        assert_eq!(s.key(4096), 0);
        assert_eq!(s.key(0x10_0000), 0); // outside storage
        s.set_key(0x10_0000, 0x10); // ignored
        assert_eq!(s.keys().len(), 4);
    }

    #[test]
    fn peek_and_load_bounds() {
        let mut s = Storage::new(4096);
        assert!(s.load(4090, &[1, 2, 3, 4, 5, 6]).is_ok());
        assert_eq!(s.peek(4094, 2), Some(&[5u8, 6][..]));
        assert!(s.peek(4095, 2).is_none());
        assert!(s.load(4095, &[1, 2]).is_err());
        assert!(s.peek(u32::MAX, 2).is_none());
    }
}
