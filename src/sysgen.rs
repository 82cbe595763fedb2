//! System generation: assemble CP and CMS from `roms/`, write CP's configuration, load
//! both into a machine and IPL CP.
//!
//! This is what a VM/370 system programmer did with DMKRIO, DMKSYS and the directory, in
//! one step, in milliseconds:
//!
//! 1. CMS is assembled first (origin 0: it becomes each virtual machine's page 0 on up).
//! 2. `SYSCONF`, a COPY member of CP, is *generated* as assembler source from the
//!    scenario: the terminal addresses, the user directory, the real storage size and the
//!    CMS nucleus length. Students can read it in the listing like any other CP source.
//! 3. CP is assembled (origin 0: its PSA is real page 0).
//! 4. CP is loaded at 0 and the CMS nucleus at CP's `NSSAREA` — VM/370 would call that a
//!    named saved system; `LOGON` copies it into each new virtual machine.
//! 5. The machine IPLs CP: the PSW is loaded from location 0.
//!
//! After that, Rust only observes: [`System::vm_status`] reads CP's VMBLOKs by the field
//! names the assembler exported, like a hardware monitor would.

use std::collections::BTreeMap;
use std::path::Path;

use crate::asm::{self, Assembly};
use crate::machine::{Machine, MachineConfig};

/// One user in the CP directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: String,
    pub password: String,
    /// Virtual storage in bytes.
    pub storage: u32,
}

/// Everything sysgen needs to know.
#[derive(Clone, Debug)]
pub struct SysConfig {
    pub storage: u32,
    pub mips: f64,
    pub tod_epoch: u64,
    pub users: Vec<User>,
    /// Number of user terminals (3215s at 020, 021, ...).
    pub terminals: usize,
}

/// A booted system: the machine with CP running, and the assemblies for observers.
pub struct System {
    pub machine: Machine,
    pub cp: Assembly,
    pub cms: Assembly,
    /// Device addresses of the user terminals, in terminal-number order.
    pub terminals: Vec<u16>,
    /// Device address of the operator console.
    pub operator: u16,
}

/// What CP's VMBLOKs say about one virtual machine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VmStatus {
    pub userid: String,
    pub terminal: u16,
    /// "RUNNING", "VM READ", "WAIT", "STOPPED".
    pub state: String,
    /// Problem-state instructions executed in this virtual machine.
    pub instructions: u64,
    /// Privileged instructions CP trapped and emulated for it.
    pub privops: u64,
}

/// The operator's console.
pub const OPERATOR: u16 = 0x009;
/// The first user terminal; the others follow.
pub const FIRST_TERMINAL: u16 = 0x020;
/// Most users the directory holds (it lives in CP's first page).
pub const MAX_USERS: usize = 64;
/// Most user terminals.
pub const MAX_TERMINALS: usize = 32;

macro_rules! roms {
    ($($path:literal),* $(,)?) => {
        /// The sources of CP and CMS embedded in the binary: (path under roms/, text).
        pub const EMBEDDED: &[(&str, &str)] = &[
            $(($path, include_str!(concat!("../roms/", $path))),)*
        ];
    };
}

roms!(
    "cp/cp.asm",
    "cp/blocks.asm",
    "cp/psa.asm",
    "cp/init.asm",
    "cp/entry.asm",
    "cp/dispatch.asm",
    "cp/privop.asm",
    "cp/reflect.asm",
    "cp/guestmem.asm",
    "cp/vconsole.asm",
    "cp/terminal.asm",
    "cp/command.asm",
    "cp/logon.asm",
    "cp/cmdvm.asm",
    "cp/diagnose.asm",
    "cp/timefmt.asm",
    "cp/storage.asm",
    "cp/ios.asm",
    "cp/ccw.asm",
    "cp/vdasd.asm",
    "cms/cms.asm",
    "cms/nucon.asm",
    "cms/init.asm",
    "cms/cmdloop.asm",
    "cms/console.asm",
    "cms/intr.asm",
);

/// Where the ROM sources come from.
pub struct Roms {
    /// How diagnostics and traces name the directory the files came from.
    base: String,
    files: BTreeMap<String, String>,
}

impl Roms {
    /// The copies embedded in the binary.
    pub fn embedded() -> Roms {
        Roms {
            base: "roms".to_string(),
            files: EMBEDDED
                .iter()
                .map(|(p, t)| (p.to_string(), t.to_string()))
                .collect(),
        }
    }

    /// Every `.asm` file under `dir/cp` and `dir/cms`.
    pub fn from_dir(dir: &Path) -> Result<Roms, String> {
        let mut files = BTreeMap::new();
        for sub in ["cp", "cms"] {
            let d = dir.join(sub);
            let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
            for entry in entries {
                let path = entry.map_err(|e| format!("{}: {e}", d.display()))?.path();
                if path.extension().and_then(|x| x.to_str()) != Some("asm") {
                    continue;
                }
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                let name = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default();
                files.insert(format!("{sub}/{}", name.to_ascii_lowercase()), text);
            }
        }
        Ok(Roms {
            base: dir.display().to_string(),
            files,
        })
    }

    /// Assemble `sub/main.asm`, COPY members coming from `sub/` (lower-cased names),
    /// `extra` members from memory.
    pub fn assemble(
        &self,
        sub: &str,
        main: &str,
        extra: &BTreeMap<String, String>,
    ) -> Result<Assembly, String> {
        let read = |name: &str| -> Option<String> {
            if let Some(t) = self.files.get(name) {
                return Some(t.clone());
            }
            if let Some(t) = extra.get(&name.to_ascii_uppercase()) {
                return Some(t.clone());
            }
            let key = format!("{sub}/{}.asm", name.to_ascii_lowercase());
            self.files.get(&key).cloned()
        };
        let path = |name: &str| -> String {
            if self.files.contains_key(name) {
                return format!("{}/{name}", self.base);
            }
            let key = format!("{sub}/{}.asm", name.to_ascii_lowercase());
            if self.files.contains_key(&key) {
                format!("{}/{key}", self.base)
            } else {
                format!("{name} (generated)")
            }
        };
        match asm::assemble(&format!("{sub}/{main}.asm"), &read) {
            Ok(mut a) => {
                // Name source lines by their files under roms/, for traces and listings.
                let mut named: BTreeMap<String, String> = BTreeMap::new();
                for l in &mut a.lines {
                    let p = named.entry(l.file.clone()).or_insert_with(|| path(&l.file));
                    l.file.clone_from(p);
                }
                Ok(a)
            }
            Err(errors) => Err(errors
                .iter()
                .map(|e| match e.split_once(':') {
                    Some((file, rest)) if !file.contains(' ') => format!("{}:{rest}", path(file)),
                    _ => e.clone(),
                })
                .collect::<Vec<_>>()
                .join("\n")),
        }
    }
}

/// CP's configuration as assembler source (the COPY member `SYSCONF`).
pub fn sysconf(cfg: &SysConfig, nss_len: u32) -> String {
    let mut s = String::new();
    s.push_str("***********************************************************************\n");
    s.push_str("*  SYSCONF: generated by sysgen from the scenario. Do not edit: change *\n");
    s.push_str("*  the scenario's machine, users and terminals instead.               *\n");
    s.push_str("***********************************************************************\n");
    s.push_str(&format!(
        "NUMTERM  EQU   {}                   user terminals\n",
        cfg.terminals
    ));
    s.push_str(&format!(
        "REALSIZE DC    F'{}'          real storage\n",
        cfg.storage
    ));
    s.push_str(&format!(
        "NSSLEN   DC    F'{nss_len}'           the CMS nucleus\n"
    ));
    s.push_str("SYSRES   DC    H'0'                system residence volume: none yet\n");
    s.push_str("NSSCYL   DC    H'0'                the CMS nucleus on it: cylinder,\n");
    s.push_str("NSSHEAD  DC    H'0'                  head,\n");
    s.push_str("NSSPAGES DC    H'0'                  4K records,\n");
    s.push_str("NSSRPT   DC    H'1'                  records per track,\n");
    s.push_str("NSSHPC   DC    H'1'                  heads per cylinder\n");
    s.push_str(&format!(
        "TERMADDR DC    X'{OPERATOR:04X}'             the operator\n"
    ));
    for t in 0..cfg.terminals {
        s.push_str(&format!(
            "         DC    X'{:04X}'             terminal {t}\n",
            FIRST_TERMINAL as usize + t
        ));
    }
    s.push_str(&format!(
        "DIRCOUNT DC    F'{}'                users\n",
        cfg.users.len()
    ));
    s.push_str("DIRECTRY DS    0F                  USER userid password storage\n");
    for u in &cfg.users {
        s.push_str(&format!(
            "         DC    CL8'{}',CL8'{}',F'{}',H'0',H'0'\n",
            u.id, u.password, u.storage
        ));
    }
    s
}

impl SysConfig {
    /// Check what CP's tables can hold; `Err` says what is wrong.
    pub fn check(&self) -> Result<(), String> {
        if self.users.len() > MAX_USERS {
            return Err(format!("at most {MAX_USERS} users fit in the CP directory"));
        }
        if self.terminals == 0 || self.terminals > MAX_TERMINALS {
            return Err(format!("terminals must be 1 to {MAX_TERMINALS}"));
        }
        if !self.storage.is_multiple_of(4096)
            || self.storage < 256 * 1024
            || self.storage > 16 << 20
        {
            return Err("machine storage must be a multiple of 4K from 256K to 16M".into());
        }
        for u in &self.users {
            let ok = |s: &str| {
                !s.is_empty()
                    && s.len() <= 8
                    && s.chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || "$#@".contains(c))
            };
            if !ok(&u.id) || !ok(&u.password) {
                return Err(format!(
                    "user {}: userid and password must be 1-8 of A-Z 0-9 $ # @",
                    u.id
                ));
            }
            if u.storage % 65536 != 0 || u.storage == 0 || u.storage > 4 << 20 {
                return Err(format!(
                    "user {}: storage must be a multiple of 64K up to 4M",
                    u.id
                ));
            }
        }
        Ok(())
    }
}

impl System {
    /// Assemble roms (from `roms_dir`, or the copies embedded in the binary when `None`),
    /// build the machine and IPL CP.
    pub fn boot(cfg: &SysConfig, roms_dir: Option<&Path>) -> Result<System, String> {
        cfg.check()?;
        let roms = match roms_dir {
            Some(d) => Roms::from_dir(d)?,
            None => Roms::embedded(),
        };
        let cms = roms.assemble("cms", "cms", &BTreeMap::new())?;
        let nss = cms.image.clone();
        let mut extra = BTreeMap::new();
        extra.insert("SYSCONF".to_string(), sysconf(cfg, nss.len() as u32));
        let cp = roms.assemble("cp", "cp", &extra)?;
        let nssarea = cp
            .symbols
            .get("NSSAREA")
            .ok_or("CP defines no NSSAREA: nowhere to put the CMS nucleus")?
            .value;
        let end = nssarea as u64 + nss.len() as u64;
        if end + 64 * 1024 > cfg.storage as u64 {
            return Err(format!(
                "CP and the CMS nucleus need {}K; the machine has {}K",
                end.div_ceil(1024) + 64,
                cfg.storage / 1024
            ));
        }
        let mut machine = Machine::new(&MachineConfig {
            storage: cfg.storage,
            mips: cfg.mips,
            tod_epoch: cfg.tod_epoch,
        });
        machine.attach_console(OPERATOR);
        let terminals: Vec<u16> = (0..cfg.terminals as u16)
            .map(|t| FIRST_TERMINAL + t)
            .collect();
        for &t in &terminals {
            machine.attach_console(t);
        }
        machine.load(cp.origin, &cp.image)?;
        machine.load(nssarea, &nss)?;
        let ipl_psw = u64::from_be_bytes(cp.image[..8].try_into().map_err(|_| "CP is empty")?);
        machine.cpu.set_psw(ipl_psw)?;
        Ok(System {
            machine,
            cp,
            cms,
            terminals,
            operator: OPERATOR,
        })
    }

    /// The logged-on virtual machines, read from CP's VMBLOKs.
    pub fn vm_status(&self) -> Vec<VmStatus> {
        match VmTable::new(&self.cp) {
            Some(t) => t.read(&self.machine.cpu),
            None => Vec::new(),
        }
    }

    /// For the tracer: which user owns which address space (CR1 value), read from CP's
    /// VMBLOKs each time it is asked.
    pub fn user_lookup(&self) -> crate::trace::UserLookup {
        let table = VmTable::new(&self.cp);
        Box::new(move |cpu: &crate::cpu::Cpu| match &table {
            Some(t) => t.address_spaces(cpu),
            None => Vec::new(),
        })
    }
}

/// Where CP keeps its VMBLOKs and where the fields are in one, from CP's symbol table.
#[derive(Clone, Debug)]
struct VmTable {
    table: u32,
    len: u32,
    count: u32,
    user: u32,
    state: u32,
    term: u32,
    privops: u32,
    seg: u32,
}

impl VmTable {
    fn new(cp: &Assembly) -> Option<VmTable> {
        let sym = |n: &str| cp.symbols.get(n).map(|s| s.value);
        Some(VmTable {
            table: sym("VMTABLE")?,
            len: sym("VMBLKLEN")?,
            count: sym("NUMTERM")?,
            user: sym("VMUSER")?,
            state: sym("VMSTATE")?,
            term: sym("VMTERMA")?,
            privops: sym("VMPRVCNT")?,
            seg: sym("VMSEG")?,
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

    fn userid(&self, cpu: &crate::cpu::Cpu, vm: u32) -> String {
        crate::ebcdic::decode(Self::bytes(cpu, vm + self.user, 8))
            .trim_end()
            .to_string()
    }

    fn read(&self, cpu: &crate::cpu::Cpu) -> Vec<VmStatus> {
        self.in_use(cpu)
            .map(|(vm, st)| {
                let b = Self::bytes(cpu, vm + self.term, 2);
                let cr1 = Self::word(cpu, vm + self.seg);
                VmStatus {
                    userid: self.userid(cpu, vm),
                    terminal: u16::from_be_bytes([b[0], b[1]]),
                    state: match st {
                        1 => "RUNNING",
                        2 => "VM READ",
                        3 => "WAIT",
                        _ => "STOPPED",
                    }
                    .to_string(),
                    instructions: cpu
                        .problem_instructions
                        .iter()
                        .find(|(c, _)| *c == cr1)
                        .map(|(_, n)| *n)
                        .unwrap_or(0),
                    privops: Self::word(cpu, vm + self.privops) as u64,
                }
            })
            .collect()
    }

    fn address_spaces(&self, cpu: &crate::cpu::Cpu) -> Vec<(u32, String)> {
        self.in_use(cpu)
            .map(|(vm, _)| (Self::word(cpu, vm + self.seg), self.userid(cpu, vm)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> SysConfig {
        SysConfig {
            storage: 2 << 20,
            mips: 1.0,
            tod_epoch: 0,
            users: vec![User {
                id: "ALICE".into(),
                password: "SECRET".into(),
                storage: 512 * 1024,
            }],
            terminals: 2,
        }
    }

    #[test]
    fn every_rom_source_is_embedded() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("roms");
        let on_disk = Roms::from_dir(&dir).unwrap();
        let embedded = Roms::embedded();
        assert_eq!(
            on_disk.files.keys().collect::<Vec<_>>(),
            embedded.files.keys().collect::<Vec<_>>(),
            "add new roms/ files to the roms! list in sysgen.rs"
        );
    }

    #[test]
    fn sysconf_lists_terminals_and_directory() {
        let text = sysconf(&config(), 7000);
        assert!(text.contains("NUMTERM  EQU   2 "));
        assert!(text.contains("REALSIZE DC    F'2097152'"));
        assert!(text.contains("NSSLEN   DC    F'7000'"));
        assert!(text.contains("TERMADDR DC    X'0009'"));
        assert!(text.contains("         DC    X'0021'"));
        assert!(text.contains("DIRCOUNT DC    F'1'"));
        assert!(text.contains("DC    CL8'ALICE',CL8'SECRET',F'524288',H'0',H'0'"));
    }

    #[test]
    fn cp_and_cms_assemble_and_cp_publishes_its_tables() {
        let roms = Roms::embedded();
        let cms = roms.assemble("cms", "cms", &BTreeMap::new()).unwrap();
        assert_eq!(cms.origin, 0);
        let mut extra = BTreeMap::new();
        extra.insert(
            "SYSCONF".to_string(),
            sysconf(&config(), cms.image.len() as u32),
        );
        let cp = roms.assemble("cp", "cp", &extra).unwrap();
        // The IPL PSW: EC mode, disabled, pointing at CPINIT.
        assert_eq!(&cp.image[..4], &[0x00, 0x08, 0x00, 0x00]);
        let cpinit = cp.symbols["CPINIT"].value;
        assert_eq!(
            u32::from_be_bytes(cp.image[4..8].try_into().unwrap()),
            cpinit
        );
        // The new PSWs sit where the hardware looks for them.
        for (name, at) in [
            ("EXTNPSW", 0x58),
            ("SVCNPSW", 0x60),
            ("PRGNPSW", 0x68),
            ("IONPSW", 0x78),
        ] {
            assert_eq!(cp.symbols[name].value, at, "{name}");
        }
        // What observers read by name.
        for name in [
            "VMTABLE", "VMBLKLEN", "NUMTERM", "VMUSER", "VMSTATE", "VMTERMA", "VMPRVCNT", "VMSEG",
            "NSSAREA",
        ] {
            assert!(cp.symbols.contains_key(name), "{name}");
        }
        assert_eq!(cp.symbols["NUMTERM"].value, 2);
        assert_eq!(cp.symbols["VMUSER"].dsect.as_deref(), Some("VMBLOK"));
    }

    #[test]
    fn bad_configurations_are_refused() {
        let mut c = config();
        c.users[0].storage = 100_000;
        assert!(c.check().unwrap_err().contains("multiple of 64K"));
        let mut c = config();
        c.users[0].id = "alice".into();
        assert!(c.check().unwrap_err().contains("A-Z"));
        let mut c = config();
        c.terminals = 0;
        assert!(c.check().is_err());
    }
}
