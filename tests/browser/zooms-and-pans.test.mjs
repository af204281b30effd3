// A visitor zooms and pans the map with the buttons, the mouse wheel, a drag, and the keyboard
// (+, -, 0, Shift+arrows), then puts the view back as it was.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  start, assertHealthy, focused, viewTransform, transformChangedFrom, transformBecomes,
  findTerritory, pointInside,
} from './harness.mjs';

let app;
let page;
let watch;
let initial;
let panelAfterDrag = null;

before(async () => {
  app = await start();
  ({ page, watch } = await app.open(''));
  // The view as the module draws it: until the first gesture, the page shows the pre-rendered
  // picture through its viewBox, another transform for the same view (adopts-the-pre-rendered-map).
  await page.click('#carte button.tim-reset');
  await page.waitForFunction(() => !document.querySelector('#carte svg.tim-svg').hasAttribute('viewBox'));
  initial = await viewTransform(page);
});
after(() => app?.close());

/** Scale factor of an SVG transform attribute (matrix(a,b,c,d,e,f), or translate/scale). */
function scaleOf(t) {
  if (!t) return 1;
  const m = t.match(/matrix\(\s*([-\d.e]+)/i);
  if (m) return Number(m[1]);
  const s = t.match(/scale\(\s*([-\d.e]+)/i);
  return s ? Number(s[1]) : 1;
}

async function reset(what = 'clicking button.tim-reset') {
  await page.click('#carte button.tim-reset');
  await transformBecomes(page, initial, what);
}

/** The centre of the map's drawing area, in viewport pixels. */
async function mapCentre() {
  const box = await page.locator('#carte svg.tim-svg').boundingBox();
  assert.ok(box && box.width > 100 && box.height > 100, `svg.tim-svg is laid out: ${JSON.stringify(box)}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

test('the zoom-in button enlarges the map and reset puts it back', async () => {
  await page.click('#carte button.tim-zoom-in');
  const zoomed = await transformChangedFrom(page, initial, 'clicking button.tim-zoom-in');
  assert.ok(scaleOf(zoomed) > scaleOf(initial), `zoom-in scales up: ${initial} → ${zoomed}`);
  await page.click('#carte button.tim-zoom-out');
  const out = await transformChangedFrom(page, zoomed, 'clicking button.tim-zoom-out');
  assert.ok(scaleOf(out) < scaleOf(zoomed), `zoom-out scales down: ${zoomed} → ${out}`);
  await page.click('#carte button.tim-zoom-in');
  await transformChangedFrom(page, out, 'clicking button.tim-zoom-in again');
  await reset();
});

test('the mouse wheel over the map zooms', async () => {
  const { x, y } = await mapCentre();
  await page.mouse.move(x, y);
  await page.mouse.wheel(0, -400);
  const zoomed = await transformChangedFrom(page, initial, 'a wheel up over the map');
  assert.ok(scaleOf(zoomed) > scaleOf(initial), `wheel up zooms in: ${initial} → ${zoomed}`);
  await reset();
});

test('dragging the map pans it', async () => {
  // Start the drag on a territory: a drag must not count as a click.
  const t = await findTerritory(page, (n) => n.startsWith('vosges'), 'Vosges');
  const { x, y } = await pointInside(page, t.id);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(x + i * 12, y + i * 6);
  await page.mouse.up();
  const moved = await transformChangedFrom(page, initial, 'a mouse drag over the map');
  assert.equal(scaleOf(moved), scaleOf(initial), `a drag pans without zooming: ${initial} → ${moved}`);
  panelAfterDrag = await page.$$eval('#carte .tim-panel:not([hidden])', (l) => l.length > 0).catch(() => false);
  await reset();
});

test('a drag that starts on a territory is not a click: the panel stays closed', () => {
  assert.equal(panelAfterDrag, false, 'the drag opened the detail panel');
});

test('the keyboard zooms with + and -, pans with Shift+arrows, and 0 resets', async () => {
  // Put focus on a territory, where the map's keys are handled.
  let f = await focused(page);
  for (let i = 0; i < 40 && !f.territory; i++) {
    await page.keyboard.press('Tab');
    f = await focused(page);
  }
  assert.ok(f.territory, 'Tab reaches a territory');
  await page.keyboard.press('+');
  const plus = await transformChangedFrom(page, initial, 'pressing +');
  assert.ok(scaleOf(plus) > scaleOf(initial), `+ zooms in: ${plus}`);
  await page.keyboard.press('-');
  const minus = await transformChangedFrom(page, plus, 'pressing -');
  assert.ok(scaleOf(minus) < scaleOf(plus), `- zooms out: ${minus}`);
  await page.keyboard.press('+');
  const again = await transformChangedFrom(page, minus, 'pressing + again');
  await page.keyboard.press('Shift+ArrowRight');
  const panned = await transformChangedFrom(page, again, 'pressing Shift+ArrowRight');
  assert.equal(scaleOf(panned), scaleOf(again), 'Shift+ArrowRight pans without zooming');
  assert.equal((await focused(page)).territory, f.territory, 'Shift+ArrowRight pans instead of moving focus');
  await page.keyboard.press('0');
  await transformBecomes(page, initial, 'pressing 0');
});

test('nothing went wrong in the page', async () => {
  await assertHealthy(watch);
});
