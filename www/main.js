// Loads the WebAssembly module and starts one map in #carte. All map logic is in Rust.
// ?src=<url> shows another territory file (then no Grand Est background unless ?context=<url>);
// ?statuts=<url> joins a status CSV by id; ?idProperty=, ?nameProperty=, ?statusProperty= name
// the file's properties. #territoire=<id> opens that territory's card, #commune=<INSEE code> the
// card of that commune's territory, the commune marked (search.js).
// The page comes with the default map already drawn (make build, src/prerender/): the small
// module adopts it as it is and downloads nothing; another file or language is drawn by the full
// module (two builds of the same crate, see the Makefile).
import { attach, followAddress } from './search.js';
import { helpOnRequest, warmNames } from './helpers.js';
import { load } from './load.js';

const params = new URLSearchParams(location.search);
// ?lang=en on a page that has an English edition (en/index.html, written by the pre-render and
// named in the head) goes there, with the rest of the address.
const wanted = params.get('lang')?.trim().toLowerCase().split('-')[0];
if (wanted === document.documentElement.lang) params.delete('lang');
const edition = wanted && document.querySelector(`link[rel="alternate"][hreflang="${CSS.escape(wanted)}"]`);
if (edition) {
  params.delete('lang');
  // Addresses given relative to this page stay the same files from the edition's folder.
  for (const k of ['src', 'context', 'statuts', 'statuses']) {
    const u = params.has(k) && new URL(params.get(k), location.href);
    if (u) params.set(k, u.origin === location.origin ? u.pathname + u.search : u.href);
  }
  location.replace(`${edition.href}${params.size ? `?${params}` : ''}${location.hash}`);
  await new Promise(() => {}); // this page is left: nothing more to start
}
const src = params.get('src');
const el = document.getElementById('carte');
// The data files the pre-rendered map was drawn from (this site's region), from this page.
const own = { ...el.querySelector(':scope > .tim-pre')?.dataset };
const custom = ['src', 'context', 'statuts', 'statuses', 'lang', 'idProperty', 'nameProperty', 'statusProperty'];
if (custom.some((k) => params.has(k))) el.querySelector(':scope > .tim-pre')?.remove();
const fromHash = (k = 'territoire') => new URLSearchParams(location.hash.slice(1)).get(k);
// ?theme=light or dark forces the page's and the map's colours (page.css, map.css); else the
// visitor's choice.
const theme = params.get('theme');
if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = el.dataset.theme = theme;
// Other data (a file, or statuses): the page's heading, introduction and sources describe the
// default map, not this one. Hidden until the map says what it shows: the file's title (else a
// generic name, from the module's strings) and description.
const other = ['src', 'statuts', 'statuses'].some((k) => params.has(k));
const [heading, intro, sources] = ['main > h1', 'main > .intro', 'body > footer'].map((q) => document.querySelector(q));
if (other) for (const e of [heading, intro, sources]) if (e) e.hidden = true;
el.addEventListener('ready', (e) => {
  if (!other) return;
  heading.textContent = e.detail.title;
  heading.hidden = false;
  intro.textContent = e.detail.description ?? '';
  intro.hidden = !e.detail.description;
  document.title = e.detail.title;
});
const options = {
  // The site's own data, as the pre-rendered map names it (else the Grand Est's, beside this script).
  src: src ?? new URL(own.src ?? 'data/territoires-grand-est.geojson', own.src ? location.href : import.meta.url).href,
  context: params.get('context')
    ?? (src ? undefined : new URL(own.context ?? 'data/contexte-grand-est.geojson', own.context ? location.href : import.meta.url).href),
  lang: params.get('lang') ?? document.documentElement.lang,
  renderer: params.get('renderer') ?? undefined,
  statuses: params.get('statuts') ?? params.get('statuses') ?? undefined,
  idProperty: params.get('idProperty') ?? undefined,
  nameProperty: params.get('nameProperty') ?? undefined,
  statusProperty: params.get('statusProperty') ?? undefined,
};
// The data downloads start now, while the wasm compiles: the map's own fetch() of the same URL
// (CORS mode, same-origin credentials, as `crossorigin` asks) takes these responses over.
// Unless the pre-rendered map holds its own data and shapes (script.tim-data): then the module
// downloads nothing (src/hydrate/page.rs).
const held = el.querySelector(':scope > .tim-pre > script.tim-data');
for (const href of held ? [] : [options.src, options.context, options.statuses]) {
  if (href) document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href }));
}
// The small module where the page holds its map, the full one where it does not or where the
// small one refuses what it holds (then the full one downloads the data).
// The map is set in the task that creates it, before it says it is ready; window.carte is the
// page's handle on it (until then, the browser's name for the element #carte).
let map = null;
// The commune search, where the pre-rendered page has its field; #commune=<INSEE code> asks it.
followAddress(attach(el, options.lang, () => map));
// The small module's helpers: "Télécharger l'image", the names once the map moves (www/helpers.js).
helpOnRequest(el);
const start = async (name) => {
  const m = await load(name);
  window.carte = map = new m.TerritoiresMap(el, options);
};
try {
  // A card opened before the module took over (#territoire=<id>) stays open: selected in the
  // same task as the drawing, so no frame shows it closed.
  el.addEventListener('ready', () => { if (fromHash()) map?.select(fromHash()); });
  addEventListener('hashchange', () => (fromHash() ? map?.select(fromHash()) : fromHash('commune') || map?.clear()));
  // ?renderer= asks for a renderer of the full module's (the small one adopts the SVG as it is).
  const small = held && !params.has('renderer') && (await start('territoires_map_small').then(() => true, () => false));
  if (small) warmNames(el);
  else await start('territoires_map');
} catch (e) {
  el.dataset.state = 'error';
  // The one sentence outside the strings table (src/text/): the module that holds it never started.
  const en = String(options.lang).trim().toLowerCase().startsWith('en');
  const said = en
    ? `The map could not start in this browser (${e}).`
    : `La carte n'a pas pu démarrer dans ce navigateur (${e}).`;
  // The pre-rendered map stays usable (links, cards, list; map.css hides the module's buttons
  // from a static map): the sentence goes above it.
  if (el.querySelector(':scope > .tim-pre')) {
    el.classList.add('tim-static');
    el.prepend(Object.assign(document.createElement('p'), { className: 'tim-start-failed', textContent: said }));
  } else {
    el.textContent = said;
  }
}
