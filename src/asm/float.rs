//! Decimal to IBM hexadecimal floating point, exactly, rounded as HLASM rounds.
//!
//! A constant like `D'0.1'` has a 56-bit fraction, more than an `f64` holds, so the
//! decimal text is converted with a small big-integer long division instead of going
//! through `f64`. The fraction is rounded to the constant's length by adding one in the
//! first bit that does not fit (round half up on the magnitude), HLASM's default.

/// A non-negative big integer, 32-bit limbs, least significant first.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn from(v: u64) -> Big {
        let mut b = Big(vec![v as u32, (v >> 32) as u32]);
        b.trim();
        b
    }
    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for l in self.0.iter_mut() {
            let v = *l as u64 * m as u64 + carry;
            *l = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }
    fn shl(&mut self, bits: u32) {
        for _ in 0..bits {
            self.mul_small(2);
        }
    }
    fn cmp(&self, o: &Big) -> std::cmp::Ordering {
        self.0
            .len()
            .cmp(&o.0.len())
            .then_with(|| self.0.iter().rev().cmp(o.0.iter().rev()))
    }
    /// `self -= o`, `self >= o`.
    fn sub(&mut self, o: &Big) {
        let mut borrow = 0i64;
        for i in 0..self.0.len() {
            let v = self.0[i] as i64 - o.0.get(i).copied().unwrap_or(0) as i64 - borrow;
            if v < 0 {
                self.0[i] = (v + (1 << 32)) as u32;
                borrow = 1;
            } else {
                self.0[i] = v as u32;
                borrow = 0;
            }
        }
        self.trim();
    }
    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }
}

/// A parsed decimal number: sign, digits (as an integer) and power of ten.
pub struct Decimal {
    neg: bool,
    mant: Big,
    exp10: i32,
}

/// Parse `[+-]digits[.digits][E[+-]digits]`.
pub fn parse(s: &str) -> Option<Decimal> {
    let s = s.trim();
    let (neg, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (m, e) = match s.find(['E', 'e']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mut exp10: i32 = match e {
        Some(e) => {
            let t = e.strip_prefix('+').unwrap_or(e);
            let v: i32 = t.parse().ok()?;
            if !(-200..=200).contains(&v) {
                return None;
            }
            v
        }
        None => 0,
    };
    let (ip, fp) = match m.find('.') {
        Some(i) => (&m[..i], &m[i + 1..]),
        None => (m, ""),
    };
    if ip.is_empty() && fp.is_empty()
        || !ip.bytes().chain(fp.bytes()).all(|c| c.is_ascii_digit())
        || ip.len() + fp.len() > 60
    {
        return None;
    }
    let mut mant = Big::from(0);
    for c in ip.bytes().chain(fp.bytes()) {
        mant.mul_small(10);
        let d = Big::from((c - b'0') as u64);
        // mant += d
        let mut carry = d.0.first().copied().unwrap_or(0) as u64;
        for l in mant.0.iter_mut() {
            if carry == 0 {
                break;
            }
            let v = *l as u64 + carry;
            *l = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            mant.0.push(carry as u32);
        }
    }
    exp10 -= fp.len() as i32;
    Some(Decimal { neg, mant, exp10 })
}

/// The hexadecimal floating-point constant of `len` bytes (1 to 8) for `d`, or `None`
/// if its exponent does not fit.
pub fn hex(d: &Decimal, len: usize) -> Option<Vec<u8>> {
    let len = len.clamp(1, 8);
    let mut out = vec![0u8; len];
    if d.mant.is_zero() {
        return Some(out);
    }
    let mut n = d.mant.clone();
    let mut den = Big::from(1);
    for _ in 0..d.exp10.max(0) {
        n.mul_small(10);
    }
    for _ in 0..(-d.exp10).max(0) {
        den.mul_small(10);
    }
    // Scale to 1/16 <= n/den < 1, counting the power of 16.
    let mut e: i32 = 0;
    while n.cmp(&den) != std::cmp::Ordering::Less {
        den.shl(4);
        e += 1;
    }
    loop {
        let mut t = n.clone();
        t.shl(4);
        if t.cmp(&den) != std::cmp::Ordering::Less {
            break;
        }
        n = t;
        e -= 1;
    }
    // q = floor(n * 2^(bits+1) / den), then round half up.
    let bits = 8 * (len as u32 - 1);
    let mut q: u64 = 0;
    let mut r = n;
    for _ in 0..=bits {
        r.shl(1);
        q <<= 1;
        if r.cmp(&den) != std::cmp::Ordering::Less {
            r.sub(&den);
            q |= 1;
        }
    }
    let mut f = (q + 1) >> 1;
    if bits > 0 && f >> bits != 0 {
        f >>= 4;
        e += 1;
    }
    let ch = e + 64;
    if !(0..=127).contains(&ch) {
        return None;
    }
    out[0] = (ch as u8) | if d.neg { 0x80 } else { 0 };
    for (k, b) in out[1..].iter_mut().rev().enumerate() {
        *b = (f >> (8 * k)) as u8;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(s: &str, len: usize) -> String {
        hex(&parse(s).unwrap(), len)
            .unwrap()
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect()
    }

    #[test]
    fn known_values() {
        assert_eq!(h("1", 4), "41100000");
        assert_eq!(h("-1", 8), "C110000000000000");
        assert_eq!(h("0.5", 4), "40800000");
        assert_eq!(h("0", 8), "0000000000000000");
        assert_eq!(h("100", 4), "42640000");
        // 0.1 = X'.1999999...': E rounds the last digit up, D too (...999A).
        assert_eq!(h("0.1", 4), "4019999A");
        assert_eq!(h("0.1", 8), "401999999999999A");
        assert_eq!(h("1E1", 4), "41A00000");
        assert_eq!(h("3.14159265358979", 8), "413243F6A8885A22");
        // Rounding that carries into a new hex digit: 0.99999999 -> 1.0.
        assert_eq!(h("0.99999999", 4), "41100000");
    }
}
