//! What the fuzz targets share: how many lines a file has, counted the way the CSV readers end
//! their records, so that a line an error or a row names can be checked against it.

/// The number of the file's last line: lines end on `\r\n`, `\n` or a lone `\r`, as the csv
/// crate ends records (and, since `fa19a91` and `380d16f`, as the readers count lines).
pub fn last_line(bytes: &[u8]) -> usize {
    let breaks =
        bytes.iter().enumerate().filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')));
    1 + breaks.count()
}
