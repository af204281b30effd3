// The commune search (src/search/, src/web/search/): for the pre-rendered field
// (.tim-commune-search), its module (pkg/territoires_search) and the index are fetched the first
// time the field is used, or at once for a commune asked by address, attribute or method. The
// module words the answer, puts it first in the card and marks the commune; this file only opens
// the card through the map's own API and names the commune in `territoryselect`'s detail.
import { load } from './load.js';

let module = null;
const commune = () => (module ??= load('territoires_search').then((m) => m.CommuneSearch));

// `map()` gives the map of `root` (the module's TerritoiresMap, or null). Returns null where the
// page has no field.
export function attach(root, lang, map) {
  const field = root.querySelector('.tim-commune-search[data-index]');
  if (!field) return null;
  // Without a script, Enter leads to the page of all communes; with one, the field answers.
  field.addEventListener('submit', (e) => e.preventDefault());
  let search = null;
  // A commune chosen before the map is ready is chosen again once it is.
  let pending = null;
  let choosing = null;
  const ready = () => (root.dataset.state === 'ready' ? map() : null);
  const answer = (a) => {
    const m = ready();
    if (!m) { pending = a?.code ?? null; return false; }
    choosing = a;
    try { if (!a?.territory || !m.select(a.territory)) m.clear(); } finally { choosing = null; }
    return true;
  };
  // Before the host's listeners (capture, at the map's element).
  root.addEventListener('territoryselect', (e) => { if (choosing) e.detail.commune = { code: choosing.code, name: choosing.name }; }, true);
  root.addEventListener('ready', () => { if (pending) search?.then((s) => s.choose(pending)); pending = null; });
  const text = () => fetch(new URL(field.dataset.index, document.baseURI)).then((r) => (r.ok ? r.text() : null), () => null);
  const start = () => (search ??= Promise.all([commune(), text()]).then(([S, t]) => new S(field, t, lang, answer)));
  field.addEventListener('focusin', start, { once: true });
  return {
    choose: async (code) => (await start()).choose(String(code)),
    destroy: () => search?.then((s) => { s.destroy(); s.free(); }),
  };
}

// A page's own address (index.html, embed.html): #commune=<INSEE code> asks the search, at once
// and whenever the address changes.
export function followAddress(search) {
  const code = () => new URLSearchParams(location.hash.slice(1)).get('commune');
  const ask = () => { if (code()) search?.choose(code()); };
  ask();
  addEventListener('hashchange', ask);
}
