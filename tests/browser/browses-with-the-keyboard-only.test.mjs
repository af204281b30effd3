// A keyboard-only visitor: one Tab enters the map, the arrows visit all 15 territories, Enter
// opens each one's card, Escape closes it and gives focus back, and the next Tab leaves the map.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy } from './harness.mjs';

let app;
let page;
let watch;
before(async () => {
  app = await start();
  ({ page, watch } = await app.open(''));
});
after(() => app?.close());

const active = () => page.evaluate(() => {
  const a = document.activeElement;
  return { tag: a.tagName.toLowerCase(), id: a.getAttribute('data-id'), cls: a.getAttribute('class') ?? '' };
});

test('the map is one tab stop between the buttons and the list', async () => {
  // The last of the map's buttons (zoom, initial view, image), just before the map in tab order.
  await page.locator('button.tim-export-toggle').focus();
  await page.keyboard.press('Tab');
  const first = await active();
  assert.equal(first.tag, 'path', `one Tab enters the map: ${JSON.stringify(first)}`);
  assert.match(first.cls, /tim-territory/);
  const zeros = await page.$$eval('path.tim-territory[tabindex="0"]', (p) => p.length);
  assert.equal(zeros, 1, 'a single roving tab stop');
});

test('arrows visit the 15 territories; Enter opens each card and Escape gives focus back', async () => {
  const seen = [];
  for (let k = 0; k < 15; k++) {
    const here = await active();
    assert.equal(here.tag, 'path', `step ${k}: ${JSON.stringify(here)}`);
    seen.push(here.id);
    const name = await page.locator(`path.tim-territory[data-id="${here.id}"]`).getAttribute('aria-label');
    if (k > 0) {
      // Reached by an arrow key: the tooltip shows its name, as hovering would (RGAA 10.14).
      assert.equal(await page.locator('.tim-tooltip').isHidden(), false, `tooltip for ${here.id}`);
      assert.equal(await page.locator('.tim-tooltip').textContent(), name.split(' : ')[0]);
    }
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.tim-panel:not([hidden])').count(), 1, `card of ${here.id} open`);
    assert.equal(await page.locator('.tim-panel:not([hidden]) .tim-panel-title').textContent(), name.split(' : ')[0]);
    const live = await page.locator('.tim-live').textContent();
    assert.ok(live.startsWith(name.split(' : ')[0]), `announced: ${live}`);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.tim-panel:not([hidden])').count(), 0);
    assert.equal((await active()).id, here.id, 'focus back on the territory');
    await page.keyboard.press('ArrowRight');
  }
  assert.equal(new Set(seen).size, 15, `15 distinct territories: ${seen}`);
  assert.equal((await active()).id, seen[0], 'the 16th step wraps to the first');
});

test('Space opens too, and a second Tab leaves the map', async () => {
  await page.keyboard.press(' ');
  assert.equal(await page.locator('.tim-panel:not([hidden])').count(), 1);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  const after = await active();
  assert.notEqual(after.tag, 'path', `Tab left the map: ${JSON.stringify(after)}`);
  await assertHealthy(watch);
});

test('Escape hides the tooltip without moving the pointer, even with focus outside the map', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('svg.tim-svg').scrollIntoViewIfNeeded();
  const b = await page.locator('path.tim-territory[data-id="vosges"]').boundingBox();
  await page.evaluate(() => document.activeElement?.blur());
  // Find a point over Vosges.
  const p = await page.evaluate((r) => {
    const el = document.querySelector('path.tim-territory[data-id="vosges"]');
    for (let fx = 0.3; fx < 0.8; fx += 0.05) {
      const x = r.x + r.width * fx;
      const y = r.y + r.height / 2;
      if (document.elementFromPoint(x, y) === el) return { x, y };
    }
    return null;
  }, b);
  assert.ok(p, 'a point over Vosges');
  await page.mouse.move(p.x, p.y);
  assert.equal(await page.locator('.tim-tooltip').isHidden(), false);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.tim-tooltip').isHidden(), true);
});
