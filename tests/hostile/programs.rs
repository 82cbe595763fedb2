//! Guest programs (the hostile suite: see tests/hostile.rs).

use super::*;

/// CP and CMS from CPCMS_HOSTILE_ROMS (a directory like roms/, e.g. a CP being
/// rewritten in another worktree) instead of the copies built into cpcms: the suite runs
/// against it without rebuilding.
pub(crate) fn roms_dir() -> Option<PathBuf> {
    std::env::var_os("CPCMS_HOSTILE_ROMS").map(PathBuf::from)
}

/// The sources CP was assembled from: (path under roms/, text).
pub(crate) fn rom_sources() -> Vec<(String, String)> {
    match roms_dir() {
        None => EMBEDDED
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect(),
        Some(dir) => std::fs::read_dir(dir.join("cp"))
            .expect("CPCMS_HOSTILE_ROMS/cp")
            .filter_map(|e| {
                let path = e.ok()?.path();
                let name = path.file_name()?.to_str()?.to_ascii_lowercase();
                let text = std::fs::read_to_string(&path).ok()?;
                name.ends_with(".asm").then(|| (format!("cp/{name}"), text))
            })
            .collect(),
    }
}

pub(crate) fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

/// Assemble tests/hostile/NAME.asm with cpcms's own assembler (COPY members such as GUEST
/// and DOIO come from the same directory).
pub(crate) fn program(name: &str) -> Assembly {
    let dir = hostile_dir();
    let read = |n: &str| -> Option<String> {
        let file = if n.ends_with(".asm") {
            n.to_string()
        } else {
            format!("{}.asm", n.to_ascii_lowercase())
        };
        std::fs::read_to_string(dir.join(file)).ok()
    };
    asm::assemble_with(&format!("{name}.asm"), &read, &asm::Options::default())
        .unwrap_or_else(|e| panic!("tests/hostile/{name}.asm:\n{}", e.join("\n")))
        .assembly
}

/// A program with some of its fields set by the test: (symbol, bytes).
pub(crate) fn patched(name: &str, patches: &[(&str, &[u8])]) -> Assembly {
    let mut a = program(name);
    for (sym, bytes) in patches {
        let at = a
            .symbols
            .get(*sym)
            .unwrap_or_else(|| panic!("{name}: no symbol {sym}"))
            .value;
        let off = (at - a.origin) as usize;
        a.image[off..off + bytes.len()].copy_from_slice(bytes);
    }
    a
}

pub(crate) fn ebcdic(s: &str) -> Vec<u8> {
    cpcms::ebcdic::encode(s)
}
