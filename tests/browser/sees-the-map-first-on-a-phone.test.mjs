// A visitor on a phone (320 and 390 px wide, touch screen): the first screen shows the whole
// map, ahead of the programme facts, with the region filling its width; a tap on a territory
// opens its card, a tap beside the territories closes it; in an article, one finger scrolls the
// page and two fingers move the map. Touches go through CDP (Input.dispatchTouchEvent), as the
// phone's screen sends them.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy, pointInside, territories } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(() => app?.close());

/** Touches through CDP: tap(x, y), and move(from, to) for one finger or two. */
async function touch(context, page) {
  const cdp = await context.newCDPSession(page);
  const send = (type, points) => cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: points.map(([x, y], id) => ({ x, y, id, radiusX: 4, radiusY: 4, force: 1 })),
  });
  return {
    async tap(x, y) {
      await send('touchStart', [[x, y]]);
      await send('touchEnd', []);
      await page.waitForTimeout(100);
    },
    /** Each finger from `from[i]` to `to[i]` in `steps` moves. */
    async move(from, to, steps = 8) {
      await send('touchStart', from);
      for (let k = 1; k <= steps; k++) {
        await send('touchMove', from.map(([x, y], i) => [x + ((to[i][0] - x) * k) / steps, y + ((to[i][1] - y) * k) / steps]));
        await page.waitForTimeout(16);
      }
      await send('touchEnd', []);
      await page.waitForTimeout(100);
    },
  };
}

/** Where the map, the region's territories and the facts are, in the first screen. */
function layout(page, root = 'document') {
  return page.evaluate((root) => {
    const doc = root === 'document' ? document : document.querySelector(root).shadowRoot;
    const box = (el) => el && (({ left, top, right, bottom, width, height }) => ({ left, top, right, bottom, width, height }))(el.getBoundingClientRect());
    let region = null;
    for (const p of doc.querySelectorAll('path.tim-territory')) {
      const r = p.getBoundingClientRect();
      region = region
        ? { left: Math.min(region.left, r.left), top: Math.min(region.top, r.top), right: Math.max(region.right, r.right), bottom: Math.max(region.bottom, r.bottom) }
        : { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }
    return { svg: box(doc.querySelector('svg.tim-svg')), facts: box(doc.querySelector('.tim-facts')), region, height: innerHeight, width: document.documentElement.scrollWidth };
  }, root);
}

/** A point of the map with no territory or marker under it. */
function pointBeside(page) {
  return page.evaluate(() => {
    const r = document.querySelector('svg.tim-svg').getBoundingClientRect();
    for (let y = Math.max(r.top, 0) + 4; y < Math.min(r.bottom, innerHeight); y += 6) {
      for (let x = r.left + 50; x < r.right - 4; x += 6) {
        const e = document.elementFromPoint(x, y);
        if (e?.localName === 'path' && !e.matches('.tim-territory') || e?.matches('svg.tim-svg')) return { x, y };
      }
    }
    return null;
  });
}

for (const [width, height] of [[320, 640], [390, 844]]) {
  test(`at ${width} px the first screen shows the whole map, the region filling its width, before the facts`, async () => {
    const { page, watch } = await app.open('', { viewport: { width, height }, hasTouch: true });
    const l = await layout(page);
    assert.ok(l.width <= width, `no sideways scrolling: ${l.width}`);
    assert.ok(l.svg.bottom <= l.height, `the whole map is on the first screen: ${JSON.stringify(l.svg)} in ${l.height}`);
    assert.ok(l.facts && l.facts.top >= l.svg.bottom, `the facts come after the map: ${JSON.stringify(l.facts)}`);
    const w = l.region.right - l.region.left;
    const h = l.region.bottom - l.region.top;
    assert.ok(w >= 0.85 * l.svg.width, `the region fills the width: ${w} of ${l.svg.width}`);
    assert.ok(h >= 0.75 * l.svg.height, `and most of the height, not the neighbours: ${h} of ${l.svg.height}`);
    await assertHealthy(watch);
  });

  test(`at ${width} px a tap opens a territory's card and a tap beside the territories closes it`, async () => {
    const { page, watch, context } = await app.open('', { viewport: { width, height }, hasTouch: true });
    const finger = await touch(context, page);
    await page.locator('svg.tim-svg').scrollIntoViewIfNeeded();
    const t = (await territories(page)).find((x) => x.id);
    const at = await pointInside(page, t.id);
    await finger.tap(at.x, at.y);
    await page.locator('.tim-panel:not([hidden])').waitFor({ timeout: 3000 });
    const beside = await pointBeside(page);
    assert.ok(beside, 'a point of the map outside every territory');
    await finger.tap(beside.x, beside.y);
    await page.locator('.tim-panel:not([hidden])').waitFor({ state: 'detached', timeout: 3000 });
    await assertHealthy(watch);
  });
}

test('at 390 px in an article, one finger scrolls the page and two fingers move the map', async () => {
  const { page, watch, context } = await app.open('demo.html', { state: null, viewport: { width: 390, height: 844 }, hasTouch: true });
  await page.waitForSelector('territoires-map[data-state="ready"]', { timeout: 20_000 });
  const map = page.locator('territoires-map');
  await map.scrollIntoViewIfNeeded();
  const view = () => map.locator('g.tim-view').getAttribute('transform');
  const l = await layout(page, 'territoires-map');
  const w = l.region.right - l.region.left;
  assert.ok(w >= 0.85 * l.svg.width, `the region fills the width of the embedded map: ${w} of ${l.svg.width}`);
  const finger = await touch(context, page);
  const cx = (l.svg.left + l.svg.right) / 2;
  const cy = (l.svg.top + l.svg.bottom) / 2;
  const before = await view();
  const scrolled = await page.evaluate(() => scrollY);
  await finger.move([[cx, cy + 60]], [[cx, cy - 60]]);
  assert.equal(await view(), before, 'one finger leaves the map where it is');
  assert.ok((await page.evaluate(() => scrollY)) > scrolled, 'and scrolls the page');
  const m = await layout(page, 'territoires-map');
  const my = (m.svg.top + m.svg.bottom) / 2;
  await finger.move([[cx - 30, my], [cx + 30, my]], [[cx - 80, my + 20], [cx + 80, my + 20]]);
  assert.notEqual(await view(), before, 'two fingers zoom and move the map');
  await assertHealthy(watch);
});
