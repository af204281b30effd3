// A reader follows a row of the list to the territory's own page (territoires/<id>.html): the map
// with that territory highlighted, its card and sources, a canonical address and a link preview
// (Open Graph); printed, it is the map and the card on A4, with no controls. The deep link
// #territoire=<id> of the main page still opens that card once the module runs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, squish } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(() => app?.close());

/** Whether an element is drawn (has a box and is not hidden by CSS). */
const shown = (page, sel) => page.evaluate((sel) => [...document.querySelectorAll(sel)].some((e) => {
  const r = e.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
}), sel);

test('a row of the list leads to the territory page: highlighted map, card, sources, preview tags', async () => {
  // The pre-rendered list (before the module, or without it); the module's rows open the map.
  const { page } = await app.open('', { state: null, javaScript: false });
  await page.click('.tim-table a[href="territoires/moselle-est.html"]');
  await page.waitForURL(/\/territoires\/moselle-est\.html$/);
  assert.equal(squish(await page.locator('h1').textContent()), 'Moselle Est');
  assert.equal(await page.locator('path.tim-territory.tim-selected').getAttribute('data-id'), 'moselle-est');
  const card = page.locator('.tim-card-open');
  assert.ok(await shown(page, '.tim-card-open'));
  assert.match(squish(await card.textContent()), /Pas encore de plan d'actions au 19 novembre 2019/);
  assert.ok(await card.locator('.tim-panel-sources a[href^="https://"]').count() >= 1);
  const meta = (p) => page.locator(`meta[property="${p}"]`).getAttribute('content');
  assert.match(await page.locator('link[rel="canonical"]').getAttribute('href'), /^https?:\/\/.+\/territoires\/moselle-est\.html$/);
  assert.equal(await meta('og:title'), 'Moselle Est');
  assert.match(await meta('og:image'), /^https?:\/\/.+\/territoires\/moselle-est\.png$/);
  assert.match(await meta('og:description'), /Pas encore de plan/);
  // Another territory on this map leads to its own page.
  await page.locator('a[href="vosges.html"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/territoires\/vosges\.html$/);
  assert.equal(squish(await page.locator('h1').textContent()), 'Vosges');
  await page.locator('.tim-back a').click();
  await page.waitForURL(/\/index\.html$/);
});

test('printed, a territory page shows the map and the card on A4, without controls or links back', async () => {
  const { page } = await app.open('territoires/sud-alsace.html', { state: null, javaScript: false });
  await page.emulateMedia({ media: 'print' });
  assert.ok(await shown(page, '.tim-svg'), 'the map is printed');
  assert.ok(await shown(page, '.tim-card-open'), 'the card is printed');
  for (const sel of ['.tim-close', '.tim-back', '.skip', '.tim-controls']) assert.equal(await shown(page, sel), false, sel);
  const map = await page.locator('.tim-svg').boundingBox();
  const card = await page.locator('.tim-card-open').boundingBox();
  assert.ok(card.y >= map.y + map.height - 1, 'the card under the map, not beside it');
  // The patterns that tell the statuses apart in black and white are in the printed page.
  assert.ok(await page.locator('.tim-svg pattern path.tim-motif, .tim-svg pattern path.tim-motif-dot').count() >= 2);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000 && pdf.subarray(0, 5).toString() === '%PDF-');
});

test('printed, the interactive map keeps the map and the open card, not the zoom buttons', async () => {
  const { page } = await app.open('#territoire=terres-de-lorraine');
  await page.locator('.tim-panel:not([hidden])').waitFor();
  assert.equal(squish(await page.locator('.tim-panel:not([hidden]) .tim-panel-title').textContent()), 'Terres de Lorraine');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await shown(page, '.tim-svg'));
  assert.ok(await shown(page, '.tim-panel:not([hidden])'));
  for (const sel of ['.tim-controls', '.tim-close', '.tim-list-tools']) assert.equal(await shown(page, sel), false, sel);
});
