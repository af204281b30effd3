//! The files of a data folder, by the names `make data` gives them (`ti-data`: the region as a
//! file name, `grand-est`, `bourgogne-franche-comte`): the pre-render and the images read them,
//! and the pages name them so that the scripts fetch the same ones.

use std::path::Path;

/// One region's files in a data folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataFiles {
    /// The region as a file name.
    pub slug: String,
}

impl Default for DataFiles {
    /// The repository's own data, the Grand Est's.
    fn default() -> Self {
        DataFiles { slug: "grand-est".to_string() }
    }
}

impl DataFiles {
    /// The one region whose `territoires-<slug>.geojson` is in `dir`; an error says what is there
    /// when there is none, or more than one.
    ///
    /// ```
    /// # use territoires_map::prerender::DataFiles;
    /// let f = DataFiles::find(std::path::Path::new("data")).unwrap();
    /// assert_eq!(f.territories(), "territoires-grand-est.geojson");
    /// assert_eq!(f.index(), "communes-grand-est.txt");
    /// ```
    pub fn find(dir: &Path) -> Result<DataFiles, String> {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut slugs: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|n| Some(n.strip_prefix("territoires-")?.strip_suffix(".geojson")?.to_string()))
            .collect();
        slugs.sort();
        match slugs.as_slice() {
            [one] => Ok(DataFiles { slug: one.clone() }),
            [] => Err(format!("{}: no territoires-<region>.geojson (make data writes one)", dir.display())),
            many => Err(format!("{}: several regions ({}); one folder per region", dir.display(), many.join(", "))),
        }
    }

    /// The territories: `territoires-<slug>.geojson`.
    pub fn territories(&self) -> String {
        format!("territoires-{}.geojson", self.slug)
    }

    /// The background: `contexte-<slug>.geojson`.
    pub fn context(&self) -> String {
        format!("contexte-{}.geojson", self.slug)
    }

    /// The communes and their territories: `communes-<slug>.csv`.
    pub fn communes(&self) -> String {
        format!("communes-{}.csv", self.slug)
    }

    /// The commune search's index, written by the pre-render: `communes-<slug>.txt`.
    pub fn index(&self) -> String {
        format!("communes-{}.txt", self.slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_of_two_regions_or_none_is_refused() {
        let dir = std::env::temp_dir().join(format!("tim-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert!(DataFiles::find(&dir).unwrap_err().contains("no territoires-<region>.geojson"));
        for slug in ["corse", "bretagne"] {
            std::fs::write(dir.join(format!("territoires-{slug}.geojson")), "{}").unwrap();
        }
        assert!(DataFiles::find(&dir).unwrap_err().contains("several regions (bretagne, corse)"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
