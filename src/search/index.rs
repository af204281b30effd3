//! The search index: the region's communes as the search module downloads them, the first time
//! the field is used. Written by the pre-render from `data/communes-grand-est.csv` and the map's
//! territories; read in the browser. Points are in the projected plane (Lambert-93 metres), on a
//! grid of [`UNIT_M`]: the map marks a commune there.
//!
//! A text, column by column rather than row by row: gzip finds each column's own repetitions
//! (sorted codes, shared postcodes), and the index of the Grand Est's 5,397 communes takes about
//! 50 KB gzipped where the same fields row by row take 66 KB (docs/search.md). Lines:
//!
//! 1. `territoires-map communes 1`
//! 2. the number of communes, then the grid's origin `x0`, `y0` and unit, in metres (tabs);
//! 3. the territories: id, name, id, name… (tabs); a commune names them by their rank;
//! 4. the départements: code, name… (tabs); a commune's is the longest that begins its code;
//! 5. one line per commune: its name;
//! 6. the codes, in order: a base-36 digit adds 1 to 35 to the previous code, `!<code>,` gives one;
//! 7. one line per commune: its postcodes (spaces); three digits follow its code's first two;
//! 8. the territories' ranks, per commune (`,` between communes, spaces between ranks);
//! 9. the current commune of a former one, per commune (`,` between communes; empty: current);
//! 10. the points: four base-36 digits per commune, `x` then `y` on the grid; `----`: none.

use super::{fold, Commune};
use crate::coords::Projected;

/// The first line.
pub const MAGIC: &str = "territoires-map communes 1";

/// The grid of the points, in metres: half a kilometre, well inside most communes (about 3 km
/// across in the Grand Est), and two base-36 digits per coordinate for a region up to 648 km
/// wide. A wider map (all of France) gets a coarser grid, named in the index's second line.
pub const UNIT_M: f64 = 500.0;

/// The communes, and the territories they name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Index {
    pub communes: Vec<Commune>,
    /// Id and name of each territory.
    pub territories: Vec<(String, String)>,
}

impl Index {
    /// The name of territory `id`, or the id itself.
    pub fn territory_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.territories.iter().find(|(i, _)| i == id).map_or(id, |(_, n)| n.as_str())
    }

    /// The commune of code `insee`.
    pub fn position(&self, insee: &str) -> Option<usize> {
        self.communes.iter().position(|c| c.insee == insee)
    }
}

/// What is wrong with a downloaded index, and on which of its lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadIndex {
    pub line: usize,
}

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

fn digit(b: u8) -> Option<u32> {
    DIGITS.iter().position(|&d| d == b).map(|p| p as u32)
}

/// Reads an index; the first line that is not as [`write`] writes it is the error.
pub fn read(text: &str) -> Result<Index, BadIndex> {
    let mut lines = text.split('\n').map(|l| l.trim_end_matches('\r'));
    let mut at = 0;
    let mut next = || {
        at += 1;
        lines.next().map(|l| (at, l)).ok_or(BadIndex { line: at })
    };
    let (line, magic) = next()?;
    if magic.trim_start_matches('\u{feff}') != MAGIC {
        return Err(BadIndex { line });
    }
    let (line, head) = next()?;
    // Integers: parsing floats would add the 6 KB of core's dec2flt to the search module.
    let nums: Vec<i64> = head.split('\t').filter_map(|n| n.parse().ok()).collect();
    let [n, x0, y0, unit] = nums[..] else { return Err(BadIndex { line }) };
    let (n, x0, y0, unit) = (n as usize, x0 as f64, y0 as f64, unit as f64);
    let pairs = |l: &str| -> Vec<(String, String)> {
        let cells: Vec<&str> = l.split('\t').filter(|c| !c.is_empty()).collect();
        cells.chunks_exact(2).map(|p| (p[0].to_string(), p[1].to_string())).collect()
    };
    let territories = pairs(next()?.1);
    let deps = pairs(next()?.1);
    let mut names = Vec::with_capacity(n.min(100_000));
    for _ in 0..n {
        names.push(next()?.1);
    }
    let (line, codes_line) = next()?;
    let codes = codes(codes_line).filter(|c| c.len() == n).ok_or(BadIndex { line })?;
    let mut postcodes = Vec::with_capacity(names.len());
    for code in &codes {
        let short = code.get(..2).unwrap_or("");
        let list =
            next()?.1.split_whitespace().map(|p| if p.len() == 3 { format!("{short}{p}") } else { p.to_string() });
        postcodes.push(list.collect::<Vec<_>>());
    }
    let fields = |(line, l): (usize, &str)| {
        let f: Vec<String> = l.split(',').map(str::to_string).collect();
        if f.len() == n {
            Ok(f)
        } else {
            Err(BadIndex { line })
        }
    };
    let (t_line, t) = next()?;
    let ranks = fields((t_line, t))?;
    let now = fields(next()?)?;
    let (p_line, points) = next()?;
    if points.len() != 4 * n {
        return Err(BadIndex { line: p_line });
    }
    let mut communes = Vec::with_capacity(n);
    for (k, name) in names.into_iter().enumerate() {
        let ids = ranks[k].split_whitespace().map(|r| r.parse::<usize>().ok().and_then(|r| territories.get(r)));
        let territories =
            ids.map(|t| t.map(|t| t.0.clone())).collect::<Option<Vec<_>>>().ok_or(BadIndex { line: t_line })?;
        let insee = codes[k].clone();
        let dep = deps.iter().filter(|(d, _)| insee.starts_with(d.as_str())).max_by_key(|(d, _)| d.len());
        let p = points.as_bytes().get(4 * k..4 * k + 4).ok_or(BadIndex { line: p_line })?;
        let num = |s: &[u8]| Some(digit(s[0])? * 36 + digit(s[1])?);
        let at = match (num(&p[..2]), num(&p[2..])) {
            (Some(x), Some(y)) => Some(Projected { x: x0 + f64::from(x) * unit, y: y0 + f64::from(y) * unit }),
            _ if p == b"----" => None,
            _ => return Err(BadIndex { line: p_line }),
        };
        communes.push(Commune {
            insee,
            words: fold::words(name),
            name: name.to_string(),
            dep: dep.map(|d| d.0.clone()).unwrap_or_default(),
            dep_name: dep.map(|d| d.1.clone()).unwrap_or_default(),
            postcodes: postcodes[k].clone(),
            territories,
            now: Some(now[k].clone()).filter(|c| !c.is_empty()),
            at,
        });
    }
    Ok(Index { communes, territories })
}

/// The codes of line 6.
fn codes(line: &str) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = line;
    while let Some(&b) = rest.as_bytes().first() {
        if b == b'!' {
            let (code, after) = rest.get(1..)?.split_once(',')?;
            out.push(code.to_string());
            rest = after;
        } else {
            let prev = out.last()?;
            let value = prev.parse::<u32>().ok()? + digit(b)?;
            out.push(format!("{value:0width$}", width = prev.len()));
            rest = rest.get(1..)?;
        }
    }
    Some(out)
}

/// Writes the index of `communes`, whose territories are named by `territories` (id, name).
#[cfg(not(target_arch = "wasm32"))]
pub fn write(communes: &[Commune], territories: &[(String, String)]) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let pts: Vec<Projected> = communes.iter().filter_map(|c| c.at).collect();
    let min = |f: fn(&Projected) -> f64| (pts.iter().map(f).fold(f64::INFINITY, f64::min) / UNIT_M).floor() * UNIT_M;
    let (x0, y0) = if pts.is_empty() { (0.0, 0.0) } else { (min(|p| p.x), min(|p| p.y)) };
    let extent = pts.iter().map(|p| (p.x - x0).max(p.y - y0)).fold(0.0, f64::max);
    let unit = UNIT_M.max((extent / 1295.0 / 100.0).ceil() * 100.0);
    let mut out = format!("{MAGIC}\n{}\t{}\t{}\t{}\n", communes.len(), x0 as i64, y0 as i64, unit as i64);
    let pairs = |it: &[(String, String)]| it.iter().map(|(a, b)| format!("{a}\t{}", clean(b))).collect::<Vec<_>>();
    out += &(pairs(territories).join("\t") + "\n");
    let mut deps: Vec<(String, String)> = communes.iter().map(|c| (c.dep.clone(), c.dep_name.clone())).collect();
    deps.sort();
    deps.dedup_by(|a, b| a.0 == b.0);
    out += &(pairs(&deps).join("\t") + "\n");
    for c in communes {
        out += &(clean(&c.name) + "\n");
    }
    let mut prev: Option<&str> = None;
    for c in communes {
        let step = prev.and_then(|p| Some((p.parse::<u32>().ok()?, p.len())));
        match (step, c.insee.parse::<u32>()) {
            (Some((p, len)), Ok(v)) if len == c.insee.len() && v > p && v - p < 36 => {
                out.push(char::from(DIGITS[(v - p) as usize]));
            }
            _ => out += &format!("!{},", c.insee),
        }
        prev = Some(&c.insee);
    }
    out.push('\n');
    for c in communes {
        let short =
            |p: &String| if p.len() == 5 && c.insee.get(..2) == p.get(..2) { p[2..].to_string() } else { p.clone() };
        out += &(c.postcodes.iter().map(short).collect::<Vec<_>>().join(" ") + "\n");
    }
    let rank = |id: &String| territories.iter().position(|(t, _)| t == id).map(|r| r.to_string());
    let ranks: Vec<String> =
        communes.iter().map(|c| c.territories.iter().filter_map(rank).collect::<Vec<_>>().join(" ")).collect();
    out += &(ranks.join(",") + "\n");
    out += &(communes.iter().map(|c| c.now.clone().unwrap_or_default()).collect::<Vec<_>>().join(",") + "\n");
    for c in communes {
        let cell = |v: f64, o: f64| {
            let k = ((v - o) / unit).round();
            (0.0..1296.0).contains(&k).then(|| [DIGITS[k as usize / 36], DIGITS[k as usize % 36]])
        };
        match c.at.and_then(|p| Some((cell(p.x, x0)?, cell(p.y, y0)?))) {
            Some((x, y)) => out.extend([x, y].concat().iter().map(|&b| char::from(b))),
            None => out += "----",
        }
    }
    out.push('\n');
    out
}
