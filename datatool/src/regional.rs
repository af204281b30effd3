//! The composition of a region that has no `composition.toml` of its own: its territories are
//! those the State's commune table puts there, named as the table names them, with no status,
//! date or project (the press release of 19 November 2019 speaks of the Grand Est only), so the
//! legend says what the map does show: the perimeters of the table's edition.
//!
//! A territory is the region's when the region holds more of its table communes than any other
//! (a tie goes to the region its id names, `TI27xx`: the State numbers territories by region);
//! its communes elsewhere are counted in its perimeter note and not drawn, and the region's
//! communes of a territory drawn with another region are listed in the report.

use crate::composition::{Composition, Legend, Perimeters, Programme, Source, Status, Territory};
use crate::official::{bare_id, normalize_name, same_id, OfficialRow};
use crate::region::{departement_of, Geography, Region};
use crate::text::Text;
use std::collections::{BTreeMap, BTreeSet};

/// The status every territory of a generated composition has.
pub const STATUS: &str = "perimetre";

/// What [`compose`] makes of a commune table for a region.
#[derive(Debug, Clone)]
pub struct Regional {
    /// The composition: legend, perimeters, one territory per table territory of the region.
    pub composition: Composition,
    /// The table's rows of those territories (the others' rows are left out).
    pub rows: Vec<OfficialRow>,
    /// Lines for the build report: the region's communes in territories of other regions.
    pub report: Vec<String>,
}

/// The region a territory's rows belong to: the one holding most of its communes (`regions`:
/// the region of each département), a tie broken by the region its id names, then by code.
fn home<'a>(members: &[&OfficialRow], regions: &'a BTreeMap<String, String>) -> Option<&'a str> {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for r in members {
        if let Some(region) = regions.get(departement_of(&r.insee_com)) {
            *count.entry(region.as_str()).or_default() += 1;
        }
    }
    let named = members.first().map(|r| bare_id(&r.id_ti)).unwrap_or_default();
    let rank = |(code, n): (&&'a str, &usize)| (*n, named.starts_with(*code), std::cmp::Reverse(*code));
    count.iter().max_by_key(|e| rank(*e)).map(|(code, _)| *code)
}

/// The territories of `rows` that belong to `region` (every one for [`crate::region::ALL`],
/// each then under its region's legend entry), in the table's order of first appearance.
pub fn compose(region: &Region, rows: &[OfficialRow], table: &str, geo: &Geography) -> Regional {
    let regions = &geo.regions;
    let national = region.code == crate::region::ALL;
    let mut order: Vec<String> = Vec::new();
    let mut by_id: BTreeMap<String, Vec<&OfficialRow>> = BTreeMap::new();
    for r in rows {
        let key = bare_id(&r.id_ti);
        if !by_id.contains_key(&key) {
            order.push(key.clone());
        }
        by_id.entry(key).or_default().push(r);
    }
    let (mut territories, mut kept, mut report, mut slugs) = (Vec::new(), Vec::new(), Vec::new(), BTreeSet::new());
    for key in &order {
        let members = &by_id[key];
        let inside = members.iter().filter(|r| region.holds_commune(&r.insee_com)).count();
        let home = home(members, regions);
        if !national && home != Some(region.code.as_str()) {
            if inside > 0 {
                report.push(format!(
                    "table territory {} {}: {inside} of its {} communes are in region {}, more in region {}; drawn there, not here",
                    members[0].id_ti,
                    members[0].lib_ti,
                    members.len(),
                    region.code,
                    home.unwrap_or("?")
                ));
            }
            continue;
        }
        let name = members[0].lib_ti.clone();
        let mut slug = normalize_name(&name).replace(' ', "-");
        if slug.is_empty() || !slugs.insert(slug.clone()) {
            slug = format!("{slug}-{key}").trim_start_matches('-').to_string();
            slugs.insert(slug.clone());
        }
        let mut t = territory(slug, name, &members[0].id_ti, members.len() - inside);
        if national {
            t.status = format!("region-{}", home.unwrap_or("?"));
        }
        territories.push(t);
        kept.extend(members.iter().map(|r| (*r).clone()));
    }
    let n = territories.len();
    let mut composition = frame(region, n, table, territories);
    if national {
        by_region(&mut composition, &geo.names);
    }
    Regional { composition, rows: kept, report }
}

/// The national map's legend: one entry per region that has territories, in code order, six dark
/// colours under three patterns (never colour alone: the entry's name is in every territory's
/// accessible name and card).
fn by_region(c: &mut Composition, names: &BTreeMap<String, String>) {
    const COLOURS: [&str; 6] = ["#00666b", "#9a4d10", "#6a5d8c", "#2f5f98", "#8a3a5a", "#4d6b1f"];
    const PATTERNS: [&str; 3] = ["solid", "hatch", "dots"];
    let used: BTreeSet<&str> = c.territories.iter().filter_map(|t| t.status.strip_prefix("region-")).collect();
    let statuses = used.iter().enumerate().map(|(i, code)| {
        let name = names.get(*code).map_or(*code, String::as_str);
        Status {
            id: format!("region-{code}"),
            label: Text::both(name, name),
            short: Text::both(name, name),
            color: COLOURS[i % COLOURS.len()].to_string(),
            pattern: PATTERNS[(i / COLOURS.len()) % PATTERNS.len()].to_string(),
        }
    });
    c.legend = Legend {
        title: Text::both(
            "Région du territoire (état du protocole non renseigné)",
            "The territory's region (state of the protocol not given)",
        ),
        name: Some(Text::both("Région", "Region")),
        statuses: statuses.collect(),
    };
    let n = c.territories.len();
    c.description = Some(Text::both(
        format!("Les {n} Territoires d'industrie de la table des communes de l'État d'octobre 2020, par région."),
        format!("The {n} Territoires d'industrie of the State's commune table of October 2020, by region."),
    ));
}

fn territory(id: String, name: String, id_ti: &str, outside: usize) -> Territory {
    let perimeter_note = match outside {
        0 => Text::both("", ""),
        k => Text::both(
            format!("La table compte aussi {k} commune(s) du territoire dans une autre région ; la carte ne les montre pas."),
            format!("The table also lists {k} of the territory's communes in another region; the map does not show them."),
        ),
    };
    Territory {
        id,
        name,
        short_name: None,
        ti_label: None,
        aliases: Vec::new(),
        ti_ids: vec![id_ti.to_string()],
        status: STATUS.to_string(),
        status_date: None,
        status_place: None,
        projects: Vec::new(),
        epci: Vec::new(),
        communes: Vec::new(),
        departements: Vec::new(),
        perimeter_confidence: "high".to_string(),
        perimeter_note,
        sources: Vec::new(),
    }
}

/// The State's table of October 2020, as data/composition.toml cites it.
fn table_source() -> Source {
    Source {
        title: Text::both(
            "Table des communes des Territoires d'industrie, État, 15 octobre 2020 (signaux-faibles/datapi, migrations/201013_0_fix_terrind.sql)",
            "Commune table of the Territoires d'industrie, French State, 15 October 2020 (signaux-faibles/datapi, migrations/201013_0_fix_terrind.sql)",
        ),
        url: Some("https://github.com/signaux-faibles/datapi/blob/17b7213f4d3b3419d4e774aba593c4321eaadbf0/migrations/201013_0_fix_terrind.sql".into()),
    }
}

fn frame(region: &Region, n: usize, table: &str, territories: Vec<Territory>) -> Composition {
    let r = &region.name;
    let status = Status {
        id: STATUS.to_string(),
        label: Text::both(
            "Périmètre de la table de l'État d'octobre 2020 (état du protocole non renseigné)",
            "Perimeter from the State's table of October 2020 (state of the protocol not given)",
        ),
        short: Text::both("Périmètre 2020", "2020 perimeter"),
        color: "#00666b".to_string(),
        pattern: "solid".to_string(),
    };
    Composition {
        title: Text::both(format!("Territoires d'industrie en {r}"), format!("Territoires d'industrie in {r}")),
        description: Some(Text::both(
            format!("Périmètres des {n} Territoires d'industrie de la région selon la table des communes de l'État d'octobre 2020."),
            format!("Perimeters of the region's {n} Territoires d'industrie from the State's commune table of October 2020."),
        )),
        attribution: Some(Text::both(
            "Contours : IGN ADMIN EXPRESS via Etalab (Licence Ouverte 2.0), pays voisins : Natural Earth. Périmètres : table des communes des Territoires d'industrie de l'État, octobre 2020. Le détail des sources et des licences est dans le fichier data/README.md du dépôt.",
            "Outlines: IGN ADMIN EXPRESS via Etalab (Licence Ouverte 2.0); neighbouring countries: Natural Earth. Perimeters: the State's commune table of the Territoires d'industrie, October 2020. The sources and licences are detailed in the repository's data/README.md file.",
        )),
        legend: Legend {
            title: Text::both("Territoires d'industrie", "Territoires d'industrie"),
            name: None,
            statuses: vec![status],
        },
        programme: Programme { facts: Vec::new(), themes: Vec::new(), source: table_source() },
        perimeters: Some(Perimeters {
            table: table.to_string(),
            described_as: Text::both(
                "la table des communes des Territoires d'industrie de l'État d'octobre 2020 (dépôt signaux-faibles/datapi)",
                "the State's commune table of the Territoires d'industrie of October 2020 (signaux-faibles/datapi repository)",
            ),
            source: table_source(),
            population_vintage: Text::both(
                "population légale INSEE en vigueur au 1er janvier 2026, communes de 2026",
                "INSEE legal population in force on 1 January 2026, municipalities of 2026",
            ),
            population_source: Source {
                title: Text::both(
                    "INSEE, populations légales en vigueur au 1er janvier 2026 (via @etalab/decoupage-administratif 6.0.0)",
                    "INSEE, legal populations in force on 1 January 2026 (via @etalab/decoupage-administratif 6.0.0)",
                ),
                url: Some("https://www.insee.fr/fr/statistiques/8680726".into()),
            },
        }),
        territories,
    }
}

/// True when `row` is one of the territories `c` was composed of.
pub fn composed_of(c: &Composition, row: &OfficialRow) -> bool {
    c.territories.iter().any(|t| t.ti_ids.iter().any(|i| same_id(i, &row.id_ti)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn geo() -> Geography {
        let regions =
            [("21", "27"), ("25", "27"), ("52", "44"), ("69", "84"), ("72", "52"), ("61", "28"), ("28", "24")]
                .map(|(d, r)| (d.to_string(), r.to_string()))
                .into();
        let names = [("27", "Bourgogne-Franche-Comté"), ("44", "Grand Est"), ("84", "Auvergne-Rhône-Alpes")]
            .map(|(d, r)| (d.to_string(), r.to_string()))
            .into();
        Geography { regions, names }
    }

    #[test]
    fn the_whole_country_has_every_territory_under_its_region() {
        let all = Region { code: crate::region::ALL.into(), name: "France".into(), departements: vec![] };
        let rows = [row("21001", "TI2701", "Dijon"), row("52001", "TI4401", "Langres"), row("69001", "TI8401", "Lyon")];
        let r = compose(&all, &rows, "t", &geo());
        let statuses: Vec<&str> = r.composition.territories.iter().map(|t| t.status.as_str()).collect();
        assert_eq!(statuses, ["region-27", "region-44", "region-84"]);
        let legend: Vec<(&str, &str)> =
            r.composition.legend.statuses.iter().map(|s| (s.label.fr.as_str(), s.color.as_str())).collect();
        assert_eq!(
            legend,
            [("Bourgogne-Franche-Comté", "#00666b"), ("Grand Est", "#9a4d10"), ("Auvergne-Rhône-Alpes", "#6a5d8c")]
        );
        assert!(r.composition.require_english().is_ok());
    }

    #[test]
    fn a_territory_without_a_majority_goes_to_the_region_of_most_of_its_communes() {
        // TI5213 Vallée de l'Huisne: 33 communes in the Sarthe (52), 28 in the Orne (28), 20 in
        // the Eure-et-Loir (24): no region has half.
        let mut rows: Vec<OfficialRow> = (0..33).map(|i| row(&format!("72{i:03}"), "TI5213", "Huisne")).collect();
        rows.extend((0..28).map(|i| row(&format!("61{i:03}"), "TI5213", "Huisne")));
        rows.extend((0..20).map(|i| row(&format!("28{i:03}"), "TI5213", "Huisne")));
        let pays_de_la_loire = Region { code: "52".into(), name: "P".into(), departements: vec!["72".into()] };
        assert_eq!(compose(&pays_de_la_loire, &rows, "t", &geo()).composition.territories.len(), 1);
        let normandie = Region { code: "28".into(), name: "N".into(), departements: vec!["61".into()] };
        let r = compose(&normandie, &rows, "t", &geo());
        assert!(r.composition.territories.is_empty());
        assert!(r.report[0].contains("28 of its 81 communes are in region 28, more in region 52"), "{:?}", r.report);
        // A tie goes to the region the id names.
        let tie = [row("21001", "TI4402", "T"), row("52001", "TI4402", "T")];
        let bfc = Region { code: "27".into(), name: "B".into(), departements: vec!["21".into()] };
        assert!(compose(&bfc, &tie, "t", &geo()).composition.territories.is_empty());
        let ge = Region { code: "44".into(), name: "G".into(), departements: vec!["52".into()] };
        assert_eq!(compose(&ge, &tie, "t", &geo()).composition.territories.len(), 1);
    }

    fn row(insee: &str, id: &str, name: &str) -> OfficialRow {
        OfficialRow { insee_com: insee.into(), lib_com: insee.into(), id_ti: id.into(), lib_ti: name.into() }
    }

    #[test]
    fn a_territory_is_the_region_of_most_of_its_communes() {
        let region = Region {
            code: "27".into(),
            name: "Bourgogne-Franche-Comté".into(),
            departements: vec!["21".into(), "25".into()],
        };
        let rows = [
            row("21001", "TI2701", "Dijon Sud"),
            row("21002", "TI2701", "Dijon Sud"),
            row("52001", "TI2701", "Dijon Sud"),
            row("25001", "TI4401", "Nord Doubs"),
            row("52002", "TI4401", "Nord Doubs"),
            row("52003", "TI4401", "Nord Doubs"),
            row("69001", "TI8401", "Lyon"),
        ];
        let r = compose(&region, &rows, "t.csv", &geo());
        let ids: Vec<&str> = r.composition.territories.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["dijon-sud"]);
        assert_eq!(r.rows.len(), 3, "its three rows, the one outside included (membership leaves it out)");
        assert!(r.composition.territories[0].perimeter_note.fr.contains("1 commune(s)"));
        assert_eq!(r.report.len(), 1, "{:?}", r.report);
        assert!(r.report[0].contains("TI4401 Nord Doubs: 1 of its 3 communes"));
        assert!(r.composition.require_english().is_ok());
        assert!(composed_of(&r.composition, &row("21001", "ti-2701", "x")));
    }

    #[test]
    fn two_territories_of_one_name_get_two_ids() {
        let region = Region { code: "27".into(), name: "B".into(), departements: vec!["21".into()] };
        let r = compose(&region, &[row("21001", "TI2701", "Val"), row("21002", "TI2702", "Val")], "t.csv", &geo());
        let ids: Vec<&str> = r.composition.territories.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["val", "val-2702"]);
    }
}
