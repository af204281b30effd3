// A host page pastes the snippet `make dist` writes (territoires-map.snippet.html) inside
// <territoires-map>…</territoires-map>: its readers see the map, legend, list and cards at once,
// before the module and without it; once the module has drawn its own map, the element shows
// that one instead.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy, squish } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(() => app?.close());

/** A host page with the snippet, its addresses pointed at the test server. */
async function hostPage() {
  const snippet = await (await fetch(`${app.base}/territoires-map.snippet.html`)).text();
  const base = snippet.match(/<link rel="stylesheet" href="(https?:\/\/[^"]*\/)map\.css">/)?.[1];
  assert.ok(base, 'the snippet links the map stylesheet at the site address');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Un article</title>
<script type="module" src="/territoires-map.js"></script></head>
<body><h1>Un article</h1><territoires-map>${snippet.replaceAll(base, `${app.base}/`)}</territoires-map></body></html>`;
}

test('the snippet shows inside the element until the module takes over', async () => {
  const html = await hostPage();
  let release;
  const held = new Promise((r) => { release = r; });
  const { page, watch } = await app.open('__host.html', {
    state: null,
    prepare: async (page) => {
      await page.route(/\/__host\.html$/, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
      await page.route(/\.wasm$/, async (r) => { await held; await r.continue(); });
    },
  });
  // The light DOM's copy (the shadow root's map, once built, carries data-state).
  const pre = page.locator('territoires-map > .tim-map:not([data-state])');
  await pre.locator('.tim-territories a').first().waitFor();
  assert.equal(await pre.locator('.tim-territories a').count(), 15);
  const box = await pre.locator('svg.tim-svg').boundingBox();
  assert.ok(box && box.width > 300 && box.height > 200, 'the pre-rendered map is shown through the element');
  assert.equal(await pre.locator('.tim-table tbody tr').count(), 15);
  await pre.locator('a[href="#territoire=vosges"]').focus();
  await page.keyboard.press('Enter');
  assert.equal(squish(await pre.locator('.tim-card:target .tim-panel-title').textContent()), 'Vosges');
  release();
  await page.waitForSelector('territoires-map[data-state="ready"]');
  assert.equal(await page.locator('territoires-map path.tim-territory[role="button"]').count(), 15, "the module's map");
  assert.equal(await pre.boundingBox(), null, 'the snippet is no longer shown');
  // The module's list and card link to the territory pages where the snippet's did (the hidden
  // light-DOM copy left aside).
  const live = 'territoires-map .tim-map[data-state]';
  const rows = await page.$$eval(`${live} .tim-table tbody tr`, (trs) =>
    trs.map((tr) => [tr.dataset.id, tr.querySelector('a.tim-list-page')?.getAttribute('href') ?? null]));
  assert.equal(rows.length, 15);
  for (const [id, href] of rows) assert.equal(href, `${app.base}/territoires/${id}.html`, `${id}'s row`);
  await page.click(`${live} .tim-table tr[data-id="moselle-est"] button.tim-list-select`);
  assert.equal(await page.locator(`${live} .tim-panel:not([hidden]) .tim-card-page a`).getAttribute('href'),
    `${app.base}/territoires/moselle-est.html`);
  await assertHealthy(watch);
});
