//! The sources of CP and CMS (and the S disk's files): embedded in the binary, or read
//! from a roms directory (`--roms`).

use std::collections::BTreeMap;
use std::path::Path;

use super::install;
use crate::asm::{self, Assembly};

macro_rules! roms {
    ($($path:literal),* $(,)?) => {
        /// The sources of CP and CMS and the S disk's files, embedded in the binary: (path
        /// under roms/, text).
        pub const EMBEDDED: &[(&str, &str)] = &[
            $(($path, include_str!(concat!("../../roms/", $path))),)*
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
    "cp/query.asm",
    "cp/logon.asm",
    "cp/cmdvm.asm",
    "cp/cmdmsg.asm",
    "cp/diagnose.asm",
    "cp/timefmt.asm",
    "cp/storage.asm",
    "cp/ios.asm",
    "cp/ccw.asm",
    "cp/vdasd.asm",
    "cp/ioreq.asm",
    "cp/vspool.asm",
    "cp/cspool.asm",
    "cp/link.asm",
    "cp/attach.asm",
    "cp/operator.asm",
    "cp/spfiles.asm",
    "cp/rspool.asm",
    "cp/cmdsys.asm",
    "cp/privsim.asm",
    "cp/privext.asm",
    "cp/vtimer.asm",
    "cp/vipl.asm",
    "cp/vat.asm",
    "cp/vdas.asm",
    "cp/paging.asm",
    "cp/pagecmd.asm",
    "cp/prefix.asm",
    "cp/pagekey.asm",
    "cp/cpmsg.asm",
    "cp/enter.asm",
    "cp/leave.asm",
    "cp/call.asm",
    "cms/sdisk/ACCESS.HELPCMD",
    "cms/sdisk/CMS.HELPCMD",
    "cms/sdisk/COPYFILE.HELPCMD",
    "cms/sdisk/COPYIT.ASSEMBLE",
    "cms/sdisk/COUNT.EXEC",
    "cms/sdisk/EDIT.HELPCMD",
    "cms/sdisk/ERASE.HELPCMD",
    "cms/sdisk/FORMAT.HELPCMD",
    "cms/sdisk/GENMOD.HELPCMD",
    "cms/sdisk/HELLO.ASSEMBLE",
    "cms/sdisk/HELP.HELPCMD",
    "cms/sdisk/LISTFILE.HELPCMD",
    "cms/sdisk/LOAD.HELPCMD",
    "cms/sdisk/OOPS.ASSEMBLE",
    "cms/sdisk/PRINT.HELPCMD",
    "cms/sdisk/PROFSAMP.EXEC",
    "cms/sdisk/PUNCH.HELPCMD",
    "cms/sdisk/QUERY.HELPCMD",
    "cms/sdisk/READCARD.HELPCMD",
    "cms/sdisk/RELEASE.HELPCMD",
    "cms/sdisk/RENAME.HELPCMD",
    "cms/sdisk/SAMPLE.EXEC",
    "cms/sdisk/SET.HELPCMD",
    "cms/sdisk/SPIN.EXEC",
    "cms/sdisk/START.HELPCMD",
    "cms/sdisk/STATE.HELPCMD",
    "cms/sdisk/TOUR.EXEC",
    "cms/sdisk/TYPE.HELPCMD",
    "cms/cms.asm",
    "cms/iplnuc.asm",
    "cms/blocks.asm",
    "cms/nucon.asm",
    "cms/init.asm",
    "cms/cmdloop.asm",
    "cms/intr.asm",
    "cms/cmdexec.asm",
    "cms/cmdtab.asm",
    "cms/scan.asm",
    "cms/console.asm",
    "cms/devio.asm",
    "cms/dasd.asm",
    "cms/free.asm",
    "cms/line.asm",
    "cms/msgs.asm",
    "cms/adt.asm",
    "cms/fst.asm",
    "cms/fsread.asm",
    "cms/fswrite.asm",
    "cms/commit.asm",
    "cms/access.asm",
    "cms/listfile.asm",
    "cms/typefile.asm",
    "cms/format.asm",
    "cms/recomp.asm",
    "cms/erase.asm",
    "cms/copyfile.asm",
    "cms/query.asm",
    "cms/svc.asm",
    "cms/loader.asm",
    "cms/module.asm",
    "cms/unitrec.asm",
    "cms/edit.asm",
    "cms/editline.asm",
    "cms/editcmd.asm",
    "cms/editstr.asm",
    "cms/exec.asm",
    "cms/execstmt.asm",
    "cms/execio.asm",
    "cms/execexpr.asm",
    "cms/execvar.asm",
    "cms/enter.asm",
    "cms/return.asm",
    "cms/call.asm",
    "cms/type.asm",
);

/// Where the ROM sources come from.
pub struct Roms {
    /// How diagnostics and traces name the directory the files came from.
    pub(super) base: String,
    /// Make listings too (`cpcms sysgen`); start-up does without, it is faster.
    pub listings: bool,
    pub(super) files: BTreeMap<String, String>,
}

impl Roms {
    /// The copies embedded in the binary.
    pub fn embedded() -> Roms {
        Roms {
            base: "roms".to_string(),
            listings: false,
            files: EMBEDDED
                .iter()
                .map(|(p, t)| (p.to_string(), t.to_string()))
                .collect(),
        }
    }

    /// Every `.asm` file under `dir/cp` and `dir/cms`, and the S disk's files in
    /// `dir/cms/sdisk` (see [`install`]; none when it is missing).
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
        let d = dir.join(install::SDISK_DIR);
        if d.is_dir() {
            let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
            for entry in entries {
                let path = entry.map_err(|e| format!("{}: {e}", d.display()))?.path();
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if name.starts_with('.') || name.ends_with('~') {
                    continue;
                }
                if !path.is_file() {
                    return Err(format!("{}: not a file", path.display()));
                }
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                files.insert(format!("{}/{name}", install::SDISK_DIR), text);
            }
        }
        Ok(Roms {
            base: dir.display().to_string(),
            listings: false,
            files,
        })
    }

    /// The S disk's files: (name in `roms/cms/sdisk`, text), in name order.
    pub fn sdisk(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().filter_map(|(k, t)| {
            k.strip_prefix(install::SDISK_DIR)
                .and_then(|n| n.strip_prefix('/'))
                .map(|n| (n, t.as_str()))
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
        // Each file with the path messages, traces and listings name it by: under the
        // roms directory, or "SYSCONF (generated)".
        let read = |name: &str| -> Option<(String, String)> {
            if let Some(t) = self.files.get(name) {
                return Some((format!("{}/{name}", self.base), t.clone()));
            }
            if let Some(t) = extra.get(&name.to_ascii_uppercase()) {
                return Some((format!("{name} (generated)"), t.clone()));
            }
            let key = format!("{sub}/{}.asm", name.to_ascii_lowercase());
            let t = self.files.get(&key)?;
            Some((format!("{}/{key}", self.base), t.clone()))
        };
        let opts = asm::Options {
            listing: self.listings,
            object: false,
        };
        asm::assemble_files(&format!("{sub}/{main}.asm"), &read, &opts)
            .map(|out| out.assembly)
            .map_err(|errors| errors.join("\n"))
    }
}
