// A keyboard user opens "Télécharger l'image" and changes their mind: Escape closes the menu of
// formats and puts the focus back on its toggle, and does nothing else (the card open on the map
// stays open); a mouse user clicks elsewhere and the menu closes too.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy, squish } from './harness.mjs';

let app;
before(async () => {
  app = await start();
});
after(() => app?.close());

const active = (page) => page.evaluate(() => document.activeElement?.className);
const expanded = (page) => page.getAttribute('#carte .tim-export-toggle', 'aria-expanded');
const menuHidden = (page) => page.locator('#carte .tim-export-menu').isHidden();
const openCard = (page) => page.locator('#carte .tim-panel:not([hidden]) .tim-panel-title').textContent().then(squish);

test('Escape in the menu or on its toggle closes the menu only, and the focus returns to the toggle', async () => {
  const { page, watch } = await app.open('');
  await page.click('#carte .tim-table tr[data-id="vosges"] button.tim-list-select');
  assert.equal(await openCard(page), 'Vosges');

  // From a format: the menu closes, the focus goes back to the toggle, the card stays.
  await page.focus('#carte button.tim-export-toggle');
  await page.keyboard.press('Enter');
  assert.equal(await expanded(page), 'true');
  await page.keyboard.press('Tab');
  assert.equal(await active(page), 'tim-export-svg');
  await page.keyboard.press('Escape');
  assert.equal(await expanded(page), 'false', 'Escape closes the menu');
  assert.equal(await menuHidden(page), true);
  assert.equal(await active(page), 'tim-export-toggle', 'the focus is back on the toggle');
  assert.equal(await openCard(page), 'Vosges', 'the card is still open');

  // From the toggle itself.
  await page.keyboard.press('Enter');
  assert.equal(await expanded(page), 'true');
  await page.keyboard.press('Escape');
  assert.equal(await expanded(page), 'false');
  assert.equal(await active(page), 'tim-export-toggle');
  assert.equal(await openCard(page), 'Vosges', 'the card is still open');

  // With the menu closed, Escape is the map's again: it closes the card.
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#carte .tim-panel:not([hidden])').count(), 0, 'then Escape closes the card');
  await assertHealthy(watch);
});

test('a click outside the menu closes it', async () => {
  const { page, watch } = await app.open('');
  for (const outside of ['#carte .tim-list-title', 'h1', '#carte button.tim-zoom-in']) {
    await page.click('#carte button.tim-export-toggle');
    assert.equal(await expanded(page), 'true');
    await page.click(outside);
    assert.equal(await expanded(page), 'false', `a click on ${outside} closes the menu`);
    assert.equal(await menuHidden(page), true);
  }
  // A click inside it does not.
  await page.click('#carte button.tim-export-toggle');
  const waiting = page.waitForEvent('download', { timeout: 15_000 });
  await page.click('#carte button.tim-export-svg');
  await waiting;
  assert.equal(await expanded(page), 'true', 'choosing a format leaves the menu open');
  await assertHealthy(watch);
});

test('inside <territoires-map>, a click outside the menu closes it, a click in it does not', async () => {
  // The element's map lives in a shadow root: the page sees clicks on it as clicks on the host.
  const { page, watch } = await app.open('demo.html', { state: null });
  await page.waitForSelector('#carte-element[data-state="ready"]');
  const el = '#carte-element';
  const isOpen = () => page.getAttribute(`${el} .tim-export-toggle`, 'aria-expanded');
  for (const outside of ['h1', `${el} button.tim-zoom-in`]) {
    await page.click(`${el} button.tim-export-toggle`);
    assert.equal(await isOpen(), 'true');
    await page.click(outside);
    assert.equal(await isOpen(), 'false', `a click on ${outside} closes the element's menu`);
  }
  await page.click(`${el} button.tim-export-toggle`);
  const waiting = page.waitForEvent('download', { timeout: 15_000 });
  await page.click(`${el} button.tim-export-svg`);
  await waiting;
  assert.equal(await isOpen(), 'true', "a click in the element's menu leaves it open");
  await assertHealthy(watch);
});
