//! The S/370 assembler: HLASM-flavoured source in, a flat storage image, symbols, a
//! line map and a listing out.
//!
//! CP and CMS exist only as assembler source in `roms/`, assembled at every start-up,
//! so this assembler must be fast, must never panic on whatever a student types, and
//! must explain every mistake at once (`file:line:col: error: ...` with the line and a
//! caret), like a compiler would.
//!
//! The pipeline is a list of phases, each in its own module, all reporting into one
//! [`diag::Diags`] sink:
//!
//! 1. [`source`]: read the main file and the `COPY` members into logical lines;
//! 2. [`macros`]: macro definitions and calls, conditional assembly (SETx, AIF, AGO) in
//!    macros and open code: the list of statements to assemble, each generated one
//!    marked with the call that produced it;
//! 3. [`parse`]: fields, operands, expressions, DC operands and literals into trees;
//! 4. [`pass1`]: location counters, symbols, literal pools, section layout;
//! 5. [`pass2`]: USING resolution and encoding into the image, relocation items;
//! 6. on request ([`Options`]): [`listing`] (the HLASM-style listing and
//!    cross-reference) and [`object`] (the object deck); [`loader`] reads decks back.
//!
//! What is accepted, briefly: every instruction of the opcode table plus the extended
//! branch mnemonics; CSECT DSECT START END USING (several bases: `USING X,12,11`;
//! register 0) DROP EQU (`,length`) ORG DS DC (types C X B F H A Y P Z D E S V, with
//! duplication, `Ln`, several operands and values; E and D rounded exactly) LTORG CNOP
//! CCW COPY ENTRY EXTRN, literals, TITLE EJECT SPACE PRINT as listing-only; macros with
//! positional, keyword and sublist parameters, SETA/SETB/SETC variables (local, global,
//! subscripted), AIF/AGO/ANOP/ACTR/MEXIT/MNOTE and the attributes K' N' T' L' D' (see
//! [`macros`]). One liberty with HLASM: the image is never relocated, so when no USING
//! on its own section covers a CSECT address, absolute USINGs (`USING 0,0` for low
//! storage) may cover it by its absolute address; V-type constants to symbols of this
//! assembly are resolved here like A-type ones.
//!
//! Instruction mnemonics, formats and lengths all come from [`crate::opcodes`]; the
//! only instruction knowledge here is the short table of extended branch mnemonics
//! ([`parse::EXTENDED_BRANCHES`]), which are aliases of BC and BCR.

mod diag;
mod expr;
mod float;
mod listing;
pub mod loader;
mod macros;
mod object;
mod parse;
mod pass1;
mod pass2;
mod source;
#[cfg(test)]
mod tests;

pub use parse::EXTENDED_BRANCHES;
use std::collections::BTreeMap;

/// A symbol's value and attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub value: u32,
    /// Length attribute (L').
    pub length: u32,
    /// `None` for absolute symbols and symbols in a CSECT; `Some(name)` for DSECT fields.
    pub dsect: Option<String>,
}

/// Where an assembled byte range came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineMap {
    pub addr: u32,
    pub len: u32,
    pub file: String,
    pub line: u32,
}

/// The result of assembling.
#[derive(Clone, Debug, Default)]
pub struct Assembly {
    /// Address of the first byte of `image` (the START/CSECT origin).
    pub origin: u32,
    /// The flat image: gaps (DS) are zero.
    pub image: Vec<u8>,
    pub symbols: BTreeMap<String, Symbol>,
    /// Address -> source line, sorted by address (for trace and listings).
    pub lines: Vec<LineMap>,
    /// The listing text.
    pub listing: String,
}

/// What to produce besides the image and symbols.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The HLASM-style listing and cross-reference (it costs time: off at start-up).
    pub listing: bool,
    /// The object deck (ESD, TXT, RLD, END card images).
    pub object: bool,
}

/// Everything [`assemble_with`] produces.
#[derive(Clone, Debug, Default)]
pub struct Output {
    /// The image, symbols, line map and (if asked for) the listing.
    pub assembly: Assembly,
    /// The object deck, if asked for: 80-byte EBCDIC records.
    pub object: Option<Vec<u8>>,
    /// Warnings and notes (MNOTEs below severity 8), rendered like errors.
    pub warnings: Vec<String>,
    /// The source has an END statement. (HLASM warns when it has none, ASMA140W;
    /// `cpcms asm` does, while snippets in tests may go without.)
    pub end: bool,
}

/// Reads a source file by the name the source uses (the main file's name, a COPY
/// member's or a macro's): the path messages are to name it by, and its text; `None` if
/// there is no such file.
pub type Reader<'a> = dyn Fn(&str) -> Option<(String, String)> + 'a;

/// Assemble the file `main`; `read` returns the text of a source file by name (the main
/// file, COPY members and macro library members), or `None` if it does not exist.
/// Errors come back as `file:line:col: error: ...` strings with the source line and a
/// caret, every one the assembler could find (warnings included, in order); `file` is
/// the name the file was asked for by (see [`assemble_files`] to name it by its path).
pub fn assemble_with(
    main: &str,
    read: &dyn Fn(&str) -> Option<String>,
    opts: &Options,
) -> Result<Output, Vec<String>> {
    assemble_files(main, &|n: &str| read(n).map(|t| (n.to_string(), t)), opts)
}

/// As [`assemble_with`], with `read` also saying each file's path, which messages,
/// macro-call traces and the line map then name it by (`roms/cp/privop.asm:22:18`
/// rather than the member's name, `PRIVOP:22:18`).
pub fn assemble_files(main: &str, read: &Reader, opts: &Options) -> Result<Output, Vec<String>> {
    let mut diags = diag::Diags::default();
    let mut src = source::load(main, read, &mut diags);
    macros::expand(&mut src, read, &mut diags);
    let prog = parse::parse(&src, &mut diags);
    let lay = pass1::layout(&prog, &mut diags);
    let out = pass2::emit(&prog, &lay, &src, &mut diags);
    if diags.has_errors() {
        return Err(diags.render(&src));
    }
    let warnings = diags.render(&src);
    let listing = if opts.listing {
        listing::render(&src, &prog, &lay, &out, &warnings)
    } else {
        String::new()
    };
    let object = opts.object.then(|| object::deck(&lay, &out));
    let end = prog
        .stmts
        .iter()
        .any(|s| matches!(s.kind, parse::Kind::Dir(parse::Dir::End, _)));
    let symbols = lay
        .symbols
        .iter()
        .filter(|(_, d)| {
            !lay.sections
                .get(d.val.sect as usize)
                .is_some_and(|s| s.ext && d.val.n == 1)
        })
        .map(|(name, d)| {
            let dsect = (d.val.n == 1)
                .then(|| lay.sections.get(d.val.sect as usize))
                .flatten()
                .filter(|s| s.dsect)
                .map(|s| s.name.clone());
            let sym = Symbol {
                value: lay.absolute(d.val) as u32,
                length: d.len,
                dsect,
            };
            (name.clone(), sym)
        })
        .collect();
    Ok(Output {
        assembly: Assembly {
            origin: lay.origin as u32,
            image: out.image,
            symbols,
            lines: out.lines,
            listing,
        },
        object,
        warnings,
        end,
    })
}

/// Assemble the file `main` with its listing (see [`assemble_with`] for the rest).
pub fn assemble(
    main: &str,
    read: &dyn Fn(&str) -> Option<String>,
) -> Result<Assembly, Vec<String>> {
    assemble_with(
        main,
        read,
        &Options {
            listing: true,
            object: false,
        },
    )
    .map(|o| o.assembly)
}

/// Assemble a single source text with no COPY members (handy for tests and tools).
pub fn assemble_str(name: &str, text: &str) -> Result<Assembly, Vec<String>> {
    let owned = text.to_string();
    let name_owned = name.to_string();
    assemble(name, &move |n: &str| {
        (n == name_owned).then(|| owned.clone())
    })
}
