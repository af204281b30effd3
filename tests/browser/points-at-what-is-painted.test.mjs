// A visitor moves the mouse over the map and clicks: whatever territory the browser paints under
// the pointer (its fill, or its outline, which belongs to it) is the one the map names in its
// tooltip and opens on click, near edges too, zoomed in, on a scrolled page, at a device pixel
// ratio of 2. The browser's own hit (elementFromPoint, which hit-tests the painted SVG) is the
// reference; the map's is the tooltip it shows.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy, nameOf, panel, squish } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(() => app?.close());

/**
 * Moves the mouse over a grid of `step` px on the visible part of the map; returns the points
 * where the browser paints a territory (path or marker) and the tooltip names another, or none.
 */
async function disagreements(page, step) {
  const box = await page.evaluate(() => {
    const r = document.querySelector('#carte svg.tim-svg').getBoundingClientRect();
    return { x0: Math.max(r.left, 0), y0: Math.max(r.top, 0), x1: Math.min(r.right, innerWidth), y1: Math.min(r.bottom, innerHeight) };
  });
  let painted = 0;
  const wrong = [];
  const edge = [];
  // Off the grid's phase, so that points fall anywhere within a pixel.
  for (let y = box.y0 + 0.37; y < box.y1; y += step) {
    for (let x = box.x0 + 0.61; x < box.x1; x += step) {
      await page.mouse.move(x, y);
      const r = await page.evaluate(([x, y]) => {
        const e = document.elementFromPoint(x, y);
        const hit = e?.matches('path.tim-territory, circle.tim-marker') ? e : null;
        const byId = (id) => document.querySelector(`#carte path.tim-territory[data-id="${id}"]`);
        const tip = document.querySelector('#carte .tim-tooltip');
        let part = null;
        if (hit?.localName === 'path') {
          const q = new DOMPoint(x, y).matrixTransform(hit.getScreenCTM().inverse());
          part = hit.isPointInFill(q) ? 'fill' : 'outline';
        }
        return {
          part,
          painted: hit ? byId(hit.dataset.id)?.getAttribute('aria-label') ?? hit.dataset.id : null,
          hovered: tip && !tip.hidden ? tip.textContent : null,
        };
      }, [x, y]);
      if (!r.painted) continue;
      painted += 1;
      if (nameOf(r.painted) === r.hovered) continue;
      // Chromium hit-tests a non-scaling stroke on its own approximation of the outline: within
      // one pixel of where the browser itself switches to the territory the map names, the two
      // readings are the same edge (seen once in 1,482 points, at a hovered 2.5 px outline).
      // A map that names nothing there, or a territory the browser paints nowhere near, still fails.
      const onEdge = await page.evaluate(([x, y, named]) => [[1, 0], [-1, 0], [0, 1], [0, -1], [0.7, 0.7], [-0.7, 0.7], [0.7, -0.7], [-0.7, -0.7]].some(([dx, dy]) => {
        const e = document.elementFromPoint(x + dx, y + dy);
        return e?.matches('path.tim-territory') && e.getAttribute('aria-label')?.startsWith(`${named} : `);
      }), [x, y, r.hovered]);
      const point = { x: +x.toFixed(2), y: +y.toFixed(2), painted: nameOf(r.painted), part: r.part, hovered: r.hovered };
      (onEdge ? edge : wrong).push(point);
    }
  }
  return { painted, wrong, edge };
}

function assertAgree({ painted, wrong, edge }, what) {
  assert.ok(painted > 100, `${what}: too few painted points sampled (${painted})`);
  assert.ok(edge.length <= painted / 500, `${what}: ${edge.length} of ${painted} points disagree within half a pixel of an edge: ${JSON.stringify(edge.slice(0, 4))}`);
  const by = (part) => wrong.filter((w) => w.part === part).length;
  assert.deepEqual(wrong.slice(0, 8), [], `${what}: ${wrong.length} of ${painted} painted points hover something else `
    + `(${by('fill')} on a fill, ${by('outline')} on an outline, ${by(null)} on a marker)`);
}

test('at the fitted view every painted point hovers the territory painted there', async () => {
  const { page, watch } = await app.open('?renderer=svg', { viewport: { width: 1200, height: 800 } });
  assertAgree(await disagreements(page, 9), 'fitted, ratio 1');
  await assertHealthy(watch);
});

test('zoomed in, panned, on a scrolled page at a device pixel ratio of 2, hover still matches the paint', async () => {
  const { page, watch } = await app.open('?renderer=svg', { viewport: { width: 900, height: 600 }, deviceScaleFactor: 2 });
  await page.locator('button.tim-zoom-in').click();
  await page.locator('button.tim-zoom-in').click();
  const svg = await page.locator('svg.tim-svg').boundingBox();
  await page.mouse.move(svg.x + svg.width / 2, svg.y + svg.height / 2);
  await page.mouse.down();
  await page.mouse.move(svg.x + svg.width / 2 - 37.3, svg.y + svg.height / 2 + 21.7, { steps: 5 });
  await page.mouse.up();
  await page.evaluate(() => scrollTo(0, 123));
  assertAgree(await disagreements(page, 9), 'zoomed, scrolled, ratio 2');
  await assertHealthy(watch);
});

/** The painted points of territory `id` outside its marker, nearest the marker first. */
function besideMarker(page, id) {
  return page.evaluate((id) => {
    const path = document.querySelector(`#carte path.tim-territory[data-id="${id}"]`);
    const m = document.querySelector(`#carte circle.tim-marker[data-id="${id}"]`)?.getBoundingClientRect();
    if (!m) return null;
    const c = { x: m.left + m.width / 2, y: m.top + m.height / 2 };
    const r = path.getBoundingClientRect();
    const fill = [];
    for (let y = r.top + 0.25; y <= r.bottom; y += 0.5) {
      for (let x = r.left + 0.25; x <= r.right; x += 0.5) {
        const d = Math.hypot(x - c.x, y - c.y);
        if (d > m.width / 2 + 1 && document.elementFromPoint(x, y) === path) fill.push([x, y, d]);
      }
    }
    return { marker: c, fill: fill.sort((a, b) => a[2] - b[2]) };
  }, id);
}

test('a click on the smallest territory’s painted fill beside its marker opens it', async () => {
  const { page, watch } = await app.open('?renderer=svg', { viewport: { width: 1200, height: 800 } });
  // The smallest by area, measured now (the data may change which territory it is): its fill
  // sampled on a grid of its own box, in map units, so that no marker hides it.
  const smallest = await page.evaluate(() => {
    let best = null;
    for (const path of document.querySelectorAll('#carte path.tim-territory')) {
      const b = path.getBBox();
      let n = 0;
      for (let i = 0.5; i < 40; i++) {
        for (let j = 0.5; j < 40; j++) if (path.isPointInFill(new DOMPoint(b.x + (b.width * i) / 40, b.y + (b.height * j) / 40))) n++;
      }
      const area = (n / 1600) * b.width * b.height;
      if (!best || area < best.area) best = { id: path.dataset.id, label: path.getAttribute('aria-label'), area };
    }
    return best;
  });
  // Zoom on its marker, one wheel notch at a time, until some of its fill shows beside it.
  // Zoomed out until it is small enough to carry a marker (at 1200×800 it may not need one).
  let beside = await besideMarker(page, smallest.id);
  for (let k = 0; k < 3 && !beside; k++) {
    await page.locator('button.tim-zoom-out').click();
    await page.waitForTimeout(100);
    beside = await besideMarker(page, smallest.id);
  }
  assert.ok(beside, `${smallest.label} is small enough to carry a marker`);
  for (let k = 0; k < 8 && beside?.fill.length === 0; k++) {
    await page.mouse.move(beside.marker.x, beside.marker.y);
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(100);
    beside = await besideMarker(page, smallest.id);
  }
  assert.ok(beside?.fill.length, `${smallest.label}: no painted fill shows beside its marker`);
  const [x, y] = beside.fill[0];
  await page.mouse.click(x, y);
  const p = await panel(page);
  assert.equal(squish(p?.title), nameOf(smallest.label), `click at ${x}, ${y} beside the marker at ${JSON.stringify(beside.marker)}`);
  await assertHealthy(watch);
});
