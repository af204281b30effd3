//! Bytes of a spreadsheet export → text. Office software saves CSV as UTF-8 (with or without a
//! byte order mark), as Windows-1252 ("CSV (séparateur : point-virgule)" on a French Windows), or
//! as UTF-16 ("Texte Unicode"). UTF-8 is told from Windows-1252 by validity: French text in
//! Windows-1252 (é = 0xE9 followed by a letter) is never valid UTF-8.
//!
//! Windows-1252 is written here rather than taken from `encoding_rs`, whose tables for every
//! encoding it knows would outweigh this whole feature: the encoding is Latin-1 but for the 32
//! bytes 0x80–0x9F, so a 32-entry table (64 bytes of data) is all it takes.

/// Characters of bytes 0x80–0x9F in Windows-1252 (€, ’, œ, …). The five bytes the encoding leaves
/// undefined map to the control character of the same number, as browsers decode them.
const HIGH: [u16; 32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
    0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0x009D, 0x017E, 0x0178,
];

/// The encoding a sheet was read in, for tests and messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Windows1252,
}

/// Decodes the bytes; a byte order mark is dropped.
pub fn text(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8);
    }
    if let Some((rest, little)) = utf16_body(bytes) {
        let units = rest.chunks_exact(2).map(|p| {
            if little {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        });
        let text = char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect();
        return (text, Encoding::Utf16);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), Encoding::Utf8),
        Err(_) => (bytes.iter().map(|&b| windows_1252(b)).collect(), Encoding::Windows1252),
    }
}

fn utf16_body(bytes: &[u8]) -> Option<(&[u8], bool)> {
    match bytes.get(..2)? {
        [0xFF, 0xFE] => Some((&bytes[2..], true)),
        [0xFE, 0xFF] => Some((&bytes[2..], false)),
        _ => None,
    }
}

fn windows_1252(b: u8) -> char {
    match b {
        0x80..=0x9F => char::from_u32(u32::from(HIGH[usize::from(b - 0x80)])).unwrap_or(char::REPLACEMENT_CHARACTER),
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_french_letters_and_quotes() {
        // "Cœur d’été — 5 €" as Windows-1252 saves it.
        let bytes = b"C\x9cur d\x92\xe9t\xe9 \x97 5 \x80";
        assert_eq!(text(bytes), ("Cœur d’été — 5 €".to_string(), Encoding::Windows1252));
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(text("é;œ".as_bytes()).0, "é;œ");
        assert_eq!(text(b"\xEF\xBB\xBFid;nom").0, "id;nom");
    }

    #[test]
    fn utf16_both_orders() {
        assert_eq!(text(b"\xFF\xFEi\0d\0\xE9\0").0, "idé");
        assert_eq!(text(b"\xFE\xFF\0i\0d\x01\x53").0, "idœ");
    }
}
