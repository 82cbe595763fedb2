//! The assembler's commands: `asm` (image, listing, object deck) and `disasm`.

use std::io::Write;
use std::path::{Path, PathBuf};

use cpcms::trace::hex_groups;

use super::play::load_scenario;
use super::{Fail, bad};

/// Find a COPY member: `name.asm` in lower case, in `dirs` in order; its path and text.
pub(crate) fn find_member(name: &str, dirs: &[PathBuf]) -> Option<(String, String)> {
    let lower = name.to_lowercase();
    let file = if lower.ends_with(".asm") {
        lower
    } else {
        format!("{lower}.asm")
    };
    dirs.iter().find_map(|d| {
        let p = d.join(&file);
        let text = std::fs::read_to_string(&p).ok()?;
        Some((p.display().to_string(), text))
    })
}

/// Where `cpcms asm` writes its outputs.
pub(crate) struct AsmOut<'a> {
    pub(crate) image: Option<&'a Path>,
    pub(crate) listing: Option<&'a Path>,
    pub(crate) object: Option<&'a Path>,
}

/// Runs of `cpcms asm --bench`.
pub(crate) const BENCH_RUNS: usize = 50;

pub(crate) fn asm(
    file: &Path,
    outs: &AsmOut,
    include: &[PathBuf],
    bench: bool,
) -> Result<u8, Fail> {
    let name = file.display().to_string();
    let main_src =
        std::fs::read_to_string(file).map_err(|e| bad(format!("{name}: cannot read: {e}")))?;
    // The source's own directory first ("" for the current one, so that members are
    // named `sub.asm`, not `./sub.asm`).
    let mut dirs = vec![file.parent().map_or_else(PathBuf::new, Path::to_path_buf)];
    dirs.extend(include.iter().cloned());
    // CP's SYSCONF and SYSDIR are made by sysgen; without them in the directories, the
    // ones it makes for the demonstration (so `cpcms asm roms/cp/cp.asm` works as it is).
    let generated = std::cell::Cell::new(false);
    let sysconf = |member: &str| -> Option<(String, String)> {
        let cfg = load_scenario(None, &[]).ok()?.sys_config();
        let (conf, dir) =
            cpcms::sysgen::generated_members(&cfg, &cpcms::sysgen::Roms::embedded()).ok()?;
        generated.set(true);
        Some((
            format!("{member} (generated for the demonstration)"),
            if member == "SYSCONF" { conf } else { dir },
        ))
    };
    // Members are read once, so a benchmark times the assembler, not the file system.
    type Cache = std::collections::HashMap<String, Option<(String, String)>>;
    let cache = std::cell::RefCell::new(Cache::new());
    let read = |n: &str| -> Option<(String, String)> {
        if n == name {
            return Some((name.clone(), main_src.clone()));
        }
        cache
            .borrow_mut()
            .entry(n.to_string())
            .or_insert_with(|| {
                find_member(n, &dirs).or_else(|| {
                    matches!(n, "SYSCONF" | "SYSDIR")
                        .then(|| sysconf(n))
                        .flatten()
                })
            })
            .clone()
    };
    let opts = cpcms::asm::Options {
        listing: outs.listing.is_some(),
        object: outs.object.is_some(),
    };
    let result = cpcms::asm::assemble_files(&name, &read, &opts);
    let mut e = std::io::stderr().lock();
    if generated.get() {
        let _ = writeln!(
            e,
            "{name}: note: COPY members SYSCONF and SYSDIR are not in {}; using the ones \
             sysgen generates for the demonstration (`cpcms sysgen --out DIR` writes them \
             as DIR/sysconf.asm and DIR/sysdir.asm)",
            dirs.iter()
                .map(|d| match d.as_os_str().is_empty() {
                    true => ".".to_string(),
                    false => d.display().to_string(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let out = match result {
        Ok(a) => a,
        Err(errs) => {
            for m in &errs {
                let _ = writeln!(e, "{m}");
            }
            let n = errs
                .iter()
                .filter(|m| m.lines().next().is_some_and(|l| l.contains("error: ")))
                .count();
            let _ = writeln!(
                e,
                "{name}: {n} error(s){}",
                if bench { "; nothing timed" } else { "" }
            );
            return Ok(1);
        }
    };
    for m in &out.warnings {
        let _ = writeln!(e, "{m}");
    }
    if !out.end {
        let _ = writeln!(
            e,
            "{name}:{}:1: warning: no END statement: the assembly ends with the file",
            main_src.lines().count().max(1)
        );
    }
    drop(e);
    let write = |p: Option<&Path>, bytes: &[u8]| -> Result<(), Fail> {
        if let Some(p) = p {
            std::fs::write(p, bytes)
                .map_err(|e| bad(format!("{}: cannot write: {e}", p.display())))?;
        }
        Ok(())
    };
    let asm = &out.assembly;
    write(outs.image, &asm.image)?;
    write(outs.listing, asm.listing.as_bytes())?;
    write(outs.object, out.object.as_deref().unwrap_or(&[]))?;
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(
        stdout,
        "{name}: {} bytes at {:06X}, {} symbols",
        asm.image.len(),
        asm.origin,
        asm.symbols.len()
    );
    if bench {
        // Only an assembly that worked is timed.
        let mut times: Vec<std::time::Duration> = (0..BENCH_RUNS)
            .map(|_| {
                let t = std::time::Instant::now();
                let _ = cpcms::asm::assemble_files(&name, &read, &opts);
                t.elapsed()
            })
            .collect();
        times.sort();
        let lines = main_src.lines().count()
            + cache
                .borrow()
                .values()
                .flatten()
                .map(|(_, t)| t.lines().count())
                .sum::<usize>();
        let _ = writeln!(
            stdout,
            "{name}: fastest {:.2} ms, median {:.2} ms over {BENCH_RUNS} runs ({lines} source \
             lines{})",
            times[0].as_secs_f64() * 1e3,
            times[BENCH_RUNS / 2].as_secs_f64() * 1e3,
            match (opts.listing, opts.object) {
                (true, true) => ", with listing and object deck",
                (true, false) => ", with listing",
                (false, true) => ", with object deck",
                (false, false) => "",
            }
        );
    }
    Ok(0)
}

/// One line per instruction: address, bytes, text.
pub(crate) fn disasm_lines(bytes: &[u8], base: u32) -> Vec<String> {
    let mut v = Vec::new();
    let mut off = 0usize;
    while off < bytes.len() {
        let (text, len) = cpcms::disasm::disassemble(&bytes[off..]);
        let len = (len as usize).clamp(2, 6).min(bytes.len() - off);
        v.push(format!(
            "{:06X}  {:<14}  {}",
            (base as usize + off) & 0x00FF_FFFF,
            hex_groups(&bytes[off..off + len]),
            text
        ));
        off += len;
    }
    v
}

pub(crate) fn disasm(file: &Path, addr: u32) -> Result<u8, Fail> {
    let bytes =
        std::fs::read(file).map_err(|e| bad(format!("{}: cannot read: {e}", file.display())))?;
    // Storage addresses have 24 bits: an image must end by FFFFFF, not wrap to 0.
    if u64::from(addr) + bytes.len() as u64 > 1 << 24 {
        return Err(bad(format!(
            "{}: {} bytes from --addr {addr:06X} would go past FFFFFF, the end of 24-bit \
             storage",
            file.display(),
            bytes.len(),
        )));
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for l in disasm_lines(&bytes, addr) {
        let _ = writeln!(out, "{l}");
    }
    let _ = out.flush();
    Ok(0)
}
