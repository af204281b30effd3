use super::*;

fn read(text: &[u8]) -> Sheet {
    sheet(text, &Mapping::default()).unwrap()
}

#[test]
fn semicolons_quotes_line_breaks_and_french_dates() {
    let s = read(
        b"\xEF\xBB\xBFCode;Statut;Date;Lieu;Projets;Lien\r\n\
        08;Sign\xC3\xA9;19/11/2019;Charleville;\"Hydrog\xC3\xA8ne\r\nFibre | Rail\";https://a.fr/x\r\n\
        51;;2019-11-19;;;\r\n",
    );
    assert_eq!(s.encoding, Some(Encoding::Utf8));
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    let r = &s.rows[0];
    assert_eq!((r.line, r.id.as_str(), r.status.as_deref()), (2, "08", Some("Signé")));
    assert_eq!(r.date.as_deref(), Some("2019-11-19"));
    assert_eq!(r.projects.as_ref().map(Vec::len), Some(3));
    assert_eq!(r.link.as_ref().and_then(|l| l.url.as_deref()), Some("https://a.fr/x"));
    assert_eq!((s.rows[1].line, s.rows[1].status.as_deref(), s.rows[1].place.as_deref()), (4, None, None));
}

#[test]
fn commas_and_windows_1252() {
    let s = read(b"id,statut,lieu\n67,\"Sign\xe9, en cours\",C\x9cur d\x92\xe9t\xe9\n");
    assert_eq!(s.encoding, Some(Encoding::Windows1252));
    assert_eq!(s.rows[0].status.as_deref(), Some("Signé, en cours"));
    assert_eq!(s.rows[0].place.as_deref(), Some("Cœur d’été"));
}

#[test]
fn bad_lines_are_named() {
    let s = read(b"id;statut;date;lien\n;x\na;b;31/02/20;javascript:alert(1)\n");
    let kinds: Vec<(usize, &SheetProblemKind)> = s.problems.iter().map(|p| (p.line, &p.kind)).collect();
    assert_eq!(kinds[0], (2, &SheetProblemKind::MissingCells { found: 2, expected: 4 }));
    assert_eq!(kinds[1], (2, &SheetProblemKind::EmptyId));
    assert_eq!(kinds[2], (3, &SheetProblemKind::BadDate("31/02/20".into())));
    assert_eq!(kinds[3], (3, &SheetProblemKind::UnsafeUrl("javascript:alert(1)".into())));
    let msg = s.problems[3].to_string();
    assert!(msg.contains("ligne 3") && msg.contains("javascript:alert(1)"), "{msg}");
}

#[test]
fn missing_id_column_is_a_warning_naming_the_headers() {
    let s = read(b"nom;statut\nMarne;Sign\xc3\xa9\n");
    assert!(s.rows.is_empty());
    assert_eq!(s.problems[0].line, 1);
    assert!(s.problems[0].to_string().contains("« nom », « statut »"), "{}", s.problems[0]);
}

#[test]
fn not_a_csv_is_an_error() {
    let m = Mapping::default();
    assert_eq!(sheet(b"  \n", &m).unwrap_err(), SheetError::Empty);
    assert_eq!(sheet(b"\n<!DOCTYPE html><html>", &m).unwrap_err(), SheetError::Html);
    assert_eq!(sheet(b"PK\x03\x04\x14\x00\x00", &m).unwrap_err(), SheetError::Binary { byte: 5 });
    assert_eq!(sheet(b"id;statut\n", &m).unwrap_err(), SheetError::NoRows);
}

#[test]
fn chosen_columns_and_separator_detection() {
    let m = Mapping { id: Some("CODE_DEPT".into()), status: Some("avancement".into()), ..Mapping::default() };
    let s = sheet(b"id\tcode_dept\tavancement\nx\t54\tsign\xc3\xa9\n", &m).unwrap();
    assert_eq!((s.rows[0].id.as_str(), s.rows[0].status.as_deref()), ("54", Some("signé")));
    assert_eq!(separator("a;b,c;d"), b';');
    assert_eq!(separator("\"a;b\",c"), b',');
    assert_eq!(separator("x"), b';');
}

#[test]
fn dates() {
    assert_eq!(iso_date("1/2/2020").as_deref(), Some("2020-02-01"));
    assert_eq!(iso_date("2020-13-01"), None);
    assert_eq!(iso_date("hier"), None);
}

#[test]
fn lines_count_the_breaks_inside_cells() {
    let s = read(b"id;projets\r\n1;\"x\r\ny\"\r\n\r\n2;z\n");
    assert_eq!(s.rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 5]);
}

#[test]
fn lines_ended_by_a_lone_carriage_return_are_lines() {
    // Found by `cargo fuzz` (tests/fuzz, target `status_table`), minimized: a row after a header
    // ended by a lone `\r` was said to be on line 1, the header's.
    assert_eq!(read(b"code\rl").rows[0].line, 2);
    // A file saved with old Mac line ends: each problem on its own line, a `\r\n` counted once.
    let s = read(b"id;date\r1;hier\r\r2;demain\r\n3;2020-01-01\r");
    let lines: Vec<usize> = s.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [2, 4]);
    assert_eq!(s.rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 4, 5]);
}
