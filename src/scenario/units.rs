//! Units in scenario files: storage sizes ("2M", "512K"), virtual durations ("10s",
//! "500ms") and dates ("1979-06-29 09:00:00" -> TOD clock value). No floating point and
//! no wall clock: the same text always gives the same number.

use crate::cpu::TOD_PER_US;

/// Parse a storage size: a decimal number of bytes, optionally followed by `K` (1024) or
/// `M` (1024 * 1024). Case-insensitive suffix.
pub fn parse_size(s: &str) -> Result<u32, String> {
    let t = s.trim();
    let (digits, mult) = match t.char_indices().last() {
        Some((i, 'K' | 'k')) => (&t[..i], 1024u64),
        Some((i, 'M' | 'm')) => (&t[..i], 1024 * 1024),
        _ => (t, 1),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "bad size \"{s}\": write a number of bytes, or a number followed by K or M (e.g. \"512K\", \"2M\")"
        ));
    }
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("bad size \"{s}\": number too large"))?;
    let bytes = n
        .checked_mul(mult)
        .filter(|b| *b <= u64::from(u32::MAX))
        .ok_or_else(|| format!("bad size \"{s}\": too large"))?;
    Ok(bytes as u32)
}

/// Format a size the way scenario files write it.
pub fn format_size(bytes: u32) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{}M", bytes >> 20)
    } else if bytes.is_multiple_of(1024) {
        format!("{}K", bytes >> 10)
    } else {
        format!("{bytes}")
    }
}

/// The longest duration a step may ask for: one virtual day.
const MAX_US: u64 = 24 * 3600 * 1_000_000;

/// Parse a virtual duration: a decimal number (a fraction is allowed) followed by `us`,
/// `ms`, `s` or `m` (minutes). Returns TOD-clock units.
pub fn parse_duration(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let bad = || {
        format!(
            "bad duration \"{s}\": write a number followed by us, ms, s or m (e.g. \"500ms\", \"10s\", \"1.5s\")"
        )
    };
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .ok_or_else(bad)?;
    let (num, unit) = t.split_at(split);
    let unit_us: u64 = match unit {
        "us" => 1,
        "ms" => 1_000,
        "s" => 1_000_000,
        "m" | "min" => 60_000_000,
        _ => return Err(bad()),
    };
    let (int, frac) = match num.split_once('.') {
        Some((i, f)) => (i, f),
        None => (num, ""),
    };
    if (int.is_empty() && frac.is_empty())
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(bad());
    }
    let too_long = || format!("duration \"{s}\" is too long (at most 24 hours)");
    // However many digits: past 24 hours is too long, not a bad number.
    let int_v: u64 = if int.is_empty() {
        0
    } else {
        int.parse().map_err(|_| too_long())?
    };
    // The fraction, in TOD units (1/4096 us), truncated: exact for what a recording
    // writes ("1.000244140625us" is one microsecond and one TOD unit).
    let mut frac_num: u128 = 0;
    let mut frac_den: u128 = 1;
    for d in frac.bytes().take(24) {
        frac_num = frac_num * 10 + u128::from(d - b'0');
        frac_den *= 10;
    }
    let frac_tod = (frac_num * u128::from(unit_us) * u128::from(TOD_PER_US) / frac_den) as u64;
    let us = int_v
        .checked_mul(unit_us)
        .filter(|v| *v <= MAX_US)
        .ok_or_else(too_long)?;
    let tod = (us * TOD_PER_US)
        .checked_add(frac_tod)
        .filter(|v| *v <= MAX_US * TOD_PER_US)
        .ok_or_else(too_long)?;
    Ok(tod)
}

/// Days from 1970-01-01 to the given proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of `days_from_civil`.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Parse `YYYY-MM-DD HH:MM:SS` (or `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM`), UTC, into a TOD
/// clock value: bit 51 = one microsecond, zero at 1900-01-01 00:00:00 UTC.
pub fn parse_date(s: &str) -> Result<u64, String> {
    let bad = |why: &str| format!("bad date \"{s}\": {why} (write \"YYYY-MM-DD HH:MM:SS\")");
    let t = s.trim();
    let (date, time) = match t.split_once([' ', 'T']) {
        Some((d, tm)) => (d, tm.trim()),
        None => (t, ""),
    };
    let num = |p: &str, what: &str| -> Result<u32, String> {
        if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
            Err(bad(&format!("the {what} is not a number")))
        } else {
            p.parse().map_err(|_| bad(what))
        }
    };
    let dp: Vec<&str> = date.split('-').collect();
    if dp.len() != 3 {
        return Err(bad("expected year-month-day"));
    }
    let (y, mo, d) = (
        num(dp[0], "year")?,
        num(dp[1], "month")?,
        num(dp[2], "day")?,
    );
    if !(1900..=2042).contains(&y) {
        return Err(bad(
            "the year must be 1900 to 2042 (the S/370 TOD clock's range)",
        ));
    }
    if !(1..=12).contains(&mo) {
        return Err(bad("the month must be 01 to 12"));
    }
    if d < 1 || d > days_in_month(i64::from(y), mo) {
        return Err(bad("no such day in that month"));
    }
    let (h, mi, se) = if time.is_empty() {
        (0, 0, 0)
    } else {
        let tp: Vec<&str> = time.split(':').collect();
        if !(2..=3).contains(&tp.len()) {
            return Err(bad("expected hours:minutes:seconds"));
        }
        let h = num(tp[0], "hour")?;
        let mi = num(tp[1], "minute")?;
        let se = if tp.len() == 3 {
            num(tp[2], "second")?
        } else {
            0
        };
        if h > 23 || mi > 59 || se > 59 {
            return Err(bad("the time is out of range"));
        }
        (h, mi, se)
    };
    let days = days_from_civil(i64::from(y), mo, d) - days_from_civil(1900, 1, 1);
    let secs = days as u128 * 86_400 + u128::from(h * 3600 + mi * 60 + se);
    let tod = (secs * 1_000_000) << 12;
    u64::try_from(tod).map_err(|_| bad("past the end of the TOD clock (2042-09-17)"))
}

/// Format a TOD clock value as `YYYY-MM-DD HH:MM:SS` (UTC).
pub fn format_tod(tod: u64) -> String {
    let us = tod >> 12;
    let secs = us / 1_000_000;
    let days = (secs / 86_400) as i64 + days_from_civil(1900, 1, 1);
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// Format a duration in TOD units the way scenario files write it.
pub fn format_duration(tod: u64) -> String {
    let us = tod / TOD_PER_US;
    if us.is_multiple_of(1_000_000) {
        format!("{}s", us / 1_000_000)
    } else if us.is_multiple_of(1000) {
        format!("{}ms", us / 1000)
    } else {
        format!("{us}us")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("2M"), Ok(2 << 20));
        assert_eq!(parse_size("512K"), Ok(512 << 10));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("65536"), Ok(65536));
        assert!(parse_size("2G").is_err());
        assert!(parse_size("K").is_err());
        assert!(parse_size("").is_err());
        assert!(parse_size("-1K").is_err());
        assert!(parse_size("99999999999M").is_err());
        assert_eq!(format_size(2 << 20), "2M");
        assert_eq!(format_size(512 << 10), "512K");
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("10s"), Ok(10_000_000 * TOD_PER_US));
        assert_eq!(parse_duration("500ms"), Ok(500_000 * TOD_PER_US));
        assert_eq!(parse_duration("1.5s"), Ok(1_500_000 * TOD_PER_US));
        assert_eq!(parse_duration("2m"), Ok(120_000_000 * TOD_PER_US));
        assert_eq!(parse_duration("250us"), Ok(250 * TOD_PER_US));
        assert_eq!(parse_duration(".5s"), Ok(500_000 * TOD_PER_US));
        for bad in [
            "", "10", "s", "10x", "1.2.3s", "-1s", "25h", "999999m", "1 s",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
        // Too long is too long, however many digits it takes.
        for long in ["100000m", "86400.000001s", "99999999999999999999s"] {
            assert_eq!(
                parse_duration(long),
                Err(format!(
                    "duration \"{long}\" is too long (at most 24 hours)"
                )),
                "{long}"
            );
        }
        assert!(
            parse_duration("24h")
                .unwrap_err()
                .starts_with("bad duration")
        );
        assert!(parse_duration("1440m").is_ok());
        assert_eq!(format_duration(parse_duration("10s").unwrap()), "10s");
        assert_eq!(format_duration(parse_duration("1.5s").unwrap()), "1500ms");
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("1900-01-01 00:00:00"), Ok(0));
        // The well-known TOD clock value of the Unix epoch (2208988800 s * 10^6 << 12).
        assert_eq!(parse_date("1970-01-01"), Ok(0x7D91_048B_CA00_0000));
        let t = parse_date("1979-06-29 09:00:00").unwrap();
        assert_eq!(format_tod(t), "1979-06-29 09:00:00");
        assert_eq!(
            format_tod(parse_date("2000-02-29 23:59:59").unwrap()),
            "2000-02-29 23:59:59"
        );
        assert_eq!(
            format_tod(parse_date("1984-12-31 12:34").unwrap()),
            "1984-12-31 12:34:00"
        );
        for bad in [
            "1979-02-29",
            "1899-12-31",
            "2043-01-01",
            "1979-13-01",
            "1979-06-29 24:00:00",
            "29/06/1979",
            "1979-06-29 9",
            "",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
        assert!(parse_date("2042-09-18").is_err());
        assert!(parse_date("2042-09-17 00:00:00").is_ok());
    }
}
