//! The data path: one operation's walk through its CCW (and data-chained CCWs), with
//! address, count and key checks. Devices see it as [`Transfer`]: fetch bytes for output,
//! store bytes for input. Errors are recorded in the operation's channel status and end
//! the transfer; the device simply sees fewer bytes and ends with its usual status.

use super::ccw::{Ccw, CcwFlags, ChannelStatus, command};
use crate::storage::Storage;

/// Key-byte bits (`KKKKFRC0`, see `storage`).
const FETCH_PROTECT: u8 = 0x08;
const REFERENCE: u8 = 0x04;
const CHANGE: u8 = 0x02;

/// The state of the operation in progress at a subchannel.
#[derive(Clone, Debug)]
pub(crate) struct Op {
    /// CAW protection key (0-15).
    pub key: u8,
    /// Address of the current CCW (the CSW shows this + 8).
    pub ccw_addr: u32,
    /// Command of the operation (data-chained CCWs keep it).
    pub cmd: u8,
    /// Flags of the current CCW.
    pub flags: CcwFlags,
    /// Next data address (real, 24 bits).
    pub data: u32,
    /// Residual count of the current CCW.
    pub count: u16,
    /// Address of the current IDAW (IDA only).
    pub idaw: u32,
    /// The next byte lies in the next 2K block: fetch the next IDAW first.
    pub ida_next: bool,
    /// Channel-detected conditions so far.
    pub status: ChannelStatus,
    /// The device offered (input) or wanted (output) more bytes than the count allowed.
    pub overrun: bool,
    /// A PCI flag was seen that has not been presented yet.
    pub pci: bool,
    /// The current command was reached by command chaining (false for the first
    /// command after SIO or IPL): devices such as DASD keep per-chain state.
    pub chained: bool,
}

impl Op {
    pub fn new(key: u8) -> Self {
        Op {
            key,
            ccw_addr: 0,
            cmd: 0,
            flags: CcwFlags::empty(),
            data: 0,
            count: 0,
            idaw: 0,
            ida_next: false,
            status: ChannelStatus::empty(),
            overrun: false,
            pci: false,
            chained: false,
        }
    }

    pub fn failed(&self) -> bool {
        self.status.intersects(ChannelStatus::ERRORS)
    }
}

/// Check a channel fetch of `len` bytes at `addr` (within one 2K block) against storage
/// size and fetch protection; set the reference bit.
fn fetch_ok(mem: &mut Storage, key: u8, addr: u32, len: u32) -> Result<(), ChannelStatus> {
    if addr.checked_add(len).is_none_or(|end| end > mem.size()) {
        return Err(ChannelStatus::PROGRAM_CHECK);
    }
    let k = mem.key(addr);
    if key != 0 && k >> 4 != key && k & FETCH_PROTECT != 0 {
        return Err(ChannelStatus::PROTECTION_CHECK);
    }
    mem.set_key(addr, k | REFERENCE);
    Ok(())
}

fn read4(mem: &Storage, addr: u32) -> u32 {
    let b = mem.peek(addr, 4).expect("checked by fetch_ok");
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

/// Fetch the CCW at `addr` into `op` (following one TIC). `data_chain`: the CCW continues
/// the previous one's data, so its command byte is ignored. On error `op.ccw_addr` is the
/// address the CSW should report - 8.
pub(crate) fn load_ccw(
    mem: &mut Storage,
    op: &mut Op,
    addr: u32,
    data_chain: bool,
) -> Result<(), ChannelStatus> {
    let mut addr = addr & 0x00FF_FFFF;
    let mut after_tic = false;
    loop {
        if !after_tic {
            op.ccw_addr = addr;
        }
        if addr & 7 != 0 {
            return Err(ChannelStatus::PROGRAM_CHECK);
        }
        fetch_ok(mem, op.key, addr, 8)?;
        op.ccw_addr = addr;
        let bytes: [u8; 8] = mem.peek(addr, 8).expect("checked").try_into().expect("8");
        let ccw = Ccw::decode(&bytes);
        if command::is_tic(ccw.command) {
            if after_tic {
                return Err(ChannelStatus::PROGRAM_CHECK);
            }
            after_tic = true;
            addr = ccw.data;
            continue;
        }
        if ccw.count == 0
            || (!data_chain && command::invalid(ccw.command))
            || ccw.flags.intersects(CcwFlags::RESERVED)
        {
            return Err(ChannelStatus::PROGRAM_CHECK);
        }
        if !data_chain {
            op.cmd = ccw.command;
        }
        op.flags = ccw.flags;
        op.count = ccw.count;
        op.ida_next = false;
        if ccw.flags.contains(CcwFlags::IDA) {
            if ccw.data & 3 != 0 {
                return Err(ChannelStatus::PROGRAM_CHECK);
            }
            fetch_ok(mem, op.key, ccw.data, 4)?;
            let idaw = read4(mem, ccw.data);
            if idaw & 0xFF00_0000 != 0 {
                return Err(ChannelStatus::PROGRAM_CHECK);
            }
            op.idaw = ccw.data;
            op.data = idaw;
        } else {
            op.data = ccw.data;
        }
        if ccw.flags.contains(CcwFlags::PCI) {
            op.pci = true;
        }
        return Ok(());
    }
}

/// What a device sees of the channel during an operation: the command and a data path.
pub struct Transfer<'a> {
    mem: &'a mut Storage,
    op: &'a mut Op,
}

impl<'a> Transfer<'a> {
    pub(crate) fn new(mem: &'a mut Storage, op: &'a mut Op) -> Self {
        Transfer { mem, op }
    }

    /// The command byte of the operation.
    pub fn command(&self) -> u8 {
        self.op.cmd
    }

    /// True when this command was reached by command chaining; false for the first
    /// command of a channel program (a new chain: DASD forgets its file mask and
    /// search results).
    pub fn chained(&self) -> bool {
        self.op.chained
    }

    /// Residual count of the current CCW.
    pub fn count(&self) -> u16 {
        self.op.count
    }

    /// True once the channel has found an error (program or protection check): no more
    /// data will move.
    pub fn failed(&self) -> bool {
        self.op.failed()
    }

    /// Next piece of the data area (at most `want` bytes, never crossing a 2K block),
    /// data chaining as needed. `None` when the count is exhausted or on an error.
    fn next_chunk(&mut self, want: usize, store: bool) -> Option<(u32, usize)> {
        if self.op.failed() || want == 0 {
            return None;
        }
        if self.op.count == 0 {
            if !self.op.flags.contains(CcwFlags::CD) {
                return None;
            }
            let next = self.op.ccw_addr.wrapping_add(8);
            if let Err(e) = load_ccw(self.mem, self.op, next, true) {
                self.op.status |= e;
                return None;
            }
        }
        let skip = store && self.op.flags.contains(CcwFlags::SKIP);
        if self.op.ida_next {
            let next = self.op.idaw.wrapping_add(4) & 0x00FF_FFFF;
            if let Err(e) = fetch_ok(self.mem, self.op.key, next, 4) {
                self.op.status |= e;
                return None;
            }
            let idaw = read4(self.mem, next);
            if idaw & 0xFF00_07FF != 0 {
                self.op.status |= ChannelStatus::PROGRAM_CHECK;
                return None;
            }
            self.op.idaw = next;
            self.op.data = idaw;
            self.op.ida_next = false;
        }
        let addr = self.op.data;
        let to_block_end = (0x800 - (addr & 0x7FF)) as usize;
        let len = want.min(self.op.count as usize).min(to_block_end);
        if !skip {
            if addr >= self.mem.size() {
                self.op.status |= ChannelStatus::PROGRAM_CHECK;
                return None;
            }
            let k = self.mem.key(addr);
            let key = self.op.key;
            if key != 0 && k >> 4 != key && (store || k & FETCH_PROTECT != 0) {
                self.op.status |= ChannelStatus::PROTECTION_CHECK;
                return None;
            }
            let rc = if store { REFERENCE | CHANGE } else { REFERENCE };
            self.mem.set_key(addr, k | rc);
        }
        Some((addr, len))
    }

    fn consume(&mut self, len: usize) {
        self.op.count -= len as u16;
        self.op.data = self.op.data.wrapping_add(len as u32) & 0x00FF_FFFF;
        if self.op.flags.contains(CcwFlags::IDA) && self.op.data & 0x7FF == 0 {
            self.op.ida_next = true;
        }
    }

    /// Output: fill `buf` from the program's data area. Returns the bytes fetched; fewer
    /// than `buf.len()` means the count ran out (incorrect length) or an error.
    pub fn fetch(&mut self, buf: &mut [u8]) -> usize {
        let mut n = 0;
        while n < buf.len() {
            let Some((addr, len)) = self.next_chunk(buf.len() - n, false) else {
                break;
            };
            buf[n..n + len].copy_from_slice(self.mem.peek(addr, len as u32).expect("checked"));
            self.consume(len);
            n += len;
        }
        if n < buf.len() && !self.op.failed() {
            self.op.overrun = true;
        }
        n
    }

    /// Output for devices with no fixed record size (a typewriter line): everything the
    /// channel program offers through all data-chained CCWs, but at most `limit` bytes
    /// (a data chain can loop through a TIC forever). Stopping at the limit leaves a
    /// residual count, hence incorrect length, as a device that stops early does.
    pub fn fetch_up_to(&mut self, limit: usize) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some((addr, len)) = self.next_chunk(limit - out.len(), false) {
            out.extend_from_slice(self.mem.peek(addr, len as u32).expect("checked"));
            self.consume(len);
        }
        out
    }

    /// Input: store `data` into the program's data area. Returns the bytes accepted
    /// (counted, even when SKIP suppresses the store); fewer than `data.len()` means the
    /// count ran out (incorrect length) or an error.
    pub fn store(&mut self, data: &[u8]) -> usize {
        let mut n = 0;
        while n < data.len() {
            let Some((addr, len)) = self.next_chunk(data.len() - n, true) else {
                break;
            };
            if !self.op.flags.contains(CcwFlags::SKIP) {
                self.mem
                    .slice_mut(addr, len as u32)
                    .expect("checked")
                    .copy_from_slice(&data[n..n + len]);
            }
            self.consume(len);
            n += len;
        }
        if n < data.len() && !self.op.failed() {
            self.op.overrun = true;
        }
        n
    }
}
