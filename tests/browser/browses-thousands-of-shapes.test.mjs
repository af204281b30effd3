// A visitor opens a map of thousands of shapes (the canvas renderer, picked by size) or the Grand
// Est drawn on a canvas (`?renderer=canvas`): every territory shows its status colour where it
// lies and opens its own card on a click; dragging and the wheel move the painted map with the
// pointer, and zoomed in, what comes into view is painted; the keyboard walks the territories through one focus stop; the list's filter dims
// the map; the CSV holds every row; destroy() in the middle of a gesture leaves nothing running.
// The 20,000-square file is written by `cargo test` (tests/loader_corpus.rs) before these run.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { start, assertHealthy, panel, fold, repoRoot } from './harness.mjs';

const BIG = '/__fixtures/generated/big-20000-features.geojson';
const SETTLE_WAIT = 500; // the canvas repaints 200 ms after the last view change

let app;
before(async () => {
  app = await start();
});
after(() => app?.close());

/** RGBA of the canvas under a viewport point (the most common colour of the 5 × 5 px around). */
function canvasColour(page, x, y) {
  return page.evaluate(([x, y]) => {
    const c = document.querySelector('#carte canvas.tim-canvas');
    const r = c.getBoundingClientRect();
    const k = c.width / r.width;
    const px = c.getContext('2d').getImageData(Math.round((x - r.left) * k) - 2, Math.round((y - r.top) * k) - 2, 5, 5).data;
    const seen = new Map();
    for (let i = 0; i < px.length; i += 4) {
      const key = `${px[i]},${px[i + 1]},${px[i + 2]},${px[i + 3]}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    return [...seen].sort((a, b) => b[1] - a[1])[0][0].split(',').map(Number);
  }, [x, y]);
}

/**
 * Whether the canvas paints anything at a viewport point: the device pixel under it or one beside
 * it. A pointer on a square's border (a hairline at this level of detail, which belongs to the
 * square as in SVG) may sit in a pixel the line only grazes.
 */
function paintedAt(page, x, y) {
  return page.evaluate(([x, y]) => {
    const c = document.querySelector('#carte canvas.tim-canvas');
    const r = c.getBoundingClientRect();
    const k = c.width / r.width;
    const px = c.getContext('2d').getImageData(Math.floor((x - r.left) * k) - 1, Math.floor((y - r.top) * k) - 1, 3, 3).data;
    return px.some((v, i) => i % 4 === 3 && v > 0);
  }, [x, y]);
}

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const near = (a, b, tol = 6) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

/** The focus stop (the one territory path of the canvas renderer) and a point well inside it. */
function stopAndInside(page) {
  return page.evaluate(() => {
    const stop = document.querySelector('#carte path.tim-territory');
    const inv = stop.getScreenCTM().inverse();
    const inside = (x, y) => stop.isPointInFill(new DOMPoint(x, y).matrixTransform(inv));
    const r = stop.getBoundingClientRect();
    const m = document.querySelector('#carte svg.tim-svg').getBoundingClientRect();
    const pts = [];
    for (let i = 1; i < 30; i++) {
      for (let j = 1; j < 30; j++) {
        const x = r.left + (r.width * i) / 30;
        const y = r.top + (r.height * j) / 30;
        if (x < m.left + 60 || y < m.top + 5 || x > m.right - 5 || y > m.bottom - 5) continue;
        // Well inside: the point and the 6 px around it.
        if ([[0, 0], [6, 0], [-6, 0], [0, 6], [0, -6]].every(([dx, dy]) => inside(x + dx, y + dy))) pts.push([x, y]);
      }
    }
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    pts.sort((a, b) => (a[0] - cx) ** 2 + (a[1] - cy) ** 2 - ((b[0] - cx) ** 2 + (b[1] - cy) ** 2));
    // A territory too small to hold such a point has a round marker instead (WCAG 2.5.8).
    const marker = [...document.querySelectorAll('#carte circle.tim-marker')].find((c) => c.dataset.id === stop.dataset.id);
    const mr = marker?.getBoundingClientRect();
    return {
      scrollY,
      id: stop.dataset.id,
      label: stop.getAttribute('aria-label'),
      at: pts[0] ?? null,
      marker: mr ? [mr.left + mr.width / 2, mr.top + mr.height / 2] : null,
    };
  });
}

test('the Grand Est on a canvas: each territory has its status colour where it lies, and a click there opens its card', async () => {
  const { page, watch } = await app.open('?renderer=canvas');
  assert.equal(await page.getAttribute('#carte', 'data-renderer'), 'canvas');
  assert.equal(await page.locator('#carte path.tim-territory').count(), 1, 'one focus stop, not one path per territory');
  const legend = JSON.parse(readFileSync(path.join(repoRoot, 'data/territoires-grand-est.geojson'), 'utf8')).legend.statuses;
  await page.focus('#carte path.tim-territory');
  const seen = [];
  for (let k = 0; k < 15; k++) {
    const s = await stopAndInside(page);
    assert.ok(s.at || s.marker, `a point inside ${s.label}, or its marker, is on screen`);
    seen.push(s);
    await page.keyboard.press('ArrowRight');
  }
  const names = seen.map((s) => s.label.split(' : ')[0]);
  assert.equal(new Set(seen.map((s) => s.id)).size, 15, `the arrows reach the 15 territories: ${names}`);
  assert.deepEqual(names.map(fold), [...names].map(fold).sort(), 'in alphabetical order');
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  await page.waitForTimeout(SETTLE_WAIT);
  // Focusing a territory may scroll the page to show it: points are taken back to the page's
  // scroll position of now.
  const where = async (s) => {
    const [x, y] = s.at ?? s.marker;
    return [x, y + s.scrollY - (await page.evaluate(() => scrollY))];
  };
  for (const s of seen.filter((s) => s.at)) {
    const [name, label] = s.label.split(' : ');
    const status = legend.find((l) => (l.label.fr ?? l.label) === label);
    assert.ok(status, `status of ${name}: ${label}`);
    const [x, y] = await where(s);
    const rgba = await canvasColour(page, x, y);
    // Solid fills show their colour; hatched and dotted ones mostly theirs, with white motifs.
    assert.ok(near(rgba.slice(0, 3), hex(status.color)) && rgba[3] === 255, `${name}: canvas ${rgba} at ${x},${y} is ${status.color}`);
  }
  for (const s of seen) {
    const name = s.label.split(' : ')[0];
    const [x, y] = await where(s);
    await page.mouse.click(x, y);
    assert.equal((await panel(page))?.title, name, `a click inside ${name} opens its card`);
    // The card takes room from the map; closing it gives the map its size and view back.
    await page.keyboard.press('Escape');
    await page.waitForTimeout(SETTLE_WAIT);
  }
  await assertHealthy(watch);
});

/** Opens the 20,000 squares; returns the page, its watch and the map's centre. */
async function openBig() {
  const { page, watch } = await app.open(`?src=${encodeURIComponent(BIG)}`, { state: 'ready' });
  const box = await page.locator('#carte svg.tim-svg').boundingBox();
  return { page, watch, box, centre: { x: box.x + box.width / 2, y: box.y + box.height / 2 } };
}

const tooltip = (page) => page.$eval('#carte .tim-tooltip', (t) => (t.hidden ? null : t.textContent));
const canvasTransform = (page) => page.$eval('#carte canvas.tim-canvas', (c) => c.style.transform);

test('20,000 squares: the canvas is picked and the page keeps a small DOM', async () => {
  const { page, watch } = await openBig();
  assert.equal(await page.getAttribute('#carte', 'data-renderer'), 'canvas', 'picked by size');
  const counts = await page.evaluate(() => ({
    territories: document.querySelectorAll('#carte path.tim-territory').length,
    labels: document.querySelectorAll('#carte text.tim-label').length,
    markers: document.querySelectorAll('#carte circle.tim-marker').length,
    elements: document.querySelectorAll('#carte *').length,
  }));
  assert.equal(counts.territories, 1);
  assert.equal(counts.markers, 0, 'no markers: thousands of small shapes are reached by the list and keyboard');
  assert.ok(counts.labels <= 400 && counts.elements < 3000, JSON.stringify(counts));
  await assertHealthy(watch);
});

test('20,000 squares: a drag moves the painted map with the pointer, then it is painted again', async () => {
  const { page, watch, centre } = await openBig();
  // Find a point on a square near the centre.
  let at = null;
  for (let dx = 0; dx < 40 && !at; dx += 3) {
    await page.mouse.move(centre.x + dx, centre.y + dx / 2);
    if (await tooltip(page)) at = { x: centre.x + dx, y: centre.y + dx / 2 };
  }
  assert.ok(at, 'a square under the pointer near the centre');
  const name = await tooltip(page);
  const colour = await canvasColour(page, at.x, at.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(at.x + i * 12, at.y + i * 6);
  // During the gesture, the compositor moves the last painting.
  assert.match(await canvasTransform(page), /matrix/, 'moved by a CSS transform while dragging');
  await page.mouse.up();
  await page.waitForTimeout(SETTLE_WAIT);
  assert.equal(await canvasTransform(page), '', 'painted again once the drag settled');
  const to = { x: at.x + 120, y: at.y + 60 };
  await page.mouse.move(to.x, to.y);
  assert.equal(await tooltip(page), name, 'the same square is under the pointer after the drag');
  assert.deepEqual(await canvasColour(page, to.x, to.y), colour, 'and painted where it went');
  // The wheel zooms about the pointer: the square stays under it.
  await page.mouse.wheel(0, -300);
  await page.waitForTimeout(SETTLE_WAIT);
  await page.mouse.move(to.x + 1, to.y);
  assert.equal(await tooltip(page), name, 'the same square after zooming in about it');
  await page.mouse.click(to.x + 1, to.y);
  assert.equal((await panel(page))?.title, name);
  await assertHealthy(watch);
});

test('20,000 squares: zoomed in, the map is painted wherever a square is, also after panning beyond what was painted', async () => {
  const { page, watch, box } = await openBig();
  const bottom = Math.min(box.y + box.height, await page.evaluate(() => innerHeight));
  // Squares under a grid of points: each must be painted (opaque canvas) where the pointer finds it.
  const squaresPainted = async () => {
    let found = 0;
    for (let j = 1; j < 5; j++) {
      for (let i = 1; i < 6; i++) {
        const x = box.x + (box.width * i) / 6;
        const y = box.y + ((bottom - box.y) * j) / 5;
        await page.mouse.move(x, y);
        if (!(await tooltip(page))) continue;
        found++;
        assert.ok(await paintedAt(page, x, y), `square ${await tooltip(page)} at ${x.toFixed(0)},${y.toFixed(0)} is not painted`);
      }
    }
    return found;
  };
  // Zoom in near the squares' left edge (they span about the middle 60 % of the map's width):
  // the shapes are then built only around that part of the map.
  await page.mouse.move(box.x + box.width * 0.3, box.y + (bottom - box.y) / 2);
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
  await page.waitForTimeout(SETTLE_WAIT);
  assert.ok((await squaresPainted()) >= 5, 'squares under the pointer after zooming in');
  // Three drags to the left move the view right by more than half its width, past that part.
  for (let k = 0; k < 3; k++) {
    const y = box.y + (bottom - box.y) / 2;
    await page.mouse.move(box.x + box.width * 0.8, y);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(box.x + box.width * (0.8 - (0.3 * i) / 6), y);
    await page.mouse.up();
    await page.waitForTimeout(SETTLE_WAIT);
  }
  assert.equal(await canvasTransform(page), '', 'painted again once the drags settled');
  assert.ok((await squaresPainted()) >= 5, 'squares under the pointer after the drags');
  await assertHealthy(watch);
});

test('20,000 squares: the keyboard walks the shapes through one focus stop, and the list filter dims the map', async () => {
  const { page, watch, centre } = await openBig();
  await page.focus('#carte path.tim-territory');
  const first = await page.getAttribute('#carte path.tim-territory', 'aria-label');
  await page.keyboard.press('ArrowRight');
  const second = await page.getAttribute('#carte path.tim-territory', 'aria-label');
  assert.notEqual(second, first);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), second, 'focus stays on the stop');
  assert.equal((await page.locator('#carte .tim-live').textContent()).trim(), second, 'the live region says where focus went');
  await page.keyboard.press('Enter');
  assert.equal((await panel(page))?.title, second.split(' : ')[0]);
  await page.keyboard.press('Escape');
  assert.equal(await panel(page), null);
  // Filter the list to one square: every other square is dimmed on the canvas. Zoomed in, so
  // that the squares are far wider than the 5 px sampled.
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.wheel(0, -600);
  await page.waitForTimeout(SETTLE_WAIT);
  let at = null;
  for (let dx = 0; dx < 40 && !at; dx += 3) {
    await page.mouse.move(centre.x + dx, centre.y);
    if (await tooltip(page)) at = { x: centre.x + dx, y: centre.y };
  }
  const under = await tooltip(page);
  assert.equal((await canvasColour(page, at.x, at.y))[3], 255);
  const other = under === 'Territoire 0' ? 'Territoire 1' : 'Territoire 0';
  await page.fill('#carte .tim-list input[type=search]', other);
  await page.waitForTimeout(SETTLE_WAIT);
  const dimmed = await canvasColour(page, at.x, at.y);
  assert.ok(dimmed[3] < 100, `${under} is dimmed when the list shows only ${other}: ${dimmed}`);
  await assertHealthy(watch);
});

test('20,000 squares: the CSV link holds every row once clicked', async () => {
  const { page, watch } = await openBig();
  assert.equal(await page.getAttribute('#carte .tim-csv', 'href'), 'data:text/csv;charset=utf-8,', 'not built before it is wanted');
  // Keep the download from happening; the link's href is what it would have saved.
  await page.evaluate(() => document.addEventListener('click', (e) => e.preventDefault()));
  await page.click('#carte .tim-csv');
  const href = await page.getAttribute('#carte .tim-csv', 'href');
  const lines = decodeURIComponent(href.split(',').slice(1).join(',')).replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines.length, 20_001, 'a header and 20,000 rows');
  await assertHealthy(watch);
});

test('20,000 squares: destroy() in the middle of a drag leaves no timer or listener behind', async () => {
  const { page, watch, centre } = await openBig();
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(centre.x + i * 10, centre.y);
  const count = await page.evaluate(() => {
    window.carte.destroy();
    return window.carte.listenerCount;
  });
  await page.mouse.up();
  await page.waitForTimeout(SETTLE_WAIT);
  assert.equal(count, 0);
  assert.equal(await page.locator('#carte canvas').count(), 0, 'the canvas went with the map');
  await assertHealthy(watch);
});

