// A visitor opens the page and sees the 15 Grand Est territories, the programme facts, the legend
// with the counts of the press release of 19 Nov 2019, and the context layer behind them.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { start, assertHealthy, territories, STATUS, squish, artifactsDir } from './harness.mjs';

let app;
let page;
let watch;

before(async () => {
  app = await start();
  ({ page, watch } = await app.open(''));
});
after(() => app?.close());

test('the map becomes ready and says so with a ready event counting 15 territories', async () => {
  assert.equal(await page.getAttribute('#carte', 'data-state'), 'ready');
  const events = await watch.domEvents();
  const ready = events.filter((e) => e.type === 'ready');
  assert.equal(ready.length, 1, `one ready event expected, got ${JSON.stringify(events)}`);
  assert.ok(ready[0].isCustom, 'ready is a CustomEvent');
  assert.equal(ready[0].detail?.count, 15);
  assert.ok(!events.some((e) => e.type === 'error'), 'no error event');
});

test('15 territory shapes, each distinct, named for screen readers and operable', async () => {
  const all = await territories(page);
  assert.equal(all.length, 15, 'path.tim-territory count');
  const ids = new Set(all.map((t) => t.id));
  assert.equal(ids.size, 15, 'distinct data-id');
  assert.ok(all.every((t) => t.id && t.id.trim()), 'every data-id non-empty');
  const ds = new Set(all.map((t) => t.d));
  assert.ok(all.every((t) => t.d && t.d.trim().length > 10), 'every path has a non-empty d');
  assert.equal(ds.size, 15, 'every territory has its own shape');
  for (const t of all) {
    assert.equal(t.role, 'button', `${t.id} role`);
    assert.match(t.label ?? '', /^\S.* : \S/, `${t.id} aria-label is "<name> : <status>"`);
    assert.ok(Object.values(STATUS).some((s) => t.label.endsWith(` : ${s}`)), `${t.id} aria-label ends with a status: ${t.label}`);
    assert.ok(t.status, `${t.id} data-status`);
  }
  const stops = all.filter((t) => t.tabindex === '0');
  assert.equal(stops.length, 1, 'exactly one territory is the tab stop');
  assert.ok(all.every((t) => t.tabindex === '0' || t.tabindex === '-1'), 'the others have tabindex -1');
});

test('the statuses follow the press release: 11 signed in Mulhouse, 2 earlier, 2 without plan', async () => {
  const all = await territories(page);
  const count = (label) => all.filter((t) => t.label.endsWith(` : ${label}`)).length;
  assert.equal(count(STATUS.signed), 11);
  assert.equal(count(STATUS.earlier), 2);
  assert.equal(count(STATUS.none), 2);
  // Same data-status for the same label.
  const byStatus = new Map();
  for (const t of all) {
    const label = t.label.slice(t.label.lastIndexOf(' : ') + 3);
    if (byStatus.has(t.status)) assert.equal(byStatus.get(t.status), label, `data-status ${t.status}`);
    byStatus.set(t.status, label);
  }
  assert.equal(byStatus.size, 3);
});

test('the legend lists the 3 statuses with their counts 11, 2 and 2', async () => {
  const items = (await page.$$eval('#carte .tim-legend li', (lis) => lis.map((li) => li.textContent))).map(squish);
  assert.equal(items.length, 3, `legend items: ${JSON.stringify(items)}`);
  const want = [
    [STATUS.signed, 11],
    [STATUS.earlier, 2],
    [STATUS.none, 2],
  ];
  for (const [label, n] of want) {
    const item = items.find((t) => t.includes(label));
    assert.ok(item, `a legend item says "${label}": ${JSON.stringify(items)}`);
    const numbers = (item.replace(label, '').match(/\d+/g) ?? []).map(Number);
    assert.deepEqual(numbers, [n], `count in legend item "${item}"`);
  }
});

test('the header gives the programme facts: 146 in France, 15 in Grand Est, 11 signed', async () => {
  const facts = (await page.$$eval('#carte .tim-header .tim-facts li', (lis) => lis.map((li) => li.textContent))).map(squish);
  assert.ok(facts.length >= 1, 'facts listed');
  const has = (n) => facts.some((f) => new RegExp(`(^|\\D)${n}(\\D|$)`).test(f));
  for (const n of [146, 15, 11]) assert.ok(has(n), `a fact mentions ${n}: ${JSON.stringify(facts)}`);
});

test('context shapes are drawn, hidden from assistive technology', async () => {
  const n = await page.$$eval('#carte svg.tim-svg g[aria-hidden="true"] path.tim-context', (ps) => ps.filter((p) => (p.getAttribute('d') ?? '').length > 10).length);
  assert.ok(n > 0, 'path.tim-context inside g[aria-hidden=true]');
  const labels = await page.$$eval('#carte svg.tim-svg text.tim-label', (ts) => ts.map((t) => !!t.closest('[aria-hidden="true"]')));
  assert.ok(labels.length > 0, 'territory labels are written on the map');
  assert.ok(labels.every(Boolean), 'labels are aria-hidden');
});

// Territories of the same status now touch in many places (Nord Lorraine, Val de Lorraine,
// Terres de Lorraine, Vosges…): a border of another colour, 1.5 px at least, keeps them apart.
test('neighbours of the same status keep a visible border between them', async () => {
  const paths = await page.$$eval('#carte path.tim-territory', (ps) => ps.map((p) => {
    const s = getComputedStyle(p);
    return { id: p.dataset.id, fill: s.fill, stroke: s.stroke, width: parseFloat(s.strokeWidth) };
  }));
  assert.equal(paths.length, 15);
  for (const p of paths) {
    assert.notEqual(p.stroke, 'none', p.id);
    assert.notEqual(p.stroke, p.fill, `${p.id}: border and fill of one colour`);
    assert.ok(p.width >= 1.5, `${p.id}: border ${p.width} px`);
  }
});

/** The names written on the map, with what lies under each name's box (territory indices): the
 * whole stage brought on screen first, as a reader scrolls to it (the page starts above it). */
async function writtenNames(page) {
  await page.evaluate(() => document.querySelector('#carte .tim-stage').scrollIntoView({ block: 'end' }));
  // Inside their territory: not the names written outside it with a leader line, nor numbers
  // (names-every-territory-on-the-map.test.mjs checks those).
  return page.evaluate(() => [...document.querySelectorAll('#carte .tim-label:not(.tim-label-outside, .tim-key-number)')]
    .filter((l) => l.textContent.trim())
    .map((l) => {
      const r = l.getBoundingClientRect();
      // The text's own box, less its halo.
      const xs = [r.left + 2, r.left + r.width / 2, r.right - 2];
      const ys = [r.top + 2, r.top + r.height / 2, r.bottom - 2];
      const under = xs.flatMap((x) => ys.map((y) => document.elementsFromPoint(x, y)
        .find((e) => e.classList.contains('tim-territory'))?.getAttribute('data-index') ?? 'none'));
      return { text: l.textContent, index: l.getAttribute('data-index'), under, rect: [r.left, r.top, r.right, r.bottom] };
    }));
}

function assertInsideAndApart(labels) {
  for (const l of labels) {
    assert.ok(l.under.every((i) => i === l.index), `"${l.text}" crosses its border: under its box ${l.under}`);
  }
  for (const [k, a] of labels.entries()) {
    for (const b of labels.slice(k + 1)) {
      const apart = a.rect[2] <= b.rect[0] || b.rect[2] <= a.rect[0] || a.rect[3] <= b.rect[1] || b.rect[3] <= a.rect[1];
      assert.ok(apart, `"${a.text}" and "${b.text}" overlap`);
    }
  }
}

test('every name written over a territory lies inside it, apart from the others, and zooming in writes more inside', async () => {
  const fitted = await writtenNames(page);
  assert.ok(fitted.length >= 2, `the names that fit at the fitted view are written: ${fitted.map((l) => l.text)}`);
  assertInsideAndApart(fitted);
  const { page: zoomed } = await app.open('');
  for (let k = 0; k < 2; k++) {
    const before = await zoomed.getAttribute('#carte .tim-view', 'transform');
    await zoomed.click('#carte button.tim-zoom-in');
    await zoomed.waitForFunction((t) => document.querySelector('#carte .tim-view')?.getAttribute('transform') !== t, before);
  }
  await zoomed.waitForTimeout(300);
  const closer = await writtenNames(zoomed);
  assertInsideAndApart(closer);
  const shown = (ls) => new Set(ls.map((l) => l.index));
  const inView = await zoomed.evaluate(() => {
    const svg = document.querySelector('#carte svg').getBoundingClientRect();
    return [...document.querySelectorAll('#carte path.tim-territory')].filter((p) => {
      const r = p.getBoundingClientRect();
      return r.right > svg.left && r.left < svg.right && r.bottom > svg.top && r.top < svg.bottom;
    }).length;
  });
  assert.ok(closer.length > fitted.length || closer.length === inView,
    `zoomed in, more of the ${inView} territories in view are named: ${[...shown(closer)]} vs ${[...shown(fitted)]}`);
});

test('nothing went wrong in the page', async () => {
  await assertHealthy(watch);
});

test('a screenshot of the ready page is saved (1200×800)', async () => {
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, 'carte.png');
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.screenshot({ path: file });
  const png = readFileSync(file);
  assert.equal(png.toString('latin1', 1, 4), 'PNG');
  assert.equal(png.readUInt32BE(16), 1200);
  assert.equal(png.readUInt32BE(20), 800);
});
