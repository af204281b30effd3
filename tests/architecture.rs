//! The layering of `src/`: which top-level module names which (`crate::…` paths in code, not in
//! comments or tests). Outside `web/`, the modules form no cycle, so each can be read, tested and
//! changed knowing only what it stands on; the README's architecture table follows this order.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

/// The code of a file without comments and without its `#[cfg(test)]` part.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let name: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
        if !name.is_empty() {
            out.insert(name);
        }
    }
    out
}

fn add_dir(g: &mut Graph, module: &str, dir: &Path) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            add_dir(g, module, &path);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs") {
            let deps = crate_paths(&code(&fs::read_to_string(&path).unwrap()));
            g.entry(module.to_string()).or_default().extend(deps.into_iter().filter(|d| d != module));
        }
    }
}

fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut g = Graph::new();
    for entry in fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if name == "lib" {
            continue;
        }
        g.entry(name.clone()).or_default();
        if path.is_dir() {
            add_dir(&mut g, &name, &path);
        } else {
            let deps = crate_paths(&code(&fs::read_to_string(&path).unwrap()));
            g.entry(name.clone()).or_default().extend(deps.into_iter().filter(|d| *d != name));
        }
    }
    g
}

/// A cycle through `from`, if any (depth-first, modules in name order).
fn cycle(g: &Graph, from: &str, path: &mut Vec<String>) -> Option<Vec<String>> {
    if let Some(k) = path.iter().position(|m| m == from) {
        return Some(path[k..].iter().cloned().chain([from.to_string()]).collect());
    }
    path.push(from.to_string());
    for next in g.get(from).into_iter().flatten() {
        if let Some(c) = cycle(g, next, path) {
            return Some(c);
        }
    }
    path.pop();
    None
}

#[test]
fn modules_outside_web_form_no_cycle() {
    let mut g = graph();
    g.remove("web");
    for m in g.keys() {
        assert_eq!(cycle(&g, m, &mut Vec::new()), None, "import cycle in src/ (graph: {g:?})");
    }
}

#[test]
fn only_web_is_built_on_by_nothing() {
    let g = graph();
    assert!(g.contains_key("web") && g.contains_key("scene") && g.contains_key("render"), "{g:?}");
    for (m, deps) in &g {
        assert!(!deps.contains("web"), "{m} names the web layer: only web/ may touch the browser");
    }
    assert!(!g["scene"].contains("render"), "the scene knows no renderer");
}

#[test]
fn the_graph_reader_finds_cycles() {
    let g: Graph = [("a", "b"), ("b", "c"), ("c", "a")]
        .iter()
        .map(|(m, d)| (m.to_string(), BTreeSet::from([d.to_string()])))
        .collect();
    assert_eq!(cycle(&g, "a", &mut Vec::new()), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
    assert_eq!(crate_paths("use crate::scene::Scene; x = crate::rank::f();").len(), 2);
    assert!(code("// crate::web\nfn f() {}\n#[cfg(test)]\nuse crate::web;").find("crate::").is_none());
}
