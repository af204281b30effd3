// A visitor whose system is in dark mode, or a host that forces a theme: the page, the iframe and
// the element are dark before any script and stay readable (axe: see checks-accessibility-with-
// axe), the status fills keep 3:1 against the dark map, printing stays light; ?theme=, the
// element's theme attribute and the host's data-fr-theme (the State's design system) switch it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(() => app?.close());

const dark = (page) => page.emulateMedia({ colorScheme: 'dark' });
/** Relative luminance (WCAG) of an `rgb(r, g, b)` or `#rrggbb` colour. */
function luminance(css) {
  const hex = css.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
  const c = hex ? hex.slice(1).map((h) => parseInt(h, 16)) : css.match(/[\d.]+/g).slice(0, 3).map(Number);
  const [r, g, b] = c.map((v) => v / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m); return (x + 0.05) / (y + 0.05); };
/** The colours that matter, as computed: page, stage, background areas, text. */
const colours = (page, root = '#carte') => page.evaluate((root) => {
  const q = (s) => document.querySelector(`${root} ${s}`);
  const cs = (el) => getComputedStyle(el);
  return {
    body: cs(document.body).backgroundColor,
    text: cs(document.querySelector(root)).color,
    stage: cs(q('.tim-stage')).backgroundColor,
    department: cs(q('.tim-context-department')).fill,
    country: cs(q('.tim-context-country')).fill,
    filter: cs(q('.tim-territories')).filter,
    // Each status's fill, as the data gives it (the pattern's base colour).
    statuses: [...document.querySelectorAll(`${root} defs pattern:not([id$="l"]) > rect`)].map((r) => r.getAttribute('fill')),
  };
}, root);
const isDark = (c) => luminance(c) < 0.05;

test('a visitor in dark mode: dark before any script, the fills lightened to keep 3:1, light again when printed', async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const { page, watch } = await app.open('', {
    state: null,
    prepare: async (p) => { await dark(p); await p.route(/\.wasm$/, async (route) => { await held; await route.continue(); }); },
  });
  await page.waitForSelector('#carte .tim-pre .tim-territories a');
  const before = await colours(page);
  assert.equal(await page.evaluate(() => document.querySelector('#carte').dataset.state), 'loading', 'no module yet');
  for (const k of ['body', 'stage', 'department', 'country']) assert.ok(isDark(before[k]), `${k}: ${before[k]}`);
  assert.ok(contrast(before.text, before.body) >= 7, `text ${before.text} on ${before.body}`);
  // CSS brightness(): each channel times the factor, clamped.
  const factor = Number(before.filter.match(/brightness\(([\d.]+)\)/)?.[1]);
  assert.ok(factor > 1, `the fills are lightened: ${before.filter}`);
  const lit = (hex) => `rgb(${hex.match(/[0-9a-f]{2}/gi).map((h) => Math.min(255, Math.round(parseInt(h, 16) * factor))).join(', ')})`;
  for (const s of new Set(before.statuses)) {
    for (const k of ['stage', 'department', 'country']) assert.ok(contrast(lit(s), before[k]) >= 3, `${s} lightened to ${lit(s)} against ${k} ${before[k]}: ${contrast(lit(s), before[k]).toFixed(2)}`);
  }
  release();
  await page.waitForFunction(() => document.querySelector('#carte').dataset.state === 'ready');
  assert.deepEqual(await colours(page), before, 'the module changes no colour');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const printed = await colours(page);
  assert.ok(!isDark(printed.body) && !isDark(printed.department) && printed.filter === 'none', JSON.stringify(printed));
  await assertHealthy(watch);
});

test('?theme= forces either theme on the page and the iframe, whatever the system says', async () => {
  for (const [query, system, want] of [['?theme=dark', 'light', true], ['?theme=light', 'dark', false], ['embed.html?theme=dark', 'light', true], ['embed.html?theme=light', 'dark', false]]) {
    const { page, watch } = await app.open(query.startsWith('?') ? query : query, { prepare: (p) => p.emulateMedia({ colorScheme: system }) });
    const c = await colours(page);
    assert.equal(isDark(c.body) && isDark(c.stage), want, `${query} (system ${system}): ${JSON.stringify(c)}`);
    await assertHealthy(watch);
    await page.close();
  }
});

test("the element: its theme attribute, else the host's data-fr-theme, followed as it changes", async () => {
  const { page, watch } = await app.open('demo.html', { state: null });
  await page.waitForFunction(() => document.querySelector('#carte-element')?.dataset.state === 'ready');
  const stage = () => page.evaluate(() => {
    const el = document.querySelector('#carte-element');
    const s = (el.shadowRoot?.querySelector('.tim-stage') && el.querySelector('.tim-stage')) || el.shadowRoot?.querySelector('.tim-stage') || el.querySelector('.tim-stage');
    return getComputedStyle(s).backgroundColor;
  });
  assert.ok(!isDark(await stage()), 'light by default on a light system');
  await page.evaluate(() => document.documentElement.setAttribute('data-fr-theme', 'dark'));
  await page.waitForFunction(() => true);
  assert.ok(isDark(await stage()), "the host's data-fr-theme=dark");
  await page.evaluate(() => document.documentElement.setAttribute('data-fr-theme', 'light'));
  assert.ok(!isDark(await stage()), 'and back to light with it');
  await page.evaluate(() => document.querySelector('#carte-element').setAttribute('theme', 'dark'));
  assert.ok(isDark(await stage()), 'theme="dark" wins over the host');
  await page.evaluate(() => document.querySelector('#carte-element').setAttribute('theme', 'auto'));
  assert.ok(!isDark(await stage()), 'theme="auto": the host again');
  await assertHealthy(watch);
});

test('the canvas renderer paints the dark theme too: dark background, the fills lightened as the SVG does', async () => {
  // What the SVG's classes get in the dark, on the page the SVG draws.
  const svgPage = await app.open('', { prepare: dark });
  const c = await colours(svgPage.page);
  await svgPage.page.close();
  const { page, watch } = await app.open('?renderer=canvas', { prepare: dark });
  assert.equal(await page.getAttribute('#carte', 'data-renderer'), 'canvas');
  await page.waitForTimeout(400);
  // The canvas's own pixels: mostly dark, and the colours of its background areas are those the
  // SVG's classes get in the dark.
  const seen = await page.evaluate(() => {
    const c = document.querySelector('#carte canvas.tim-canvas');
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const counts = new Map();
    let dark = 0, painted = 0;
    for (let i = 0; i < px.length; i += 4 * 7) {
      if (px[i + 3] < 255) continue;
      painted++;
      const lum = (0.2126 * px[i] + 0.7152 * px[i + 1] + 0.0722 * px[i + 2]) / 255;
      if (lum < 0.25) dark++;
      const key = `rgb(${px[i]}, ${px[i + 1]}, ${px[i + 2]})`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k]) => k);
    return { share: dark / painted, top };
  });
  assert.ok(seen.share > 0.3, `the canvas is mostly dark where it paints: ${JSON.stringify(seen)}`);
  assert.ok(seen.top.includes(c.department) || seen.top.includes(c.country), `${c.department} or ${c.country} among ${seen.top}`);
  // Signed on 19 Nov 2019 (#00666b, most of the region), lightened ×1.7 as map.css does: rgb(0,
  // 173, 182), within the canvas filter's rounding.
  const near = (rgb) => { const [r, g, b] = rgb.match(/\d+/g).map(Number); return Math.abs(r) <= 2 && Math.abs(g - 173) <= 2 && Math.abs(b - 182) <= 2; };
  assert.ok(seen.top.some(near), `the lightened fill among ${seen.top}`);
  await assertHealthy(watch);
});
