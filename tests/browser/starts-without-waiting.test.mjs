// Someone opens the map: the default page holds its data and asks for none (issue #20); with
// another file, the page does not wait for the WebAssembly module before it asks for the data,
// and the territories and the background map come in side by side, not one after the other
// (issue #7). Each download is asked for once: the map's own fetch() takes over what the
// page preloaded, and Chromium does not warn about an unused preload.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy, waitForState, loadingMessages, mountMap, waitForMapState } from './harness.mjs';

let app;

before(async () => {
  app = await start();
});
after(() => app?.close());

const HOLD_MS = 1500;

test('the default page asks for no data and only the small module: the map it holds is its own', async () => {
  const asked = [];
  const { page, watch } = await app.open('', { prepare: (page) => page.on('request', (r) => asked.push(new URL(r.url()).pathname)) });
  assert.deepEqual(asked.filter((u) => u.startsWith('/data/')), [], 'data downloaded');
  assert.deepEqual(asked.filter((u) => u.startsWith('/pkg/')).sort(), ['/pkg/territoires_map_small.js', '/pkg/territoires_map_small_bg.wasm']);
  await page.waitForTimeout(3500);
  assert.deepEqual(watch.console.filter((c) => /preload/i.test(c.text)).map((c) => c.text), [], 'no unused preload');
  await assertHealthy(watch);
});

test("the default page asks for its module side by side with its script, not once it has read it", async () => {
  // main.js starts the small module: without its preload in the head, the browser would ask for
  // it only once main.js had arrived and run, one round trip later. The scripts main.js imports
  // (search.js, helpers.js, load.js) come inside it (.ci/build-site bundles them): not asked for.
  const { page, watch } = await app.open('');
  const asked = [];
  page.on('request', (r) => asked.push({ url: new URL(r.url()).pathname, at: Date.now() }));
  let released = Infinity;
  await page.route(/\/main\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, HOLD_MS));
    released = Date.now();
    await route.continue();
  });
  await page.reload();
  await waitForState(page, 'ready');
  assert.deepEqual(asked.filter((a) => /\/(search|helpers|load)\.js$/.test(a.url)), [], 'bundled into main.js');
  for (const p of ['/pkg/territoires_map_small.js', '/pkg/territoires_map_small_bg.wasm']) {
    const all = asked.filter((a) => a.url === p);
    assert.equal(all.length, 1, `${p} is asked for once: ${JSON.stringify(asked.map((a) => a.url))}`);
    assert.ok(all[0].at < released, `${p} was asked for ${all[0].at - released} ms after main.js arrived; it must not wait for it`);
  }
  await page.waitForTimeout(3500);
  assert.deepEqual(watch.console.filter((c) => /preload/i.test(c.text)).map((c) => c.text), [], 'no unused preload');
  await assertHealthy(watch);
});

test('another file is asked for while the wasm is still on its way, and only once', async () => {
  const query = '?src=data/territoires-grand-est.geojson&context=data/contexte-grand-est.geojson';
  // Ready first: the module is imported by the script, so a first load still under way would
  // ask for it once more while the test counts.
  const { page, watch } = await app.open(query);
  // Chromium reports an unused preload a few seconds after the load event, as a console warning.
  // `open` already navigated: reload with the wasm held back by the test.
  const asked = [];
  page.on('request', (r) => asked.push({ url: new URL(r.url()).pathname, at: Date.now() }));
  let released = Infinity;
  await page.route(/territoires_map_bg\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, HOLD_MS));
    released = Date.now();
    await route.continue();
  });
  await page.reload();
  await waitForState(page, 'ready');
  const count = (p) => asked.filter((a) => a.url === p).length;
  for (const p of ['/data/territoires-grand-est.geojson', '/data/contexte-grand-est.geojson']) {
    const first = asked.find((a) => a.url === p);
    assert.ok(first, `${p} was requested: ${JSON.stringify(asked.map((a) => a.url))}`);
    assert.ok(first.at < released, `${p} was asked for ${first.at - released} ms after the wasm arrived; it must not wait for it`);
    assert.equal(count(p), 1, `${p} is downloaded once (the map takes over the preload)`);
  }
  assert.equal(count('/pkg/territoires_map_bg.wasm'), 1, 'the wasm is downloaded once (the glue takes over the preload)');
  assert.equal(count('/pkg/territoires_map.js'), 1, 'the glue is downloaded once');
  assert.equal(count('/pkg/territoires_map_small_bg.wasm'), 1, "the page's preload of the small module, which it does not start");
  await page.waitForTimeout(3500);
  // The page's own preload is for the default map's small module: with another file it goes
  // unused (said in index.html); the data's and the full module's are used.
  const preloadWarnings = watch.console.filter((c) => /preload/i.test(c.text) && !/territoires_map_small/.test(c.text)).map((c) => c.text);
  assert.deepEqual(preloadWarnings, [], 'no warning about a preload that was not used');
  await assertHealthy(watch);
});

test('the background map downloads alongside slow territories; its progress waits for them', async () => {
  const { page, watch } = await app.open('');
  const run = `parallel-${Date.now()}`;
  // good-other-region.geojson is 2,884 bytes: about 3 s at 1,000 bytes per second.
  const src = `/__fixtures/good-other-region.geojson?slow=1000&run=${run}`;
  const context = `/data/contexte-grand-est.geojson?run=${run}`;
  const asked = {};
  page.on('request', (r) => { if (r.url().includes(run)) asked[new URL(r.url()).pathname] ??= Date.now(); });
  await mountMap(page, 'both', { src, context });
  const seen = await loadingMessages(page, '#both');
  await waitForMapState(page, 'both', 'ready');
  const territoriesIn = Date.now();
  const territoriesAsked = asked['/__fixtures/good-other-region.geojson'];
  const contextAsked = asked['/data/contexte-grand-est.geojson'];
  assert.ok(territoriesAsked && contextAsked, `both files were requested: ${JSON.stringify(asked)}`);
  assert.ok(territoriesIn - territoriesAsked > 2000, 'the territories took seconds to come in (the check below means something)');
  assert.ok(contextAsked - territoriesAsked < 1000,
    `the background was asked for ${contextAsked - territoriesAsked} ms after the territories; it must not wait for them (${territoriesIn - territoriesAsked} ms)`);
  console.log(`messages seen: ${JSON.stringify(seen)}`);
  assert.ok(seen.some((t) => /^Chargement des territoires… [1-9] Ko sur 3 Ko$/.test(t)), `the territories' progress shows: ${JSON.stringify(seen)}`);
  assert.ok(!seen.some((t) => /fond de carte/.test(t)),
    `the background, already in, never replaces the territories' progress: ${JSON.stringify(seen)}`);
  const background = await page.evaluate(() => document.querySelectorAll('#both .tim-context-layer path').length);
  assert.ok(background > 0, 'the background map is drawn');
  await assertHealthy(watch);
});
