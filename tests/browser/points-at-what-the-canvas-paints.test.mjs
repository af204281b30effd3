// A visitor moves the mouse over the Grand Est drawn on a canvas (`?renderer=canvas`): wherever
// the canvas paints a territory, the tooltip names that territory, and where it paints none, the
// map names none, near edges too, where the canvas's simplified shapes part from the exact ones.
// The reference is the canvas's own pixels: the data is served with one solid colour per
// territory, so a pixel of exactly that colour was painted by that territory's fill, and themed
// without borders, so that fills show to their edge. At a device pixel ratio of 2 a canvas pixel
// is half a CSS pixel while the level of detail allows one CSS pixel of error: there, hovering the
// exact shapes instead of the painted ones disagreed on 16 of 664 edge points.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, assertHealthy } from './harness.mjs';

let app;
let data;
before(async () => {
  app = await start();
  data = JSON.parse(await readFile(new URL('../../data/territoires-grand-est.geojson', import.meta.url), 'utf8'));
});
after(() => app?.close());

/** The Grand Est with a status, a solid colour, of its own for each territory. */
function oneColourEach() {
  const copy = structuredClone(data);
  const colour = (k) => `#${[40 + 12 * k, 90 + 50 * (k % 3), 200 - 9 * k].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  copy.legend.statuses = copy.features.map((f, k) => ({ id: `t${k}`, label: f.properties.name, color: colour(k), pattern: 'solid' }));
  copy.features.forEach((f, k) => { f.properties.status = `t${k}`; });
  const names = Object.fromEntries(copy.features.map((f, k) => [colour(k).slice(1), f.properties.name]));
  return { json: JSON.stringify(copy), names };
}

async function openCanvas(viewport, deviceScaleFactor) {
  const { json, names } = oneColourEach();
  const prepare = async (page) => {
    await page.route('**/data/territoires-grand-est.geojson', (route) => route.fulfill({ body: json, contentType: 'application/geo+json' }));
    // No border stroke over the fills (a theme may set it): the pixels show the fills to their edge.
    // Set once the document exists, long before the map reads its theme (after its download).
    await page.addInitScript(() => document.addEventListener('readystatechange', () => {
      document.documentElement.style.setProperty('--tim-territory-stroke', 'transparent');
    }, { once: true }));
  };
  // The file named (src), so that it is downloaded, as routed: the default page reads its own
  // copy of the data instead (src/hydrate/page.rs).
  const query = '?renderer=canvas&src=data/territoires-grand-est.geojson&context=data/contexte-grand-est.geojson';
  const opened = await app.open(query, { viewport, deviceScaleFactor, prepare });
  assert.equal(await opened.page.getAttribute('#carte', 'data-renderer'), 'canvas');
  return { ...opened, names };
}

/**
 * Points of the canvas near edges, as client
 * coordinates with the name of the territory whose colour is painted there (null: a pixel of the
 * background seen at the canvas's corner, where nothing is painted), in the window. Blended pixels (antialiased
 * edges, white borders) tell nothing and are left out; `max` points, spread over the canvas.
 */
function edgePoints(page, names, max) {
  return page.evaluate(([names, max]) => {
    const canvas = document.querySelector('#carte canvas.tim-canvas');
    const { width: w, height: h } = canvas;
    const px = canvas.getContext('2d').getImageData(0, 0, w, h).data;
    const hex = (i) => [px[i], px[i + 1], px[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('');
    const background = hex(0) + px[3];
    const at = (x, y) => (y * w + x) * 4;
    const kind = (i) => (px[i + 3] === 255 && names[hex(i)] ? names[hex(i)] : hex(i) + px[i + 3] === background ? null : undefined);
    const r = canvas.getBoundingClientRect();
    const points = [];
    for (let y = 3; y < h - 3; y++) {
      for (let x = 3; x < w - 3; x++) {
        const k = kind(at(x, y));
        if (k === undefined) continue;
        // A territory's pixel at the edge of its fill; a background pixel clear of the border
        // stroke, which belongs to the territory as in SVG even when a theme makes it transparent
        // (2 to 3 pixels from a fill: the stroke reaches 0.75 CSS pixel, 1.5 device pixels).
        const ring = (d) => [[d, 0], [-d, 0], [0, d], [0, -d], [d, d], [-d, -d], [d, -d], [-d, d]];
        const near = k
          ? ring(1).slice(0, 4).some(([dx, dy]) => kind(at(x + dx, y + dy)) !== k)
          : ring(3).some(([dx, dy]) => kind(at(x + dx, y + dy))) && ![1, 2].some((d) => ring(d).some(([dx, dy]) => kind(at(x + dx, y + dy))));
        const cx = r.left + ((x + 0.5) * r.width) / w;
        const cy = r.top + ((y + 0.5) * r.height) / h;
        // Only where the mouse can go: the part of the canvas in the window.
        if (near && cx > 1 && cy > 1 && cx < innerWidth - 1 && cy < innerHeight - 1) points.push({ x: cx, y: cy, painted: k });
      }
    }
    const step = Math.max(1, Math.floor(points.length / max));
    return { found: points.length, points: points.filter((_, k) => k % step === 0).slice(0, max) };
  }, [names, max]);
}

/**
 * Moves the mouse onto each point from off the map (no outline of a previous hover on top); the
 * points where the tooltip names another territory than the one painted, or names one where none is.
 */
async function disagreements(page, points) {
  const wrong = [];
  let checked = 0;
  for (const p of points) {
    await page.mouse.move(1, 1);
    await page.mouse.move(p.x, p.y);
    const r = await page.evaluate(([x, y]) => {
      const tip = document.querySelector('#carte .tim-tooltip');
      const e = document.elementFromPoint(x, y);
      // Over the zoom buttons or a marker, the pointer is not on the canvas's paint.
      const onMap = !!e?.closest('#carte svg.tim-svg') && !e.matches('circle.tim-marker');
      return { onMap, hovered: tip && !tip.hidden ? tip.textContent : null };
    }, [p.x, p.y]);
    if (!r.onMap) continue;
    checked += 1;
    if (r.hovered !== p.painted) wrong.push({ x: +p.x.toFixed(2), y: +p.y.toFixed(2), painted: p.painted, hovered: r.hovered });
  }
  return { checked, wrong };
}

async function assertHoverMatchesPixels(page, names, what) {
  const { found, points } = await edgePoints(page, names, 700);
  const inside = points.filter((p) => p.painted).length;
  assert.ok(inside > 200, `${what}: too few edge points (${inside} painted, ${points.length - inside} unpainted, of ${found})`);
  const { checked, wrong } = await disagreements(page, points);
  assert.deepEqual(wrong.slice(0, 8), [], `${what}: ${wrong.length} of ${checked} points near edges hover another territory than the canvas paints there`);
}

test('on the canvas, the pointer names the territory painted under it, at the fitted view', async () => {
  const { page, watch, names } = await openCanvas({ width: 1200, height: 800 }, 1);
  await assertHoverMatchesPixels(page, names, 'fitted, ratio 1');
  await assertHealthy(watch);
});

test('on the canvas zoomed in at a device pixel ratio of 2, the pointer still names what is painted', async () => {
  const { page, watch, names } = await openCanvas({ width: 900, height: 600 }, 2);
  await page.locator('button.tim-zoom-in').click();
  await page.locator('button.tim-zoom-in').click();
  // The repaint at the new level of detail comes once the gesture settles.
  await page.waitForTimeout(400);
  await assertHoverMatchesPixels(page, names, 'zoomed, ratio 2');
  await assertHealthy(watch);
});
