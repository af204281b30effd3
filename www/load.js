// Starts one of the crate's WebAssembly modules (pkg/<name>.js, wasm-bindgen's glue, and
// pkg/<name>_bg.wasm) and gives its exports. The wasm is asked for with its glue, not once the
// glue has arrived (one round trip less); a failed download fails the promise, not as an
// unhandled rejection. The scripts that start a module import this one; `.ci/build-site` bundles
// it into each (esbuild), so that a page fetches no file more for it.
export function load(name) {
  const wasm = fetch(new URL(`./pkg/${name}_bg.wasm`, import.meta.url));
  wasm.catch(() => {});
  // An address built at run time: the bundler leaves it to the browser, as written.
  const glue = new URL(`./pkg/${name}.js`, import.meta.url).href;
  return import(glue).then(async (m) => {
    await m.default({ module_or_path: wasm });
    return m;
  });
}
