// A region loads its own file of 150 areas, many of them small: the EPCIs of the Grand Est,
// written by `ti-data epcis` from the pinned sources into target/labels/ (`make test` writes it;
// not committed). On a 1280 px screen: the round markers of areas too small to click never
// overlap, each one that stepped aside is joined to its area by a line, a click in the middle of
// each of the 12 smallest areas (on its marker, or where its marker's line ends) opens that area's
// card at once, and the names written (a map of more than
// 40 areas gets no numbers and no names outside) do not overlap. On a 390 px phone the markers
// still never overlap (those with no room left are not drawn: their area stays under a click).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { start, assertHealthy, nameOf, pointInside, repoRoot } from './harness.mjs';

const FILE = path.join(repoRoot, 'target/labels/epci-grand-est.geojson');
const skip = existsSync(FILE) ? false : `${FILE} is missing: \`make test\` writes it with ti-data epcis (it needs \`make data-sources\`)`;

let app;
before(async () => { if (!skip) app = await start({ mounts: [`/__labels=${path.dirname(FILE)}`] }); });
after(() => app?.close());

test('the markers of small areas never overlap and a click in the middle of each of the 12 smallest opens its card', { skip }, async () => {
  const { page, watch } = await app.open('?src=/__labels/epci-grand-est.geojson', { viewport: { width: 1280, height: 900 } });
  await page.evaluate(() => document.querySelector('#carte .tim-stage').scrollIntoView({ block: 'end' }));
  await page.waitForTimeout(300);
  const m = await page.evaluate(() => {
    const svg = document.querySelector('#carte svg.tim-svg');
    const at = (el, x, y) => { const c = el.getScreenCTM(); return { x: c.a * x + c.c * y + c.e, y: c.b * x + c.d * y + c.f }; };
    const circles = [...svg.querySelectorAll('.tim-markers circle')].map((c) => ({
      id: c.getAttribute('data-id'), ...at(c, +c.getAttribute('cx'), +c.getAttribute('cy')), r: c.getBoundingClientRect().width / 2,
    }));
    const linesEl = svg.querySelector('.tim-marker-lines');
    const lines = [...(linesEl?.getAttribute('d') ?? '').matchAll(/M([-\d.]+) ([-\d.]+)L([-\d.]+) ([-\d.]+)/g)]
      .map(([, a, b, c, d]) => ({ from: at(linesEl, +a, +b), to: at(linesEl, +c, +d) }));
    const areas = [...svg.querySelectorAll('path.tim-territory')].map((p) => {
      const r = p.getBoundingClientRect();
      return { id: p.getAttribute('data-id'), size: r.width * r.height, name: p.getAttribute('aria-label') };
    });
    const labels = [...svg.querySelectorAll('.tim-labels text')].filter((t) => t.textContent).map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent, box: [r.left, r.top, r.right, r.bottom], outside: t.matches('.tim-label-outside, .tim-key-number') };
    });
    return { circles, lines, areas, labels };
  });
  assert.equal(m.areas.length, 150, 'the 150 EPCIs are drawn');
  assert.ok(m.circles.length >= 5, `markers for the small areas: ${m.circles.length}`);
  for (const [k, a] of m.circles.entries()) {
    for (const b of m.circles.slice(k + 1)) {
      assert.ok(Math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r - 0.5, `the markers of ${a.id} and ${b.id} overlap`);
    }
  }
  // Where each small area's middle is: the end of its marker's line, or its marker's centre.
  const middle = (c) => m.lines.find((l) => Math.hypot(l.from.x - c.x, l.from.y - c.y) <= c.r + 1)?.to ?? { x: c.x, y: c.y };
  const smallest = [...m.areas].sort((a, b) => a.size - b.size).slice(0, 12);
  for (const area of smallest) {
    // Its middle when it has a marker; else (24 px or more each way) a point well inside it.
    const marker = m.circles.find((c) => c.id === area.id);
    const p = marker ? middle(marker) : await pointInside(page, area.id);
    assert.ok(p, `a point of ${area.name} to click`);
    await page.mouse.click(p.x, p.y);
    await page.waitForSelector('#carte .tim-panel:not([hidden]) .tim-panel-title', { timeout: 3000 }).catch(async () => {
      const under = await page.evaluate(({ x, y }) => document.elementsFromPoint(x, y).slice(0, 3).map((e) => `${e.tagName}.${e.getAttribute('class')} ${e.getAttribute('data-id') ?? ''}`), p);
      assert.fail(`a click in the middle of ${area.name} at (${p.x.toFixed(0)}, ${p.y.toFixed(0)}) opened no card; under it: ${under}`);
    });
    assert.equal((await page.textContent('#carte .tim-panel:not([hidden]) .tim-panel-title')).trim(), nameOf(area.name), `a click in the middle of ${area.name}`);
    await page.keyboard.press('Escape');
    // Two clicks in quick succession are a double click, which zooms: a visitor's pause.
    await page.waitForTimeout(600);
  }
  assert.ok(m.labels.every((l) => !l.outside), 'more than 40 areas: names inside only, no numbers');
  for (const [k, a] of m.labels.entries()) {
    for (const b of m.labels.slice(k + 1)) {
      const apart = a.box[2] <= b.box[0] || b.box[2] <= a.box[0] || a.box[3] <= b.box[1] || b.box[3] <= a.box[1];
      assert.ok(apart, `"${a.text}" and "${b.text}" overlap`);
    }
  }
  await assertHealthy(watch);
});

test('on a 390 px phone, crowded with 150 areas, markers still never overlap', { skip }, async () => {
  const { page, watch } = await app.open('?src=/__labels/epci-grand-est.geojson', { viewport: { width: 390, height: 844 } });
  await page.evaluate(() => document.querySelector('#carte .tim-stage').scrollIntoView({ block: 'end' }));
  await page.waitForTimeout(300);
  const circles = await page.$$eval('#carte .tim-markers circle', (cs) => cs.map((c) => {
    const r = c.getBoundingClientRect();
    return { id: c.getAttribute('data-id'), x: r.x + r.width / 2, y: r.y + r.height / 2, r: r.width / 2 };
  }));
  assert.ok(circles.length >= 10, `markers on the phone: ${circles.length}`);
  for (const [k, a] of circles.entries()) {
    for (const b of circles.slice(k + 1)) {
      assert.ok(Math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r - 0.5, `the markers of ${a.id} and ${b.id} overlap`);
    }
  }
  await assertHealthy(watch);
});
