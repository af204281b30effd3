// A visitor looks at the map to learn which shape is which territory, at 1280, 768, 390 and 320
// px wide, with and without JavaScript: every one of the 15 is named on the map (inside it, or
// outside with a leader line ending inside it) or, on a phone, numbered with the same number
// as its row in the list; no two labels overlap, none covers the map's buttons, the text is at
// least 12 px. Zooming in on a phone, numbers give way to names.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy, nameOf } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(() => app?.close());

const SIZES = [[1280, 900], [768, 900], [390, 844], [320, 640]];

/** The shown overlay's marks, in page pixels: names and numbers with their boxes and on-screen
 * font size, leader lines' ends, and what lies under each end and each name's box. */
async function marks(page) {
  await page.evaluate(() => document.querySelector('#carte .tim-stage').scrollIntoView({ block: 'end' }));
  await page.waitForTimeout(200);
  return page.evaluate(() => {
    const group = [...document.querySelectorAll('#carte .tim-labels')].find((g) => g.getBoundingClientRect().width > 0);
    const territoryAt = (x, y) => document.elementsFromPoint(x, y)
      .find((e) => e.classList.contains('tim-territory'))?.getAttribute('data-index') ?? 'none';
    const texts = [...group.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => {
      const r = t.getBoundingClientRect();
      const m = t.getScreenCTM();
      return {
        index: t.getAttribute('data-index'),
        text: t.textContent,
        number: t.classList.contains('tim-key-number'),
        box: [r.left, r.top, r.right, r.bottom],
        px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
      };
    });
    const leaders = [];
    const path = group.querySelector('.tim-leaders');
    const m = path.getScreenCTM();
    for (const [, x1, y1, x2, y2] of (path.getAttribute('d') ?? '').matchAll(/M([-\d.]+) ([-\d.]+)L([-\d.]+) ([-\d.]+)/g)) {
      const at = (x, y) => ({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f });
      const [from, to] = [at(+x1, +y1), at(+x2, +y2)];
      leaders.push({ from, to, under: territoryAt(to.x, to.y) });
    }
    const buttons = document.querySelector('#carte .tim-controls')?.getBoundingClientRect();
    const rows = [...document.querySelectorAll('#carte .tim-table tbody tr')].map((tr) => ({
      key: tr.querySelector('.tim-key')?.textContent ?? null,
      name: tr.querySelector('.tim-list-select')?.textContent.trim(),
    }));
    const names = Object.fromEntries([...document.querySelectorAll('#carte path.tim-territory')].map((p) =>
      [p.getAttribute('data-index'), p.getAttribute('aria-label') ?? p.closest('a')?.getAttribute('aria-label')]));
    const stage = document.querySelector('#carte .tim-stage').getBoundingClientRect();
    return {
      texts, leaders, rows, names,
      buttons: buttons && buttons.width ? [buttons.left, buttons.top, buttons.right, buttons.bottom] : null,
      stage: [stage.left, stage.top, stage.right, stage.bottom],
    };
  });
}

const apart = (a, b, slack = 0.5) =>
  a[2] <= b[0] + slack || b[2] <= a[0] + slack || a[3] <= b[1] + slack || b[3] <= a[1] + slack;

/** Drags the map by (dx, dy) from the stage's centre, and waits for the view to change. */
async function drag(page, dx, dy) {
  const [l, t, r, b] = (await marks(page)).stage;
  const from = { x: (l + r) / 2, y: (t + b) / 2 };
  const view = await page.getAttribute('#carte .tim-view', 'transform');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(from.x + (i * dx) / 6, from.y + (i * dy) / 6);
  await page.mouse.up();
  await page.waitForFunction((v) => document.querySelector('#carte .tim-view')?.getAttribute('transform') !== v, view);
}

/** The checks every size shares; returns the marks. */
function assertEveryTerritoryIdentified(m, where) {
  const marked = new Set(m.texts.map((t) => t.index));
  assert.equal(marked.size, 15, `${where}: 15 territories named or numbered, got ${[...marked]}`);
  for (const [k, a] of m.texts.entries()) {
    assert.ok(a.px >= 11.9, `${where}: "${a.text}" is ${a.px.toFixed(1)} px`);
    const inStage = a.box[0] >= m.stage[0] - 1 && a.box[1] >= m.stage[1] - 1 && a.box[2] <= m.stage[2] + 1 && a.box[3] <= m.stage[3] + 1;
    assert.ok(inStage, `${where}: "${a.text}" lies within the map: ${a.box} in ${m.stage}`);
    if (m.buttons) assert.ok(apart(a.box, m.buttons), `${where}: "${a.text}" covers the buttons`);
    for (const b of m.texts.slice(k + 1)) assert.ok(apart(a.box, b.box), `${where}: "${a.text}" and "${b.text}" overlap`);
  }
  for (const l of m.leaders) {
    // The line starts on its label's box (a number's: on its badge, around the digits) and ends
    // inside that label's territory.
    const gap = (t) => Math.hypot(Math.max(t.box[0] - l.from.x, 0, l.from.x - t.box[2]), Math.max(t.box[1] - l.from.y, 0, l.from.y - t.box[3]));
    const owner = m.texts.reduce((a, t) => (gap(t) < gap(a) ? t : a));
    assert.ok(gap(owner) < 12, `${where}: a leader line from (${l.from.x}, ${l.from.y}) starts at no label`);
    assert.equal(l.under, owner.index, `${where}: the line of "${owner.text}" ends in territory ${l.under}`);
  }
  for (const t of m.texts.filter((t) => t.number)) {
    const row = m.rows.find((r) => r.key === t.text);
    assert.ok(row, `${where}: number ${t.text} has a row in the list`);
    assert.equal(row.name, nameOf(m.names[t.index]), `${where}: number ${t.text} is ${row.name}`);
  }
}

for (const [width, height] of SIZES) {
  test(`at ${width} px every territory is named or numbered, apart, and keyed in the list`, async () => {
    for (const javaScript of [true, false]) {
      const { page, watch } = await app.open('', { viewport: { width, height }, javaScript, state: javaScript ? 'ready' : null });
      const m = await marks(page);
      const where = `${width} px ${javaScript ? 'with' : 'without'} JavaScript`;
      assertEveryTerritoryIdentified(m, where);
      const names = m.texts.filter((t) => !t.number).length;
      if (width >= 768) assert.equal(names, 15, `${where}: all 15 by name`);
      else assert.ok(names >= 5, `${where}: ${names} names`);
      if (javaScript) await assertHealthy(watch);
    }
  });
}

test('on a phone, zooming in turns numbers into names and keeps them apart', async () => {
  const { page, watch } = await app.open('', { viewport: { width: 390, height: 844 } });
  const before = await marks(page);
  const numbers = (m) => m.texts.filter((t) => t.number).length;
  assert.ok(numbers(before) > 0, 'numbers at the overview');
  for (let k = 0; k < 2; k++) {
    const t = await page.getAttribute('#carte .tim-view', 'transform');
    await page.click('#carte button.tim-zoom-in');
    await page.waitForFunction((t) => document.querySelector('#carte .tim-view')?.getAttribute('transform') !== t, t);
  }
  await page.waitForTimeout(400);
  const after = await marks(page);
  assert.ok(numbers(after) < numbers(before), `fewer numbers zoomed in: ${numbers(after)} vs ${numbers(before)}`);
  for (const [k, a] of after.texts.entries()) {
    if (after.buttons) assert.ok(apart(a.box, after.buttons), `"${a.text}" covers the buttons`);
    for (const b of after.texts.slice(k + 1)) assert.ok(apart(a.box, b.box), `"${a.text}" and "${b.text}" overlap`);
  }
  await assertHealthy(watch);
});

test('a small pan moves the names with the map, but for those its edge pushes aside', async () => {
  const { page, watch } = await app.open('', { viewport: { width: 1280, height: 900 } });
  await marks(page);
  const vosges = () => page.$eval('#carte path.tim-territory[data-id="vosges"]', (p) => { const r = p.getBoundingClientRect(); return [r.left, r.top]; });
  const pan = async (dx, dy) => {
    await drag(page, dx, dy);
    await page.waitForFunction(() => !document.querySelector('#carte .tim-labels.tim-moving'));
    await page.waitForTimeout(300);
  };
  // The first move hands the names from the pre-render (scaled with its picture) to the module.
  // Sideways: the names move with the map, but for one pressed against the stage's edge by the
  // pan (Vitry's long name, left of the region) and those whose spot it then takes.
  await pan(-20, 0);
  const before = await marks(page);
  const was = await vosges();
  await pan(40, 0);
  const after = await marks(page);
  assertEveryTerritoryIdentified(after, 'panned');
  const now = await vosges();
  const [dx, dy] = [now[0] - was[0], now[1] - was[1]];
  assert.ok(Math.hypot(dx, dy) > 10, `the map moved: ${dx}, ${dy}`);
  const rigid = before.texts.filter((a) => after.texts.some((c) => c.text === a.text
    && Math.abs(c.box[0] - a.box[0] - dx) <= 1.5 && Math.abs(c.box[1] - a.box[1] - dy) <= 1.5));
  const moved = before.texts.filter((a) => !rigid.includes(a)).map((a) => {
    const c = after.texts.find((c) => c.text === a.text);
    return `${a.text} ${c ? `${(c.box[0] - a.box[0]).toFixed(1)},${(c.box[1] - a.box[1]).toFixed(1)}` : 'gone'}`;
  });
  assert.ok(rigid.length >= 12, `names moved with the map: ${rigid.length} of ${before.texts.length} (pan ${dx}, ${dy}; others: ${moved})`);
  await assertHealthy(watch);
});

test("the names' own module comes once the pointer is over the map, not before, and names every territory once it moves", async () => {
  const { page, watch } = await app.open('', {
    viewport: { width: 1280, height: 900 },
  });
  const { requests } = watch;
  const namesModule = () => requests.filter((r) => r.startsWith('/pkg/territoires_names')).sort();
  await page.waitForTimeout(300);
  assert.deepEqual(namesModule(), [], "nothing of the names' module while the map shows the pre-rendered picture");
  // The pointer over the map, not yet a gesture: the module comes now, so that the first move
  // does not wait for it (www/helpers.js, warmNames); the picture stays the pre-rendered one.
  const view = await page.getAttribute('#carte .tim-view', 'transform');
  const [l, t, r, b] = (await marks(page)).stage;
  const asked = page.waitForRequest(/\/pkg\/territoires_names_bg\.wasm$/);
  await page.mouse.move((l + r) / 2, (t + b) / 2);
  await asked;
  assert.equal(await page.getAttribute('#carte .tim-view', 'transform'), view, 'the view has not changed');
  assert.ok(!(await page.$('#carte .tim-labels.tim-moving')), 'the names are still shown');
  // The small module places no names: they hide when the view leaves the picture, and show again
  // once their module has placed them.
  await drag(page, -20, 0);
  await page.waitForFunction(() => !document.querySelector('#carte .tim-labels.tim-moving'));
  assertEveryTerritoryIdentified(await marks(page), 'after the first move');
  assert.deepEqual(namesModule(), ['/pkg/territoires_names.js', '/pkg/territoires_names_bg.wasm']);
  const zoomed = await page.getAttribute('#carte .tim-view', 'transform');
  await page.click('#carte button.tim-zoom-in');
  await page.waitForFunction((v) => document.querySelector('#carte .tim-view')?.getAttribute('transform') !== v, zoomed);
  await page.waitForFunction(() => !document.querySelector('#carte .tim-labels.tim-moving'));
  assert.ok((await marks(page)).texts.length >= 5, 'names placed at the zoomed view');
  assert.equal(namesModule().length, 2, "the names' module is fetched once");
  await assertHealthy(watch);
});

test("a pointer already over the map when its module becomes ready brings the names' module too", async () => {
  // The small module held until the pointer is there: no `pointerenter` comes after it is ready.
  let release;
  const held = new Promise((r) => { release = r; });
  const { page, watch } = await app.open('', {
    viewport: { width: 1280, height: 900 },
    state: null,
    prepare: (p) => p.route(/\/pkg\/territoires_map_small_bg\.wasm$/, async (route) => { await held; return route.continue(); }),
  });
  const box = await page.locator('#carte .tim-stage').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 50);
  const asked = page.waitForRequest(/\/pkg\/territoires_names_bg\.wasm$/);
  release();
  await asked;
  assert.equal(await page.getAttribute('#carte', 'data-state'), 'ready');
  await assertHealthy(watch);
});

test("without the names' module (it cannot be downloaded), the map still moves and opens its cards, names and markers hidden, not misplaced", async () => {
  const asked = [];
  const { page, watch } = await app.open('', {
    viewport: { width: 1280, height: 900 },
    prepare: (p) => p.route(/\/pkg\/territoires_names/, (route) => { asked.push(route.request().url()); return route.abort(); }),
  });
  await drag(page, -20, 0);
  await page.waitForTimeout(500);
  assert.ok(await page.$('#carte .tim-labels.tim-moving'), 'the names stay hidden');
  assert.ok(await page.$('#carte .tim-markers.tim-moving'), 'the markers, which the same module draws, too');
  const view = await page.getAttribute('#carte .tim-view', 'transform');
  await page.click('#carte button.tim-zoom-in');
  await page.waitForFunction((v) => document.querySelector('#carte .tim-view')?.getAttribute('transform') !== v, view);
  await page.click('#carte .tim-list button.tim-list-select >> nth=0');
  await page.waitForSelector('#carte .tim-panel:not([hidden])');
  // Asked for once, not again at each view of the drag and the zoom (a later try waits a while).
  assert.equal(asked.filter((u) => u.endsWith('_bg.wasm')).length, 1, `asked: ${asked}`);
  assert.deepEqual(watch.pageErrors, [], 'no uncaught error');
  await assertHealthy(watch, { allowConsoleErrors: true });
});
