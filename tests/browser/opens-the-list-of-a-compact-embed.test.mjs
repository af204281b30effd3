// A reader of an article meets the compact embed (embed.html?minimal in an iframe sized by the
// host): the map and its legend, and the list of territories behind one control. Opening it shows
// the list, and the iframe grows to hold it; closing it gives the article its space back.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(() => app?.close());

test('the compact iframe is the map and the legend; the list opens on demand and the height follows', async () => {
  const { page, watch } = await app.open('demo.html', { state: null, viewport: { width: 1100, height: 800 } });
  const frame = page.frameLocator('#carte-cadre');
  await frame.locator('#carte[data-state="ready"]').waitFor({ state: 'attached', timeout: 20_000 });
  const height = () => page.evaluate(() => document.querySelector('#carte-cadre').getBoundingClientRect().height);
  const stage = await frame.locator('.tim-stage').boundingBox();
  // Let the host apply the height the iframe reports.
  await page.waitForFunction(() => parseFloat(document.querySelector('#carte-cadre').style.height) > 0);
  await page.waitForTimeout(200);
  const closed = await height();
  assert.equal(await frame.locator('.tim-legend').isVisible(), true, 'the legend shows');
  assert.equal(await frame.locator('button.tim-list-select').first().isVisible(), false, 'the list is folded');
  assert.ok(closed < stage.height + 250, `compact: iframe ${closed} px for a map of ${stage.height} px`);

  const toggle = frame.getByText('Liste des territoires', { exact: true }).first();
  await toggle.click();
  await frame.locator('button.tim-list-select').first().waitFor({ state: 'visible' });
  assert.equal(await frame.locator('button.tim-list-select').count(), 15);
  await page.waitForFunction((h) => document.querySelector('#carte-cadre').getBoundingClientRect().height > h + 500, closed);
  // The reader can use a row of the list, inside the iframe grown to show it.
  const row = frame.locator('button.tim-list-select').last();
  await row.scrollIntoViewIfNeeded();
  await row.click();
  await frame.locator('.tim-panel:not([hidden]) .tim-panel-title').waitFor();

  await toggle.scrollIntoViewIfNeeded();
  await toggle.click();
  await page.waitForFunction((h) => Math.abs(document.querySelector('#carte-cadre').getBoundingClientRect().height - h) < 30, closed);
  await assertHealthy(watch);
});

test('the standalone page keeps its list open', async () => {
  const { page, watch } = await app.open('', { viewport: { width: 1100, height: 800 } });
  assert.equal(await page.locator('details.tim-list-fold').count(), 0);
  assert.equal(await page.locator('button.tim-list-select').first().isVisible(), true);
  await assertHealthy(watch);
});
