//! Reading CP's VMBLOKs from real storage, like a hardware monitor: by the field names
//! the assembler exported (see [`super::System::vm_status`]).

use super::VmStatus;
use crate::asm::Assembly;

/// Where CP keeps its VMBLOKs and where the fields are in one, from CP's symbol table.
#[derive(Clone, Debug)]
pub(super) struct VmTable {
    table: u32,
    len: u32,
    count: u32,
    user: u32,
    state: u32,
    term: u32,
    privops: u32,
    seg: u32,
    /// VMVATFR: the machine's shadow segment tables while its PSW has DAT on (vat.asm:
    /// two, at +0 and +1K); the real CR1 is then one's address with length X'0F'.
    shadow: Option<u32>,
}

impl VmTable {
    pub(super) fn new(cp: &Assembly) -> Option<VmTable> {
        let sym = |n: &str| cp.symbols.get(n).map(|s| s.value);
        Some(VmTable {
            table: sym("VMTABLE")?,
            len: sym("VMBLKLEN")?,
            count: sym("NUMVM")?,
            user: sym("VMUSER")?,
            state: sym("VMSTATE")?,
            term: sym("VMTERMA")?,
            privops: sym("VMPRVCNT")?,
            seg: sym("VMSEG")?,
            shadow: sym("VMVATFR"),
        })
    }

    fn bytes(cpu: &crate::cpu::Cpu, addr: u32, len: u32) -> &[u8] {
        cpu.mem
            .peek(addr, len)
            .unwrap_or(&[0, 0, 0, 0, 0, 0, 0, 0][..len.min(8) as usize])
    }

    fn word(cpu: &crate::cpu::Cpu, addr: u32) -> u32 {
        let b = Self::bytes(cpu, addr, 4);
        u32::from_be_bytes([b[0], b[1], b[2], b[3]])
    }

    /// The VMBLOKs in use: (address, state code).
    fn in_use<'a>(&'a self, cpu: &'a crate::cpu::Cpu) -> impl Iterator<Item = (u32, u8)> + 'a {
        (0..self.count).filter_map(move |i| {
            let vm = self.table + i * self.len;
            let st = Self::bytes(cpu, vm + self.state, 1)[0];
            (st != 0).then_some((vm, st))
        })
    }

    /// The real CR1s the machine runs with on its shadow tables, if it has them: the
    /// frame's two shadow segment tables, at +0 and +1K (one a space, vat.asm).
    fn shadow_cr1(&self, cpu: &crate::cpu::Cpu, vm: u32) -> Vec<u32> {
        let Some(field) = self.shadow else {
            return Vec::new();
        };
        let sto = Self::word(cpu, vm + field);
        if sto == 0 {
            return Vec::new();
        }
        vec![sto | 0x0F00_0000, (sto + 1024) | 0x0F00_0000]
    }

    fn userid(&self, cpu: &crate::cpu::Cpu, vm: u32) -> String {
        crate::ebcdic::decode(Self::bytes(cpu, vm + self.user, 8))
            .trim_end()
            .to_string()
    }

    pub(super) fn read(&self, cpu: &crate::cpu::Cpu) -> Vec<VmStatus> {
        self.in_use(cpu)
            .map(|(vm, st)| {
                let b = Self::bytes(cpu, vm + self.term, 2);
                let cr1 = Self::word(cpu, vm + self.seg);
                let shadow = self.shadow_cr1(cpu, vm);
                VmStatus {
                    userid: self.userid(cpu, vm),
                    terminal: u16::from_be_bytes([b[0], b[1]]),
                    state: match st {
                        1 => "RUNNING",
                        2 => "VM READ",
                        3 => "WAIT",
                        5 => "CP WRITE",
                        6 => "PAGE WAIT",
                        _ => "CP READ",
                    }
                    .to_string(),
                    instructions: cpu
                        .problem_instructions
                        .iter()
                        .filter(|(c, _)| *c == cr1 || shadow.contains(c))
                        .map(|(_, n)| *n)
                        .sum(),
                    privops: Self::word(cpu, vm + self.privops) as u64,
                }
            })
            .collect()
    }

    /// Per logged-on machine: userid, VMVTIME and VMCTIME (CPU-timer units, as CP
    /// charged them: its own run time, and CP's time spent for it).
    pub(super) fn times(&self, cp: &Assembly, cpu: &crate::cpu::Cpu) -> Vec<(String, u64, u64)> {
        let sym = |n: &str| cp.symbols.get(n).map(|s| s.value);
        let (Some(vt), Some(ct)) = (sym("VMVTIME"), sym("VMCTIME")) else {
            return Vec::new();
        };
        let dword =
            |a: u32| (u64::from(Self::word(cpu, a)) << 32) | u64::from(Self::word(cpu, a + 4));
        self.in_use(cpu)
            .map(|(vm, _)| (self.userid(cpu, vm), dword(vm + vt), dword(vm + ct)))
            .collect()
    }

    pub(super) fn address_spaces(&self, cpu: &crate::cpu::Cpu) -> Vec<(u32, String)> {
        self.in_use(cpu)
            .flat_map(|(vm, _)| {
                let id = self.userid(cpu, vm);
                let shadow: Vec<(u32, String)> = self
                    .shadow_cr1(cpu, vm)
                    .into_iter()
                    .map(|c| (c, id.clone()))
                    .collect();
                std::iter::once((Self::word(cpu, vm + self.seg), id)).chain(shadow)
            })
            .collect()
    }
}
