// The map in an iframe. Query: src, context, statuts (status CSV), idProperty, nameProperty,
// statusProperty, territory, lang, minimal (no header), height.
// The selected territory lives in the hash (#territoire=<id>, or #commune=<INSEE code> when a
// commune was chosen in the search); the page tells its parent its
// height and selection with postMessage ({source: 'territoires-map', type: 'height' | 'select'}).
import { attach, followAddress } from './search.js';
import { helpOnRequest, warmNames } from './helpers.js';
import { load } from './load.js';

const q = new URLSearchParams(location.search);
// ?lang=en goes to the English edition of this page (en/embed.html), as on the main page.
const wanted = q.get('lang')?.trim().toLowerCase().split('-')[0];
if (wanted === document.documentElement.lang) q.delete('lang');
const edition = wanted && document.querySelector(`link[rel="alternate"][hreflang="${CSS.escape(wanted)}"]`);
if (edition) {
  q.delete('lang');
  // Addresses given relative to this page stay the same files from the edition's folder.
  for (const k of ['src', 'context', 'statuts', 'statuses']) {
    const u = q.has(k) && new URL(q.get(k), location.href);
    if (u) q.set(k, u.origin === location.origin ? u.pathname + u.search : u.href);
  }
  location.replace(`${edition.href}${q.size ? `?${q}` : ''}${location.hash}`);
  await new Promise(() => {}); // this page is left: nothing more to start
}
const el = document.getElementById('carte');
// The data files the pre-rendered map was drawn from (this site's region), from this page.
const own = { ...el.querySelector(':scope > .tim-pre')?.dataset };
// The default map comes pre-rendered (make build); another file, language or layout is drawn by
// the module alone.
const custom = ['src', 'context', 'statuts', 'statuses', 'lang', 'minimal', 'idProperty', 'nameProperty', 'statusProperty'];
if (custom.some((k) => q.has(k))) el.querySelector(':scope > .tim-pre')?.remove();
const post = (msg) => { if (parent !== window) parent.postMessage({ source: 'territoires-map', ...msg }, '*'); };
const fromHash = (k = 'territoire') => new URLSearchParams(location.hash.slice(1)).get(k);
if (q.get('height')) el.style.setProperty('--tim-stage-height', q.get('height'));
// ?theme=light or dark forces the colours (embed.css, map.css); else the visitor's choice.
const theme = q.get('theme');
if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = el.dataset.theme = theme;

const options = {
  src: q.get('src') ?? new URL(own.src ?? 'data/territoires-grand-est.geojson', own.src ? location.href : import.meta.url).href,
  context: q.get('context')
    ?? (q.get('src') ? undefined : new URL(own.context ?? 'data/contexte-grand-est.geojson', own.context ? location.href : import.meta.url).href),
  lang: q.get('lang') ?? document.documentElement.lang,
  header: !q.has('minimal'),
  statuses: q.get('statuts') ?? q.get('statuses') ?? undefined,
  idProperty: q.get('idProperty') ?? undefined,
  nameProperty: q.get('nameProperty') ?? undefined,
  statusProperty: q.get('statusProperty') ?? undefined,
  cooperative: true,
};
// Data downloads start while the wasm compiles; the map's fetch() takes them over (see main.js).
// Unless the pre-rendered map holds its own data and shapes (script.tim-data): then the module
// downloads nothing (src/hydrate/page.rs).
const held = el.querySelector(':scope > .tim-pre > script.tim-data');
for (const href of held ? [] : [options.src, options.context, options.statuses]) {
  if (href) document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href }));
}
// The small module adopts the pre-rendered map; the full one draws any other (see main.js). The
// map is set in the task that creates it, before it says it is ready.
let map = null;
// The commune search, where the pre-rendered page has its field; #commune=<INSEE code> asks it.
followAddress(attach(el, options.lang, () => map));
// The small module's helpers: "Télécharger l'image", the names once the map moves (www/helpers.js).
helpOnRequest(el);
const start = async (name) => {
  const m = await load(name);
  map = new m.TerritoiresMap(el, options);
};
if (q.has('lang')) document.documentElement.lang = q.get('lang') === 'en' ? 'en' : 'fr';
el.addEventListener('ready', (e) => {
  // The frame is named after what it shows (the host's <iframe title> names it for its page).
  document.title = e.detail.title;
  const id = fromHash() ?? q.get('territory');
  if (id) map?.select(id);
});
el.addEventListener('territoryselect', (e) => {
  const c = e.detail.commune;
  history.replaceState(null, '', c ? `#commune=${encodeURIComponent(c.code)}` : `#territoire=${encodeURIComponent(e.detail.id)}`);
  post({ type: 'select', id: e.detail.id, name: e.detail.name, status: e.detail.status, commune: c });
});
addEventListener('hashchange', () => (fromHash() ? map?.select(fromHash()) : fromHash('commune') || map?.clear()));
// The body, not the root: the root's scrollHeight never drops below the iframe's own height.
new ResizeObserver(() => post({ type: 'height', height: document.body.getBoundingClientRect().height }))
  .observe(document.body);
if (held && (await start('territoires_map_small').then(() => true, () => false))) warmNames(el);
else await start('territoires_map');
