//! Text → records (cells), by `csv-core`'s reader: RFC 4180 quoting, `""` inside quotes, line
//! breaks inside quoted cells, `\r\n` or `\n`, blank lines skipped.

use csv_core::{ReadRecordResult, ReaderBuilder};

/// Every record of `text` with the byte offset where its reading started (which may be the line
/// break ending the previous record).
pub fn records(text: &str, separator: u8) -> Vec<(usize, Vec<String>)> {
    let mut reader = ReaderBuilder::new().delimiter(separator).build();
    let input = text.as_bytes();
    let (mut out, mut ends) = (vec![0u8; 256], vec![0usize; 16]);
    let mut records = Vec::new();
    let mut at = 0;
    let mut start = 0;
    let (mut o, mut e) = (0, 0);
    loop {
        let (result, read, wrote, ended) = reader.read_record(&input[at..], &mut out[o..], &mut ends[e..]);
        at += read;
        o += wrote;
        e += ended;
        match result {
            // An empty slice next tells the reader the text has ended.
            ReadRecordResult::InputEmpty => {}
            ReadRecordResult::OutputFull => out.resize(out.len() * 2, 0),
            ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
            ReadRecordResult::Record => {
                let mut cells = Vec::with_capacity(e);
                let mut from = 0;
                for &end in &ends[..e] {
                    cells.push(String::from_utf8_lossy(out.get(from..end).unwrap_or_default()).into_owned());
                    from = end;
                }
                records.push((start, cells));
                start = at;
                (o, e) = (0, 0);
            }
            ReadRecordResult::End => return records,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_breaks_and_blank_lines() {
        let r = records("a;\"b;\"\"c\"\"\r\nd\"\r\n\r\n\n1;2", b';');
        let cells: Vec<&Vec<String>> = r.iter().map(|(_, c)| c).collect();
        assert_eq!(cells[0], &vec!["a".to_string(), "b;\"c\"\r\nd".to_string()]);
        assert_eq!(cells[1], &vec!["1".to_string(), "2".to_string()]);
        assert_eq!(r.len(), 2);
    }

    #[test]
    fn long_cells_and_many_cells_grow_the_buffers() {
        let long = "x".repeat(1000);
        let many = vec!["c"; 40].join(",");
        let r = records(&format!("{long}\n{many}\n"), b',');
        assert_eq!(r[0].1[0].len(), 1000);
        assert_eq!(r[1].1.len(), 40);
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end() {
        let r = records("a,\"b\nc", b',');
        assert_eq!(r, vec![(0, vec!["a".to_string(), "b\nc".to_string()])]);
    }
}
