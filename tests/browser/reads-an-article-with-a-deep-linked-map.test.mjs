// A reader opens an article that embeds the map with a territory already chosen (an iframe with
// #territoire=…, a <territoires-map selected=…>): the maps open that territory, but the reader's
// focus and scroll position stay where the browser put them (WCAG 3.2.1). Focus moves only when
// the reader acts.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(() => app?.close());

/** What has focus in the host page, and how far it is scrolled. */
const hostState = (page) => page.evaluate(() => ({
  active: `${document.activeElement?.localName}${document.activeElement?.id ? '#' + document.activeElement.id : ''}`,
  scrollY: Math.round(scrollY),
}));

test('an iframe opened on a territory neither takes the focus nor scrolls the article', async () => {
  const { page, watch } = await app.open('demo.html', { state: null, viewport: { width: 1100, height: 700 } });
  const frame = page.frameLocator('#carte-cadre');
  await frame.locator('#carte[data-state="ready"]').waitFor({ state: 'attached', timeout: 20_000 });
  await page.waitForSelector('territoires-map[data-state="ready"]', { timeout: 20_000 });
  // The deep link is applied: the card of the Vosges shows in the iframe.
  await frame.locator('.tim-panel:not([hidden]) .tim-panel-title').waitFor({ timeout: 5_000 });
  assert.match(await frame.locator('.tim-panel:not([hidden]) .tim-panel-title').textContent(), /Vosges/);
  await page.waitForTimeout(300);
  assert.deepEqual(await hostState(page), { active: 'body', scrollY: 0 });
  const inFrame = await page.frame({ url: /embed\.html/ }).evaluate(() => document.activeElement?.localName);
  assert.equal(inFrame, 'body', 'nothing inside the iframe has focus either');
  await assertHealthy(watch);
});

test('a <territoires-map selected> below the fold opens its territory without scrolling to it', async () => {
  const { page, watch } = await app.open('demo.html', { state: null, viewport: { width: 1100, height: 700 } });
  await page.waitForSelector('territoires-map[data-state="ready"]', { timeout: 20_000 });
  await page.evaluate(() => {
    const spacer = Object.assign(document.createElement('div'), { style: 'height: 3000px' });
    const map = document.createElement('territoires-map');
    map.id = 'below';
    map.setAttribute('selected', 'vosges');
    document.body.append(spacer, map);
  });
  await page.waitForSelector('#below[data-state="ready"]', { timeout: 20_000 });
  await page.waitForFunction(() => document.querySelector('#below').shadowRoot.querySelector('.tim-panel:not([hidden])'));
  await page.waitForTimeout(300);
  assert.deepEqual(await hostState(page), { active: 'body', scrollY: 0 });
  await assertHealthy(watch);
});

test('a row of the list still moves focus to its territory, because the reader chose it', async () => {
  const { page, watch } = await app.open('');
  await page.locator('button.tim-list-select').first().click();
  const active = await page.evaluate(() => document.activeElement?.classList.contains('tim-territory'));
  assert.equal(active, true);
  await assertHealthy(watch);
});
