// A visitor sees the same background map whether the territories are drawn in SVG or on a canvas
// (`?renderer=`): countries, departments and the region outline with the same colours, stroke
// widths on screen and dashes (department borders are dashed in both). The SVG side is read from
// the computed style of its context paths; the canvas side from the strokes and fills the page
// asks of the map's canvas (recorded by wrapping CanvasRenderingContext2D before the page runs).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy } from './harness.mjs';

let app;
before(async () => {
  app = await start();
});
after(() => app?.close());

/** `rgb(138, 146, 156)` or `#8a929c` → [138, 146, 156]. */
function rgb(colour) {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour.trim());
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16));
  const m = /^rgba?\(([^)]*)\)$/.exec(colour.trim());
  assert.ok(m, `a colour: ${colour}`);
  return m[1].split(',').slice(0, 3).map((v) => Math.round(Number(v)));
}

const round = (x) => Math.round(x * 100) / 100;

/** What the SVG renderer shows of each context layer: fill, stroke, width and dashes in CSS px. */
async function svgLayers(page) {
  return page.$$eval('#carte path.tim-context', (paths) => {
    const layers = {};
    for (const p of paths) {
      const layer = [...p.classList].find((c) => c.startsWith('tim-context-')).slice('tim-context-'.length);
      const s = getComputedStyle(p);
      const dash = s.strokeDasharray === 'none' ? [] : s.strokeDasharray.split(/[ ,]+/).map(parseFloat);
      layers[layer] = { fill: s.fill, stroke: s.stroke, width: parseFloat(s.strokeWidth), dash };
    }
    return layers;
  });
}

/** Records every stroke and fill on the map's canvas, widths and dashes in CSS pixels. */
function recordCanvas() {
  const proto = CanvasRenderingContext2D.prototype;
  const calls = (window.__canvasCalls = []);
  const onMap = (ctx) => ctx.canvas.classList?.contains('tim-canvas');
  for (const kind of ['stroke', 'fill']) {
    const original = proto[kind];
    proto[kind] = function (...args) {
      if (onMap(this)) {
        // The map's transform scales path units to device pixels; the canvas's width over its
        // CSS width turns device pixels back into CSS pixels.
        const scale = Math.hypot(this.getTransform().a, this.getTransform().b);
        const dpr = this.canvas.width / this.canvas.getBoundingClientRect().width;
        const css = (v) => (v * scale) / dpr;
        calls.push(kind === 'stroke'
          ? { kind, style: String(this.strokeStyle), width: css(this.lineWidth), dash: this.getLineDash().map(css) }
          : { kind, style: String(this.fillStyle) });
      }
      return original.apply(this, args);
    };
  }
}

test('the background map has the same colours, widths and dashes in SVG and on the canvas', async () => {
  const { page: svgPage, watch: svgWatch } = await app.open('?renderer=svg');
  assert.equal(await svgPage.getAttribute('#carte', 'data-renderer'), 'svg');
  const svg = await svgLayers(svgPage);
  assert.deepEqual(Object.keys(svg).sort(), ['country', 'department', 'region'], 'the three layers are drawn in SVG');
  assert.ok(svg.department.dash.length >= 2, `department borders are dashed in SVG: ${JSON.stringify(svg.department)}`);
  await assertHealthy(svgWatch);

  const { page, watch } = await app.open('?renderer=canvas', { state: null });
  await page.addInitScript(recordCanvas);
  await page.reload();
  await page.waitForSelector('#carte[data-state="ready"]');
  await page.waitForFunction(() => window.__canvasCalls?.some((c) => c.kind === 'stroke'));
  assert.equal(await page.getAttribute('#carte', 'data-renderer'), 'canvas');
  assert.equal(await page.locator('#carte path.tim-context').count(), 0, 'no SVG context paths under the canvas');
  const calls = await page.evaluate(() => window.__canvasCalls);

  for (const [layer, look] of Object.entries(svg)) {
    const strokes = calls.filter((c) => c.kind === 'stroke' && rgb(c.style).join() === rgb(look.stroke).join());
    assert.ok(strokes.length > 0, `${layer}: the canvas strokes in ${look.stroke}`);
    for (const s of strokes) {
      assert.equal(round(s.width), round(look.width), `${layer}: stroke width on screen`);
      assert.deepEqual(s.dash.map(round), look.dash.map(round), `${layer}: dashes on screen`);
    }
    if (look.fill !== 'none') {
      assert.ok(calls.some((c) => c.kind === 'fill' && rgb(c.style).join() === rgb(look.fill).join()),
        `${layer}: the canvas fills in ${look.fill}`);
    }
  }
  await assertHealthy(watch);
});
