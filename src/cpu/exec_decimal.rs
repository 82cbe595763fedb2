//! Decimal instructions (to come).

use super::Cpu;
use super::exec::{Ex, OPERATION, R};

impl Cpu {
    pub(crate) fn decimal(&mut self, _ib: &[u8; 6]) -> R {
        Err(Ex::Pgm(OPERATION))
    }
    pub(crate) fn ed(&mut self, _ib: &[u8; 6], _mark: bool) -> R {
        Err(Ex::Pgm(OPERATION))
    }
    pub(crate) fn cvb(&mut self, _ib: &[u8; 6]) -> R {
        Err(Ex::Pgm(OPERATION))
    }
    pub(crate) fn cvd(&mut self, _ib: &[u8; 6]) -> R {
        Err(Ex::Pgm(OPERATION))
    }
}
