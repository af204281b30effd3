// The small module's helpers: each its own wasm module, fetched the first time a map of the small
// module asks for it with an event from its element. Each reads the map from the page.
// - `tim-export`, "Télécharger l'image": pkg/territoires_export (src/web/image/) writes the view
//   the event describes and downloads it.
// - `tim-names`, once the view first leaves the pre-rendered picture (a move or a zoom), then at
//   every view: pkg/territoires_names (src/web/names/) places the map's names and markers for the
//   view given (the markers alone, brought into the kept picture by `layer`, on a stage the
//   pre-rendered ones do not fit).
import { load } from './load.js';

const modules = {};
// A module that could not be downloaded is asked for again after this long, not at each of the
// many views of the gesture under way (the names stay hidden meanwhile).
const RETRY_MS = 5000;
const once = (name) => (modules[name] ??= load(name).catch((e) => {
  console.error(e);
  setTimeout(() => { delete modules[name]; }, RETRY_MS);
  return null;
}));
// Each map's names, read from its page the first time (null: that page cannot give them).
const names = new WeakMap();
const help = {
  'tim-export': ['territoires_export', (m, root, detail) => m.exportImage(root, detail)],
  'tim-names': ['territoires_names', (m, root, detail) => {
    if (!names.has(root)) {
      names.set(root, null); // stays null if this page cannot give them: not read again
      names.set(root, new m.Names(root));
    }
    names.get(root)?.place(detail.view, detail.layer ?? '');
  }],
};

// The names' module is fetched at the first sign that the visitor will move the map in `root`
// (the pointer over its stage, or focus in it: a territory, a zoom button) rather than at its
// first move, which would otherwise wait for it, names and markers hidden. Not for the list or
// the cards, nor for a map of the full module, which places its own.
export function warmNames(root) {
  const stage = root.querySelector('.tim-stage');
  if (stage?.matches(':hover, :focus-within')) once('territoires_names'); // already there at start
  for (const kind of ['pointerenter', 'focusin']) stage?.addEventListener(kind, () => once('territoires_names'), { once: true });
}

// Listens on `host` for the maps inside it (the events bubble out of the element's shadow root).
export function helpOnRequest(host) {
  for (const [kind, [name, use]] of Object.entries(help)) {
    host.addEventListener(kind, (e) => {
      const root = e.composedPath()[0];
      once(name).then((m) => m && use(m, root, e.detail)).catch((err) => console.error(err));
    });
  }
}
