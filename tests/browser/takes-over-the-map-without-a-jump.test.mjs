// A reader sees the pre-rendered map at once; when the WebAssembly module has loaded, it takes
// the map over in place: nothing on the page moves (no layout shift, measured by the browser's
// own `layout-shift` entries), the territories stay where they were drawn, and a card the reader
// opened before (a pre-rendered link, `:target`) is still open, now the module's.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, waitForState, assertHealthy, squish } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(() => app?.close());

/** Opens the page with the module's download held until `release()`, layout shifts recorded. */
async function openHeld(query = '', viewport = undefined) {
  let release;
  const held = new Promise((r) => { release = r; });
  const { page, watch } = await app.open(query, {
    state: null,
    viewport,
    prepare: async (page) => {
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            const nodes = (e.sources ?? []).map((s) => s.node && (s.node.className?.baseVal ?? s.node.className ?? s.node.nodeName));
            window.__shifts.push({ value: e.value, nodes });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
    },
  });
  await page.waitForSelector('#carte .tim-pre .tim-territories a');
  return { page, watch, release };
}

/** Where each territory is drawn, by id, in page pixels. */
const boxes = (page) => page.$$eval('#carte path.tim-territory', (ps) =>
  Object.fromEntries(ps.map((p) => { const r = p.getBoundingClientRect(); return [p.dataset.id, [r.x, r.y, r.width, r.height]]; })));

/** Where the blocks around the map are. */
const layout = (page) => page.$$eval('#carte .tim-stage, #carte .tim-legend, #carte .tim-list-title, #carte .tim-table, footer',
  (els) => els.filter((e) => e.offsetParent !== null).map((e) => { const r = e.getBoundingClientRect(); return [e.className || e.nodeName, r.x, r.y, r.width, r.height]; }));

/**
 * The layout-shift entries cannot see the blocks the module puts in place of the pre-rendered
 * ones (new nodes do not shift): their boxes are compared too, to a tenth of a pixel (the
 * module writes the region's ratio with three decimals).
 */
function assertSameLayout(now, then) {
  assert.deepEqual(now.map((b) => b[0]), then.map((b) => b[0]));
  for (const [k, b] of now.entries()) {
    assert.ok(b.slice(1).every((v, j) => Math.abs(v - then[k][j + 1]) <= 0.1), `${b.join(' ')} was ${then[k].join(' ')}`);
  }
}

test('the module takes the pre-rendered map over with no layout shift and the same view', async () => {
  const { page, watch, release } = await openHeld();
  await page.waitForTimeout(300);
  const before = await boxes(page);
  const around = await layout(page);
  assert.equal(await page.evaluate(() => document.querySelector('#carte').dataset.state), 'loading');
  release();
  await waitForState(page, 'ready');
  await page.waitForTimeout(500);
  assert.equal(await page.locator('#carte .tim-pre').count(), 0, 'the pre-rendered block is gone');
  assert.equal(await page.locator('#carte path.tim-territory[role="button"]').count(), 15, "the module's own territories");
  assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'layout shifts');
  assertSameLayout(await layout(page), around);
  const after = await boxes(page);
  for (const [id, b] of Object.entries(before)) {
    const a = after[id];
    assert.ok(b.every((v, k) => Math.abs(v - a[k]) <= 2), `${id} drawn at ${b.map(Math.round)}, then at ${a.map(Math.round)}`);
  }
  // The observer does see a shift when there is one: a block pushed in above the map.
  await page.evaluate(() => document.querySelector('#carte').before(Object.assign(document.createElement('p'), { textContent: 'x' })));
  await page.waitForTimeout(300);
  assert.ok((await page.evaluate(() => window.__shifts)).length > 0, 'a real shift is recorded');
  await assertHealthy(watch);
});

test('a card opened before the module took over stays open, and no layout shift either', async () => {
  const { page, watch, release } = await openHeld();
  await page.click('#carte .tim-pre a[href="#territoire=moselle-est"] >> nth=0', { force: true });
  assert.equal(await page.evaluate(() => document.querySelector('.tim-card:target')?.id), 'territoire=moselle-est');
  const stage = await page.locator('#carte .tim-stage').boundingBox();
  release();
  await waitForState(page, 'ready');
  await page.waitForTimeout(500);
  const panel = page.locator('#carte .tim-panel:not([hidden])');
  assert.equal(await panel.count(), 1);
  assert.equal(squish(await panel.locator('.tim-panel-title').textContent()), 'Moselle Est');
  assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'layout shifts');
  assert.deepEqual(await page.locator('#carte .tim-stage').boundingBox(), stage);
  await assertHealthy(watch);
});

test('the card, the legend and the list the module writes are the pre-rendered ones, element for element', async () => {
  const { page, watch, release } = await openHeld();
  await page.click('#carte .tim-pre a[href="#territoire=vosges"] >> nth=0', { force: true });
  // The markup as written, map numbers (tim0-…, tim1-…) and the card title's id set aside.
  const read = () => page.evaluate(() => {
    const norm = (el) => el ? el.innerHTML.replace(/tim\d+-/g, 'timN-').replace(/ id="timN-title[^"]*"/, '') : null;
    const root = document.querySelector('#carte');
    const card = root.querySelector('.tim-card:target .tim-panel-body') ?? root.querySelector('.tim-panel:not([hidden]) .tim-panel-body');
    const rows = [...root.querySelectorAll('.tim-table tbody tr')].map((tr) =>
      [tr.dataset.id, tr.querySelector('th').textContent, ...[...tr.querySelectorAll('td')].map(norm)]);
    return { card: norm(card), legend: norm(root.querySelector('.tim-legend ul')), rows };
  });
  const before = await read();
  assert.match(before.card ?? '', /Vosges/);
  release();
  await waitForState(page, 'ready');
  const after = await read();
  assert.equal(await page.locator('#carte .tim-pre').count(), 0, 'the module has taken over');
  assert.equal(after.card, before.card);
  assert.equal(after.legend, before.legend);
  assert.equal(after.rows.length, 15);
  assert.deepEqual(after.rows, before.rows);
  await assertHealthy(watch);
});

test('a territory focused by keyboard before the take-over keeps the focus, now the module\'s', async () => {
  const { page, watch, release } = await openHeld();
  await page.locator('#carte .tim-pre a[href="#territoire=val-de-lorraine"]').focus();
  release();
  await waitForState(page, 'ready');
  const now = await page.evaluate(() => ({ id: document.activeElement?.dataset?.id, role: document.activeElement?.getAttribute('role'), tab: document.activeElement?.getAttribute('tabindex') }));
  assert.deepEqual(now, { id: 'val-de-lorraine', role: 'button', tab: '0' });
  await page.keyboard.press('Enter');
  assert.equal(squish(await page.locator('#carte .tim-panel:not([hidden]) .tim-panel-title').textContent()), 'Val de Lorraine');
  await assertHealthy(watch);
});

test('on a phone too, the pre-rendered map has the stage the module gives it: no layout shift', async () => {
  const { page, watch, release } = await openHeld('', { width: 390, height: 844 });
  await page.waitForTimeout(300);
  const around = await layout(page);
  release();
  await waitForState(page, 'ready');
  await page.waitForTimeout(500);
  assert.equal(await page.locator('#carte .tim-pre').count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'layout shifts');
  assertSameLayout(await layout(page), around);
  await assertHealthy(watch);
});

test('another file (?src=) is drawn by the module alone, without the pre-rendered default', async () => {
  const { page } = await app.open('?src=data/territoires-grand-est.geojson&lang=en');
  assert.equal(await page.locator('#carte .tim-pre').count(), 0);
  assert.equal(await page.locator('#carte path.tim-territory').count(), 15);
  assert.match(squish(await page.locator('#carte .tim-list-title').textContent()), /^[A-Z][a-z]/);
});
