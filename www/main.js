// Loads the WebAssembly module and starts one map in #carte. All map logic is in Rust.
// ?src=<url> shows another territory file (then no Grand Est background unless ?context=<url>);
// ?statuts=<url> joins a status CSV by id; ?idProperty=, ?nameProperty=, ?statusProperty= name
// the file's properties.
import init, { TerritoiresMap } from './pkg/territoires_map.js';

const params = new URLSearchParams(location.search);
const src = params.get('src');
const el = document.getElementById('carte');
const options = {
  src: src ?? 'data/territoires-grand-est.geojson',
  context: params.get('context') ?? (src ? undefined : 'data/contexte-grand-est.geojson'),
  lang: params.get('lang') ?? document.documentElement.lang,
  renderer: params.get('renderer') ?? undefined,
  statuses: params.get('statuts') ?? params.get('statuses') ?? undefined,
  idProperty: params.get('idProperty') ?? undefined,
  nameProperty: params.get('nameProperty') ?? undefined,
  statusProperty: params.get('statusProperty') ?? undefined,
};
// The data downloads start now, while the wasm compiles: the map's own fetch() of the same URL
// (CORS mode, same-origin credentials, as `crossorigin` asks) takes these responses over.
for (const href of [options.src, options.context, options.statuses]) {
  if (href) document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href }));
}
try {
  await init();
  window.carte = new TerritoiresMap(el, options);
} catch (e) {
  el.dataset.state = 'error';
  // The one sentence outside the strings table (src/text/): the module that holds it never started.
  const en = String(options.lang).trim().toLowerCase().startsWith('en');
  el.textContent = en
    ? `The map could not start in this browser (${e}).`
    : `La carte n'a pas pu démarrer dans ce navigateur (${e}).`;
}
