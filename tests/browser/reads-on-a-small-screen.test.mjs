// A visitor on a 320 px wide phone, or with text at 200 %, or in Windows high-contrast mode with
// reduced motion: the page reflows without sideways scrolling, the open territory stays in view
// above its card, and the focus stays visible.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(() => app?.close());

const pageWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth);

test('at 320 px the page reflows and the open territory stays visible above its card', async () => {
  const { page, watch } = await app.open('', { viewport: { width: 320, height: 640 } });
  assert.ok((await pageWidth(page)) <= 320, `no sideways scrolling: ${await pageWidth(page)}`);
  await page.locator('path.tim-territory[data-id="sud-alsace"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
  const svg = await page.locator('svg.tim-svg').boundingBox();
  const label = await page.evaluate(() => {
    // Its name, its marker, or (when the name does not fit inside it at this size) its shape.
    const t = [...document.querySelectorAll('text.tim-label')].find((e) => e.textContent.startsWith('Sud'));
    const r = (t ?? document.querySelector('circle.tim-marker[data-id="sud-alsace"]')
      ?? document.querySelector('path.tim-territory[data-id="sud-alsace"]'))?.getBoundingClientRect();
    return r && { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  const panel = await page.locator('.tim-panel:not([hidden])').boundingBox();
  assert.ok(label, 'the territory is named or marked on the map');
  assert.ok(label.y >= svg.y && label.y <= svg.y + svg.height && label.y < panel.y, `in view above the card: ${JSON.stringify({ label, svg, panel })}`);
  assert.ok((await pageWidth(page)) <= 320);
  await assertHealthy(watch);
});

test('with text at 200 % nothing spills sideways and the card is readable', async () => {
  const { page, watch } = await app.open('', { viewport: { width: 1024, height: 768 } });
  await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
  await page.locator('path.tim-territory[data-id="vosges"]').focus();
  await page.keyboard.press('Enter');
  assert.ok((await pageWidth(page)) <= 1024, `page width ${await pageWidth(page)}`);
  assert.equal(await page.locator('.tim-panel:not([hidden]) .tim-panel-title').isVisible(), true);
  await assertHealthy(watch);
});

test('in forced colours with reduced motion, the focused territory keeps a visible outline', async () => {
  const { page } = await app.open('', { viewport: { width: 1024, height: 768 } });
  await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
  // The last of the map's buttons (zoom, initial view, image), just before the map in tab order.
  await page.locator('button.tim-export-toggle').focus();
  await page.keyboard.press('Tab');
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { tag: document.activeElement.localName, stroke: s.stroke, width: parseFloat(s.strokeWidth) };
  });
  assert.equal(style.tag, 'path');
  assert.notEqual(style.stroke, 'none');
  assert.ok(style.width >= 3, JSON.stringify(style));
});
