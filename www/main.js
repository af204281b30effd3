// Loads the WebAssembly module and starts one map in #carte. All map logic is in Rust.
// ?src=<url> shows another territory file (then no Grand Est background unless ?context=<url>).
import init, { TerritoiresMap } from './pkg/territoires_map.js';

const params = new URLSearchParams(location.search);
const src = params.get('src');
const el = document.getElementById('carte');
try {
  await init();
  window.carte = new TerritoiresMap(el, {
    src: src ?? 'data/territoires-grand-est.geojson',
    context: params.get('context') ?? (src ? undefined : 'data/contexte-grand-est.geojson'),
    lang: params.get('lang') ?? document.documentElement.lang,
    renderer: params.get('renderer') ?? undefined,
  });
} catch (e) {
  el.dataset.state = 'error';
  el.textContent = `La carte n'a pas pu démarrer dans ce navigateur (${e}).`;
}
