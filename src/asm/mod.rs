//! The S/370 assembler. (Interface fixed by the walking skeleton.)

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

/// Assemble the file `main`; `read` returns the text of a source file by name (the main
/// file and COPY members), or `None` if it does not exist. Errors come back as
/// `file:line:col: message` strings, every one the assembler could find.
pub fn assemble(
    _main: &str,
    _read: &dyn Fn(&str) -> Option<String>,
) -> Result<Assembly, Vec<String>> {
    todo!()
}
