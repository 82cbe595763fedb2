//! EBCDIC (code page 037) <-> Unicode.
//!
//! The S/370 speaks EBCDIC: the assembler's `C'...'` constants, the 3215 typewriter and
//! every CP and CMS message are EBCDIC bytes. The host speaks UTF-8. Code page 037 is the
//! US/Canada EBCDIC that VM/370 sites used; it maps all 256 code points one to one onto
//! Latin-1, so translation is a table look-up both ways and nothing is ever lost.

/// EBCDIC byte -> Unicode character, laid out 16 by 16 like the code chart.
#[rustfmt::skip]
pub const TO_CHAR: [char; 256] = [
    /* 0_ */ '\u{00}', '\u{01}', '\u{02}', '\u{03}', '\u{9c}', '\u{09}', '\u{86}', '\u{7f}', '\u{97}', '\u{8d}', '\u{8e}', '\u{0b}', '\u{0c}', '\u{0d}', '\u{0e}', '\u{0f}',
    /* 1_ */ '\u{10}', '\u{11}', '\u{12}', '\u{13}', '\u{9d}', '\u{85}', '\u{08}', '\u{87}', '\u{18}', '\u{19}', '\u{92}', '\u{8f}', '\u{1c}', '\u{1d}', '\u{1e}', '\u{1f}',
    /* 2_ */ '\u{80}', '\u{81}', '\u{82}', '\u{83}', '\u{84}', '\u{0a}', '\u{17}', '\u{1b}', '\u{88}', '\u{89}', '\u{8a}', '\u{8b}', '\u{8c}', '\u{05}', '\u{06}', '\u{07}',
    /* 3_ */ '\u{90}', '\u{91}', '\u{16}', '\u{93}', '\u{94}', '\u{95}', '\u{96}', '\u{04}', '\u{98}', '\u{99}', '\u{9a}', '\u{9b}', '\u{14}', '\u{15}', '\u{9e}', '\u{1a}',
    /* 4_ */ ' ', '\u{a0}', 'â', 'ä', 'à', 'á', 'ã', 'å', 'ç', 'ñ', '¢', '.', '<', '(', '+', '|',
    /* 5_ */ '&', 'é', 'ê', 'ë', 'è', 'í', 'î', 'ï', 'ì', 'ß', '!', '$', '*', ')', ';', '¬',
    /* 6_ */ '-', '/', 'Â', 'Ä', 'À', 'Á', 'Ã', 'Å', 'Ç', 'Ñ', '¦', ',', '%', '_', '>', '?',
    /* 7_ */ 'ø', 'É', 'Ê', 'Ë', 'È', 'Í', 'Î', 'Ï', 'Ì', '`', ':', '#', '@', '\'', '=', '"',
    /* 8_ */ 'Ø', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', '«', '»', 'ð', 'ý', 'þ', '±',
    /* 9_ */ '°', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 'ª', 'º', 'æ', '¸', 'Æ', '¤',
    /* A_ */ 'µ', '~', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '¡', '¿', 'Ð', 'Ý', 'Þ', '®',
    /* B_ */ '^', '£', '¥', '·', '©', '§', '¶', '¼', '½', '¾', '[', ']', '¯', '¨', '´', '×',
    /* C_ */ '{', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', '\u{ad}', 'ô', 'ö', 'ò', 'ó', 'õ',
    /* D_ */ '}', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', '¹', 'û', 'ü', 'ù', 'ú', 'ÿ',
    /* E_ */ '\u{5c}', '÷', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', '²', 'Ô', 'Ö', 'Ò', 'Ó', 'Õ',
    /* F_ */ '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '³', 'Û', 'Ü', 'Ù', 'Ú', '\u{9f}',
];

/// Unicode -> EBCDIC, for the 256 characters of Latin-1 (the image of [`TO_CHAR`]).
const FROM_LATIN1: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut e = 0;
    while e < 256 {
        t[TO_CHAR[e] as usize] = e as u8;
        e += 1;
    }
    t
};

/// Translate one character to EBCDIC. Characters outside Latin-1 have no EBCDIC code
/// point in page 037 and become `?` (X'6F'), the way a terminal controller substitutes.
pub fn to_ebcdic(c: char) -> u8 {
    let u = c as u32;
    if u < 256 {
        FROM_LATIN1[u as usize]
    } else {
        0x6F
    }
}

/// Translate one EBCDIC byte to a character.
pub fn to_char(b: u8) -> char {
    TO_CHAR[b as usize]
}

/// Translate a string to EBCDIC bytes.
pub fn encode(s: &str) -> Vec<u8> {
    s.chars().map(to_ebcdic).collect()
}

/// Translate EBCDIC bytes to a string.
pub fn decode(b: &[u8]) -> String {
    b.iter().map(|&x| to_char(x)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_every_code_point() {
        for b in 0..=255u8 {
            assert_eq!(to_ebcdic(to_char(b)), b);
        }
    }

    #[test]
    fn familiar_code_points() {
        assert_eq!(encode("A1 a"), vec![0xC1, 0xF1, 0x40, 0x81]);
        assert_eq!(to_char(0x4A), '\u{a2}'); // cent sign
        assert_eq!(to_char(0x5F), '\u{ac}'); // logical not
        assert_eq!(decode(&[0xD9, 0x5E]), "R;");
        assert_eq!(to_ebcdic('\u{263a}'), 0x6F);
    }
}
