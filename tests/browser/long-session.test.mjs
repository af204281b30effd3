// A page that keeps the map for a long session: a host creates and destroys the map 100 times on
// the real Grand Est data, and a visitor opens 1,000 territory cards. Memory must not creep:
// the JS heap after garbage collection and the wasm linear memory are measured before and after
// (figures printed, to be quoted). The wasm memory can only grow, never shrink, so it is allowed
// to settle during the first cycles and must then stay flat.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy, territories } from './harness.mjs';

const CYCLES = 100;
const WARMUP = 10;
const SELECTIONS = 1000;
const MB = 1024 * 1024;

let app;

before(async () => {
  app = await start();
});
after(() => app?.close());

/** JS heap in use after a full garbage collection (CDP), and the wasm memory size. */
async function measure(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(async () => {
    const mod = await import('./pkg/territoires_map.js');
    // The build gives the exports short names (.ci/minify-glue): the memory is found by its type.
    const exports = Object.values(await mod.default());
    return exports.find((e) => e instanceof WebAssembly.Memory).buffer.byteLength;
  });
  return { heap: usedSize, wasm, nodes: await page.evaluate(() => document.getElementsByTagName('*').length) };
}

const fmt = (m) => `heap ${(m.heap / MB).toFixed(2)} MB, wasm ${(m.wasm / MB).toFixed(2)} MB, ${m.nodes} elements`;

test(`${CYCLES} load/destroy cycles and ${SELECTIONS} selections leave memory flat`, async () => {
  const { page, watch } = await app.open('');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');

  /** Creates a map on the Grand Est data, waits for `ready`, destroys and frees it; n times. */
  const cycles = (n) => page.evaluate(async (n) => {
    const mod = await import('./pkg/territoires_map.js');
    await mod.default();
    const listeners = [];
    for (let i = 0; i < n; i++) {
      const div = document.createElement('div');
      document.body.append(div);
      const map = new mod.TerritoiresMap(div, {
        src: 'data/territoires-grand-est.geojson',
        context: 'data/contexte-grand-est.geojson',
      });
      const count = await new Promise((resolve, reject) => {
        div.addEventListener('ready', (e) => resolve(e.detail.count), { once: true });
        div.addEventListener('error', (e) => reject(new Error(e.detail.message)), { once: true });
      });
      if (count !== 15) throw new Error(`cycle ${i}: ${count} territories`);
      map.destroy();
      listeners.push(map.listenerCount);
      map.free();
      div.remove();
    }
    // The browser keeps one timing entry per request; that is not the map's memory.
    performance.clearResourceTimings();
    return listeners;
  }, n);

  const before = await measure(page, cdp);
  const warm = await cycles(WARMUP);
  const afterWarmup = await measure(page, cdp);
  const rest = await cycles(CYCLES - WARMUP);
  const afterCycles = await measure(page, cdp);
  assert.ok([...warm, ...rest].every((n) => n === 0), 'listenerCount is 0 after every destroy()');
  console.log(`before:               ${fmt(before)}`);
  console.log(`after ${WARMUP} cycles:      ${fmt(afterWarmup)}`);
  console.log(`after ${CYCLES} cycles:     ${fmt(afterCycles)}`);

  const ids = (await territories(page)).map((t) => t.id);
  assert.equal(ids.length, 15);
  const selections = (n) => page.evaluate(({ ids, n }) => {
    let opened = 0;
    for (let i = 0; i < n; i++) {
      if (window.carte.select(ids[i % ids.length])) opened++;
      window.carte.clear();
    }
    return opened;
  }, { ids, n });
  // Warm-up: every card once, ending on the card the measured run ends on (the closed panel
  // keeps the last card's elements).
  await selections(ids.length + (SELECTIONS % ids.length));
  const beforeSelect = await measure(page, cdp);
  assert.equal(await selections(SELECTIONS), SELECTIONS, 'every select() opened a card');
  const afterSelect = await measure(page, cdp);
  console.log(`before ${SELECTIONS} selections: ${fmt(beforeSelect)}`);
  console.log(`after ${SELECTIONS} selections:  ${fmt(afterSelect)}`);

  assert.ok(afterCycles.heap - before.heap < 5 * MB, `JS heap grew by ${((afterCycles.heap - before.heap) / MB).toFixed(2)} MB over ${CYCLES} cycles (bound 5 MB)`);
  assert.equal(afterCycles.wasm, afterWarmup.wasm, `wasm memory grew after the first ${WARMUP} cycles`);
  assert.equal(afterCycles.nodes, before.nodes, 'no element left behind by the destroyed maps');
  assert.ok(afterSelect.heap - beforeSelect.heap < 1 * MB, `JS heap grew by ${((afterSelect.heap - beforeSelect.heap) / MB).toFixed(2)} MB over ${SELECTIONS} selections (bound 1 MB)`);
  assert.equal(afterSelect.wasm, beforeSelect.wasm, `wasm memory grew over ${SELECTIONS} selections`);
  assert.equal(afterSelect.nodes, beforeSelect.nodes, 'the page has as many elements after the selections');
  await assertHealthy(watch);
});
