// The host page removes the map (destroy()) or the visitor leaves while the file is still
// coming in: the download is cancelled (the browser aborts the request, the server sees the
// client go), no error is shown, no listener is left and nothing is thrown.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy, mountMap, waitForMapState } from './harness.mjs';

let app;

before(async () => {
  app = await start();
});
after(() => app?.close());

/** Waits until the server log has a line matching `re`. */
async function serverSays(re, timeout = 5000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (app.serverLog.some((l) => re.test(l))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`the server never logged ${re}; last lines:\n${app.serverLog.slice(-10).join('\n')}`);
}

test('destroy() during a slow download cancels it and writes nothing afterwards', async () => {
  const { page, watch } = await app.open('');
  const failed = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  const run = `leave-${Date.now()}`;
  // 2,884 bytes at 400 bytes per second: about 7 s.
  await mountMap(page, 'leaving', { src: `/__fixtures/good-other-region.geojson?slow=400&run=${run}` });
  await page.waitForFunction(() => /[1-9] Ko sur 3 Ko/.test(document.querySelector('#leaving .tim-message')?.textContent ?? ''), null, { timeout: 8000 });
  const count = await page.evaluate(() => {
    const m = window.__maps.leaving;
    m.destroy();
    return m.listenerCount;
  });
  assert.equal(count, 0, 'listenerCount is 0 after destroy()');
  await serverSays(new RegExp(`client went away: /__fixtures/good-other-region\\.geojson after \\d+ of 2884 bytes`));
  // Past the time the whole file would have taken: still nothing written.
  await page.waitForTimeout(7500);
  const after = await page.evaluate(() => {
    const el = document.getElementById('leaving');
    return { state: el.dataset.state ?? null, html: el.innerHTML, events: el.__events };
  });
  assert.deepEqual(after, { state: null, html: '', events: [] }, 'the element stays empty, no ready or error');
  assert.ok(failed.some((f) => f.includes(run) && f.includes('net::ERR_ABORTED')), `the request was aborted: ${JSON.stringify(failed)}`);
  await assertHealthy(watch);
});

test('leaving the page during a slow download cancels it', async () => {
  const src = `/__fixtures/good-other-region.geojson?slow=400&run=away-${Date.now()}`;
  const { page, watch } = await app.open(`?src=${encodeURIComponent(src)}`, { state: null });
  await page.waitForFunction(() => /[1-9] Ko sur 3 Ko/.test(document.querySelector('#carte .tim-message')?.textContent ?? ''), null, { timeout: 8000 });
  await page.goto('about:blank');
  await serverSays(/client went away: \/__fixtures\/good-other-region\.geojson after \d+ of 2884 bytes/);
  await assertHealthy(watch);
});

test('destroy() while the download is stalled is quiet too', async () => {
  const { page, watch } = await app.open('');
  await mountMap(page, 'gone', { src: '/__fixtures/good-other-region.geojson?stall=3', stallTimeout: 500 });
  await page.evaluate(() => window.__maps.gone.destroy());
  await page.waitForTimeout(1500);
  const events = await page.evaluate(() => document.getElementById('gone').__events);
  assert.deepEqual(events, [], 'no error after destroy, although the stall timeout has passed');
  assert.equal(await page.evaluate(() => document.getElementById('gone').innerHTML), '');
  await assertHealthy(watch);
});
