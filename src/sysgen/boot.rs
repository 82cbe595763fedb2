//! Putting it together: a configuration checked ([`SysConfig`]) and a system built,
//! loaded and IPLed ([`System`]), and what Rust reads back as an observer.

use std::collections::BTreeMap;
use std::path::Path;

use crate::devices::dasd::Dasd;
use crate::machine::{Machine, MachineConfig};

use super::*;

impl SysConfig {
    /// Check what CP's tables can hold (the same rules a scenario is checked by, with
    /// positions, when it is read); `Err` says what is wrong.
    pub fn check(&self) -> Result<(), String> {
        if self.users.is_empty() || self.users.len() > MAX_USERS {
            return Err(format!(
                "the directory holds 1 to {MAX_USERS} users, not {}",
                self.users.len()
            ));
        }
        if self.terminals == 0 || self.terminals > MAX_TERMINALS {
            return Err(format!(
                "there must be 1 to {MAX_TERMINALS} terminals, not {}",
                self.terminals
            ));
        }
        check_storage(self.storage).map_err(|e| format!("machine storage {e}"))?;
        volumes::check_all(&self.volumes)?;
        for u in &self.users {
            if !valid_cp_name(&u.id) || !valid_cp_name(&u.password) {
                return Err(format!(
                    "user {}: userid and password must be 1-8 of A-Z 0-9 $ # @",
                    u.id
                ));
            }
            check_user_storage(u.storage)
                .map_err(|e| format!("user {}: virtual storage {e}", u.id))?;
        }
        Ok(())
    }

    /// `storage_needed` against the machine's size, said where the size was written.
    fn check_frames(&self, nss_end: u32, nss_len: u32) -> Result<(), String> {
        let need = storage_needed(nss_end, nss_len, self.terminals);
        if need <= u64::from(self.storage) {
            return Ok(());
        }
        let t = self.terminals;
        let cp = u64::from(nss_end.next_multiple_of(4096))
            + SPOOL_FRAMES * 4096
            + OPERATOR_FRAMES * 4096;
        let per = (need - cp) / t as u64;
        Err(format!(
            "{}machine storage {}K is too small for {t} terminal{}: CP, its spool area and \
             the CMS nucleus take {}K (and the operator's DAT tables), and each terminal needs {}K more (a frame for its DAT tables, {} for \
             the CMS nucleus, {WORK_FRAMES} to work in): at least {}K",
            self.storage_at
                .as_deref()
                .map(|a| format!("{a}: "))
                .unwrap_or_default(),
            self.storage / 1024,
            if t == 1 { "" } else { "s" },
            cp / 1024,
            per / 1024,
            nss_len.div_ceil(4096),
            need.div_ceil(1024),
        ))
    }
}

impl System {
    /// Assemble roms (from `roms_dir`, or the copies embedded in the binary when `None`),
    /// build the machine and IPL CP.
    pub fn boot(cfg: &SysConfig, roms_dir: Option<&Path>) -> Result<System, String> {
        Self::boot_in(cfg, roms_dir, None)
    }

    /// As [`System::boot`], with the system residence volume kept in `data_dir` (file
    /// `sysres.3350`) instead of in memory: made there when missing; when present, its
    /// cylinder 0 (IPL records, CP, the CMS nucleus) and the S disk are written afresh
    /// from roms/ and the users' minidisks are kept, so what they wrote is there at the
    /// next start (a minidisk never written is CMS-formatted: see [`install`]).
    pub fn boot_in(
        cfg: &SysConfig,
        roms_dir: Option<&Path>,
        data_dir: Option<&Path>,
    ) -> Result<System, String> {
        let roms = match roms_dir {
            Some(d) => Roms::from_dir(d)?,
            None => Roms::embedded(),
        };
        Self::boot_roms(cfg, &roms, data_dir)
    }

    /// As [`System::boot_in`], from `roms` (with listings if it asks for them).
    pub fn boot_roms(
        cfg: &SysConfig,
        roms: &Roms,
        data_dir: Option<&Path>,
    ) -> Result<System, String> {
        cfg.check()?;
        let cms = roms.assemble("cms", "cms", &BTreeMap::new())?;
        let nss = cms.image.clone();
        let extents = if cfg.disks.is_empty() {
            allocate(&cfg.users, &kept_extents(cfg, data_dir)?)?
        } else {
            // A directory names every extent itself: the record just lists those on the
            // system residence volume.
            cfg.disks
                .iter()
                .filter(|d| !d.link && d.raddr == SYSRES)
                .map(|d| Extent {
                    user: d.user.clone(),
                    vaddr: d.vaddr,
                    start: d.start,
                    cyls: d.cyls,
                })
                .collect()
        };
        let mut extra = BTreeMap::new();
        extra.insert("SYSCONF".to_string(), sysconf(cfg, nss.len() as u32));
        extra.insert("SYSDIR".to_string(), sysdir(cfg, &extents));
        let mut cp = roms.assemble("cp", "cp", &extra)?;
        // With --data CP keeps its spool files on the volume, when it leaves room for
        // them on cylinder 0 (see machine_room): the same CP, told so.
        let keep_spool = data_dir.is_some() && machine_room::spool_fits(cp.image.len(), nss.len());
        if keep_spool {
            extra.insert(
                "SYSCONF".to_string(),
                sysconf(cfg, nss.len() as u32).replace(
                    &machine_room::spool_conf(false),
                    &machine_room::spool_conf(true),
                ),
            );
            cp = roms.assemble("cp", "cp", &extra)?;
        }
        let nssarea = cp
            .symbols
            .get("NSSAREA")
            .ok_or("CP defines no NSSAREA: nowhere to put the CMS nucleus")?
            .value;
        // NSSAREA is CP's last section, and empty: anything of CP's there would lie
        // where the CMS nucleus goes.
        let cp_end = u64::from(cp.origin) + cp.image.len() as u64;
        if cp_end > u64::from(nssarea) {
            return Err(format!(
                "CP's image ends at X'{cp_end:06X}', past NSSAREA (X'{nssarea:06X}'), where \
                 the CMS nucleus goes: NSSAREA must be CP's last section, and empty"
            ));
        }
        let end = u32::try_from(u64::from(nssarea) + nss.len() as u64)
            .map_err(|_| "CP and the CMS nucleus do not fit in 24-bit storage".to_string())?;
        cfg.check_frames(end, nss.len() as u32)?;
        let mut volume = build_sysres(cfg, &cp, &nss, &extents)?;
        let disks = user_disks(cfg, &extents);
        let files = install::sdisk_files(roms, install::stamp_of_tod(cfg.tod_epoch))?;
        let nucleus = match install::sdisk_of(&disks) {
            Some(s) if s.raddr == SYSRES && !s.dedicated => {
                iplnuc::Nucleus::new(roms, &cms, s.cyls)?
            }
            _ => None,
        };
        install::install(&mut volume, &disks, &files, nucleus.as_ref())?;
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
        let dasd = match data_dir {
            None => Dasd::in_memory(volume, SYSRES_MODEL)?,
            Some(dir) => Dasd::open(
                &keep_sysres(dir, &volume, &disks, keep_spool)?,
                SYSRES_MODEL,
            )?,
        }
        .at(SYSRES);
        machine.attach(SYSRES, Box::new(dasd));
        // CP's paging device, unless the system has none (CP then never starts I/O on
        // it: no slot, no page-out, no page-in).
        let cyls = page_area_cyls(cfg);
        if cyls > 0 {
            let page = build_page_volume(cyls);
            machine.attach(
                PAGE_DEV,
                Box::new(Dasd::in_memory(page, SYSRES_MODEL)?.at(PAGE_DEV)),
            );
        }
        for v in &cfg.volumes {
            if v.create {
                v.create()?;
            }
            machine.attach(v.addr, Box::new(v.open()?));
        }
        machine_room::attach(&mut machine);
        machine.ipl(SYSRES)?;
        Ok(System {
            machine,
            cp,
            cms,
            extents,
            terminals,
            operator: OPERATOR,
        })
    }

    /// The system residence volume as it is now (it is held in memory).
    pub fn sysres_image(&self) -> Option<&[u8]> {
        self.machine.channel().device(SYSRES)?.volume()
    }

    /// The logged-on virtual machines, read from CP's VMBLOKs.
    pub fn vm_status(&self) -> Vec<VmStatus> {
        match VmTable::new(&self.cp) {
            Some(t) => t.read(&self.machine.cpu),
            None => Vec::new(),
        }
    }

    /// The paging counts, if CP has paging (`None` for a CP without DMKPAG).
    pub fn paging(&self) -> Option<PagingStatus> {
        let sym = |n: &str| self.cp.symbols.get(n).map(|s| s.value);
        let word = |a: u32| {
            self.machine
                .peek(a, 4)
                .map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
        };
        let (table, len, count) = (sym("VMTABLE")?, sym("VMBLKLEN")?, sym("NUMVM")?);
        let (frames, pages) = (sym("VMFRAMES")?, sym("VMPGTOT")?);
        let users = self
            .vm_status()
            .into_iter()
            .filter_map(|v| {
                (0..count)
                    .map(|i| table + i * len)
                    .find(|&vm| {
                        let id = crate::ebcdic::decode(self.machine.peek(vm, 8).unwrap_or(&[]));
                        id.trim_end() == v.userid
                    })
                    .map(|vm| (v.userid, word(vm + frames), word(vm + pages)))
            })
            .collect();
        Some(PagingStatus {
            page_ins: word(sym("PGINS")?),
            page_outs: word(sym("PGOUTS")?),
            waits: word(sym("PGWAITS")?),
            steals: word(sym("PGSTEALS")?),
            users,
        })
    }

    /// Per logged-on user: the virtual CPU time CP charged it (VMVTIME) and the time CP
    /// spent for it (VMCTIME), in CPU-timer units (TOD units), read from its VMBLOK now.
    pub fn vm_times(&self) -> Vec<(String, u64, u64)> {
        match VmTable::new(&self.cp) {
            Some(t) => t.times(&self.cp, &self.machine.cpu),
            None => Vec::new(),
        }
    }

    /// Which user owns which address space (CR1 value), read from CP's VMBLOKs now.
    pub fn address_spaces(&self) -> Vec<(u32, String)> {
        match VmTable::new(&self.cp) {
            Some(t) => t.address_spaces(&self.machine.cpu),
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
