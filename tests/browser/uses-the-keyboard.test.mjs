// A keyboard user tabs into the map, walks the territories with the arrow keys (in alphabetical
// order, accents ignored), opens one with Enter or Space, closes it with Escape and lands back
// on the same territory.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy, territories, focused, panel, nameOf, fold } from './harness.mjs';

let app;
let page;
let watch;
let byName; // territory ids in the order the arrows must visit them

before(async () => {
  app = await start();
  ({ page, watch } = await app.open(''));
  const all = await territories(page);
  const key = (t) => fold(nameOf(t.label)).replace(/[^a-z0-9 ]/g, '');
  byName = [...all].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map((t) => t.id);
});
after(() => app?.close());

async function press(key) {
  await page.keyboard.press(key);
  return (await focused(page)).territory;
}

async function rovingStop() {
  const stops = await page.$$eval('#carte path.tim-territory[tabindex="0"]', (ps) => ps.map((p) => p.getAttribute('data-id')));
  assert.equal(stops.length, 1, `exactly one tabindex=0, got ${stops}`);
  return stops[0];
}

test('Tab reaches the map on its single tab stop', async () => {
  const stop = await rovingStop();
  let f = await focused(page);
  for (let i = 0; i < 40 && !f.territory; i++) {
    await page.keyboard.press('Tab');
    f = await focused(page);
  }
  assert.ok(f.territory, `Tab never focused a territory (last focus: ${f.other})`);
  assert.equal(f.territory, stop, 'Tab lands on the territory with tabindex=0');
});

test('ArrowRight visits all 15 territories in name order and wraps around', async () => {
  const first = (await focused(page)).territory;
  assert.ok(first, 'a territory has focus');
  const seen = [first];
  for (let i = 0; i < 15; i++) {
    const id = await press('ArrowRight');
    assert.ok(id, `focus left the territories after ArrowRight n° ${i + 1}`);
    seen.push(id);
    assert.equal(await rovingStop(), id, 'the tab stop follows the focus');
  }
  assert.equal(new Set(seen.slice(0, 15)).size, 15, `15 distinct territories: ${seen}`);
  assert.equal(seen[15], seen[0], 'the 15th ArrowRight wraps back to the start');
  const start = byName.indexOf(first);
  const expected = Array.from({ length: 16 }, (_, i) => byName[(start + i) % 15]);
  assert.deepEqual(seen, expected, 'order is by name, accents ignored');
});

test('ArrowDown is next, ArrowLeft and ArrowUp are previous', async () => {
  const here = (await focused(page)).territory;
  const i = byName.indexOf(here);
  assert.equal(await press('ArrowDown'), byName[(i + 1) % 15]);
  assert.equal(await press('ArrowLeft'), here);
  assert.equal(await press('ArrowUp'), byName[(i + 14) % 15]);
  assert.equal(await press('ArrowRight'), here);
});

test('Home and End go to the first and last territory by name', async () => {
  assert.equal(await press('Home'), byName[0]);
  assert.equal(await press('ArrowLeft'), byName[14], 'ArrowLeft from the first wraps to the last');
  assert.equal(await press('Home'), byName[0]);
  assert.equal(await press('End'), byName[14]);
  assert.equal(await press('ArrowRight'), byName[0], 'ArrowRight from the last wraps to the first');
});

test('Enter opens the focused territory; Escape closes it and gives focus back', async () => {
  await press('End');
  const f = await focused(page);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#carte .tim-panel:not([hidden])', { timeout: 3000 });
  const p = await panel(page);
  assert.equal(p.title, nameOf(f.label));
  const selected = await page.$$eval('#carte path.tim-territory.tim-selected', (ps) => ps.map((q) => q.getAttribute('data-id')));
  assert.deepEqual(selected, [f.territory]);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#carte .tim-panel:not([hidden])'), null, { timeout: 3000 });
  assert.equal(await page.$$eval('#carte .tim-panel:not([hidden])', (l) => l.length === 0), true);
  assert.equal((await focused(page)).territory, f.territory, 'focus is back on the same territory');
});

test('Space opens too, and the close button gives focus back', async () => {
  const id = await press('Home');
  const f = await focused(page);
  await page.keyboard.press(' ');
  await page.waitForSelector('#carte .tim-panel:not([hidden])', { timeout: 3000 });
  assert.equal((await panel(page)).title, nameOf(f.label));
  await page.focus('#carte .tim-panel:not([hidden]) button.tim-close');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('#carte .tim-panel:not([hidden])'), null, { timeout: 3000 });
  assert.equal((await focused(page)).territory, id);
});

test('nothing went wrong in the page', async () => {
  await assertHealthy(watch);
});
