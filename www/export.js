// "Télécharger l'image" on a map of the small module, which holds no image code: it sends
// `tim-export` from the map's element, and this file hands the event to the image's own module
// (pkg/territoires_export, src/web/image/), fetched the first time an image is asked for. That
// module reads the map from the page and downloads the view the event describes.
let module = null;
// The wasm is asked for with its glue, not once the glue has arrived (one round trip less).
const load = () => (module ??= ((wasm) => {
  wasm.catch(() => {});
  return import('./pkg/territoires_export.js').then(async (m) => {
    await m.default({ module_or_path: wasm });
    return m.exportImage;
  });
})(fetch(new URL('./pkg/territoires_export_bg.wasm', import.meta.url))).catch((e) => { module = null; throw e; }));

// Listens on `host` for the maps inside it (the event bubbles out of the element's shadow root).
export function exportOnRequest(host) {
  host.addEventListener('tim-export', (e) => {
    const root = e.composedPath()[0];
    load().then((exportImage) => exportImage(root, e.detail)).catch((err) => console.error(err));
  });
}
