// A visitor downloads the map as an image with "Télécharger l'image": the current view as SVG
// (it parses, holds every territory, the legend, the title, the date and the source, and shows
// the view as it was when asked) and as PNG (it decodes at twice the image's size), in both
// renderers, with the mouse and with the keyboard alone, under the strict CSP; and a file whose
// every text is an injection attempt gives an image where each stays text. On the default page,
// the small module holds no image code: the image's own module comes the first time one is asked
// for, once.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, assertHealthy, viewTransform, transformChangedFrom, STATUS } from './harness.mjs';
import { PAYLOADS } from '../fixtures/make-xss.mjs';

let app;
before(async () => {
  app = await start();
});
after(() => app?.close());

/** Clicks `selector` (or presses Enter on it when `key`) and returns the downloaded file. */
async function download(page, selector, { key = false } = {}) {
  const waiting = page.waitForEvent('download', { timeout: 15_000 });
  if (key) {
    await page.focus(selector);
    await page.keyboard.press('Enter');
  } else {
    await page.click(selector);
  }
  const d = await waiting;
  return { name: d.suggestedFilename(), bytes: await readFile(await d.path()) };
}

/** What the browser reads in the SVG file: parse errors, size, territories, texts, view. */
function readSvg(page, text) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      tag: root.tagName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      ids: [...doc.querySelectorAll('path[data-id]')].map((p) => p.getAttribute('data-id')),
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
      view: doc.querySelector('g[transform^="matrix"]')?.getAttribute('transform') ?? null,
      styles: doc.querySelectorAll('style, [class]').length,
    };
  }, text);
}

/** The PNG decoded by the browser: its size in pixels. */
function readPng(page, bytes) {
  return page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    return { width: bitmap.width, height: bitmap.height };
  }, bytes.toString('base64'));
}

/** The default page (the small module, which asks the image's own module) and the full module's two renderers. */
const PAGES = [['default page', ''], ['svg', '?renderer=svg'], ['canvas', '?renderer=canvas']];
const imageModule = (requests) => requests.filter((r) => r.startsWith('/pkg/territoires_export'));

for (const [name, query] of PAGES) {
  test(`${name}: the current view as SVG and as PNG at 2×`, async () => {
    const { page, watch } = await app.open(query, {
    });
    const { requests } = watch;
    const toggle = page.locator('#carte button.tim-export-toggle');
    assert.equal(await toggle.getAttribute('aria-label'), "Télécharger l'image");
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#carte .tim-export-menu').isHidden(), true, 'the formats show once asked for');
    // Zoom in first: the image is the view on screen, not the initial one.
    const before = await viewTransform(page);
    await page.click('#carte button.tim-zoom-in');
    await transformChangedFrom(page, before, 'zooming in');
    const shown = await viewTransform(page);

    assert.deepEqual(imageModule(requests), [], 'nothing of the image before it is asked for');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator('#carte .tim-export-menu').isVisible(), true);
    const svgFile = await download(page, '#carte button.tim-export-svg');
    assert.equal(svgFile.name, 'carte.svg');
    const svg = await readSvg(page, svgFile.bytes.toString('utf8'));
    assert.equal(svg.error, null, 'the SVG parses');
    assert.equal(svg.tag, 'svg');
    assert.equal(svg.styles, 0, 'self-contained: no stylesheet, no class');
    const box = await page.locator('#carte svg.tim-svg').boundingBox();
    assert.ok(Math.abs(svg.width - box.width) < 0.01, `as wide as the view: ${svg.width} vs ${box.width}`);
    assert.ok(svg.height > box.height + 100, 'the view, plus the title, the legend and the source');
    assert.equal(new Set(svg.ids).size, 15, 'every territory');
    assert.equal(svg.view, shown, 'the view as shown when asked');
    const texts = svg.texts.join('\n');
    // The names on the map are in the image too (placed by the same code; a name on two lines
    // is one text on screen, a text per line in the image).
    const squeeze = (t) => t.replace(/\s+/g, '');
    // Once the zoom has settled: the canvas renderer places the names again a moment after.
    await page.waitForFunction(() => !document.querySelector('#carte .tim-labels.tim-moving'));
    await page.waitForTimeout(300);
    const onScreen = await page.$$eval('#carte .tim-labels text.tim-label:not(.tim-key-number)', (ts) => ts.map((t) => t.textContent).filter(Boolean));
    assert.ok(onScreen.length >= 10, `names on the map: ${onScreen}`);
    for (const name of onScreen) assert.ok(squeeze(svg.texts.join('')).includes(squeeze(name)), `the image names « ${name} » too`);
    for (const words of ["Territoires d'industrie en Grand Est", STATUS.signed, STATUS.earlier, STATUS.none,
      'Données au 19 novembre 2019', 'Source : Préfecture de la région Grand Est']) {
      assert.ok(texts.includes(words), `the image says « ${words} »`);
    }

    const pngFile = await download(page, '#carte button.tim-export-png');
    assert.equal(pngFile.name, 'carte.png');
    const small = query === '';
    assert.deepEqual(imageModule(requests).sort(), small ? ['/pkg/territoires_export.js', '/pkg/territoires_export_bg.wasm'] : [],
      small ? "the image's own module, fetched once for both images" : 'the full module writes the image itself');
    const png = await readPng(page, pngFile.bytes);
    assert.deepEqual(png, { width: Math.round(svg.width * 2), height: Math.round(svg.height * 2) });
    // Nothing moved the focus: it is still on the button clicked.
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'tim-export-png');
    await assertHealthy(watch);
  });
}

for (const [name, query] of PAGES) {
  test(`${name}: the territories the list dims are dimmed in the image too`, async () => {
    const { page, watch } = await app.open(query);
    await page.selectOption('#carte .tim-filter', { label: STATUS.none });
    await page.fill('#carte .tim-search', 'moselle');
    const shown = await page.$$eval('#carte .tim-table tbody tr:not([hidden])', (trs) => trs.map((tr) => tr.dataset.id));
    assert.deepEqual(shown, ['moselle-est'], 'the list keeps one territory');
    if (name !== 'canvas') {
      const dimmed = await page.$$eval('#carte path.tim-territory.tim-dimmed', (ps) => ps.length);
      assert.equal(dimmed, 14, 'the map dims the 14 others');
    }
    await page.click('#carte button.tim-export-toggle');
    const file = await download(page, '#carte button.tim-export-svg');
    const paths = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return [...doc.querySelectorAll('path[data-id]')].map((p) => [p.getAttribute('data-id'), p.getAttribute('opacity')]);
    }, file.bytes.toString('utf8'));
    assert.equal(paths.length, 15);
    for (const [id, opacity] of paths) {
      if (id === 'moselle-est') assert.equal(opacity, null, 'the territory the list keeps is drawn whole');
      else assert.equal(opacity, '0.25', `${id} is dimmed as on the map (map.css: .tim-dimmed)`);
    }
    // The PNG is drawn from that same document.
    const png = await download(page, '#carte button.tim-export-png');
    assert.ok((await readPng(page, png.bytes)).width > 0, 'the PNG decodes');
    // Clearing the filter clears the dimming in the next image.
    await page.fill('#carte .tim-search', '');
    await page.selectOption('#carte .tim-filter', '');
    const again = await download(page, '#carte button.tim-export-svg');
    assert.ok(!again.bytes.toString('utf8').includes('opacity="0.25"'), 'no territory dimmed');
    await assertHealthy(watch);
  });
}

test('the keyboard alone opens the menu and downloads, and the focus stays put', async () => {
  const { page, watch } = await app.open('');
  // Tab order: the zoom buttons, full screen, then the image's toggle.
  await page.focus('#carte button.tim-reset');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'tim-fullscreen');
  await page.keyboard.press('Tab');
  const active = () => page.evaluate(() => document.activeElement?.className);
  assert.equal(await active(), 'tim-export-toggle');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#carte .tim-export-toggle').getAttribute('aria-expanded'), 'true');
  assert.equal(await active(), 'tim-export-toggle', 'opening the menu leaves the focus on the toggle');
  await page.keyboard.press('Tab');
  assert.equal(await active(), 'tim-export-svg');
  const svgFile = await download(page, '#carte button.tim-export-svg', { key: true });
  assert.equal((await readSvg(page, svgFile.bytes.toString('utf8'))).error, null);
  await page.keyboard.press('Tab');
  assert.equal(await active(), 'tim-export-png');
  const pngFile = await download(page, '#carte button.tim-export-png', { key: true });
  assert.ok((await readPng(page, pngFile.bytes)).width > 0);
  // Space closes it again, from the toggle.
  await page.focus('#carte button.tim-export-toggle');
  await page.keyboard.press('Space');
  const toggle = page.locator('#carte .tim-export-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'Space closes the menu');
  assert.equal(await page.locator('#carte .tim-export-menu').isHidden(), true);
  assert.equal(await active(), 'tim-export-toggle');
  await assertHealthy(watch);
});

test('the injection corpus stays text in the exported image, as SVG and as PNG', async () => {
  const src = `?src=${encodeURIComponent('/__fixtures/bad-xss-payloads.geojson')}`;
  const dialogs = [];
  const { page, watch } = await app.open(src, {
    prepare: async (p) => {
      p.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
    },
  });
  await page.click('#carte button.tim-export-toggle');
  const file = await download(page, '#carte button.tim-export-svg');
  const found = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const all = [...doc.querySelectorAll('*')];
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      tags: [...new Set(all.map((e) => e.localName))].sort(),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}[${a.name}]`)),
      hrefs: all.flatMap((e) => [...e.attributes].filter((a) => /href$/i.test(a.name)).map((a) => a.value)),
      titles: [...doc.querySelectorAll('path > title')].map((t) => t.textContent),
    };
  }, file.bytes.toString('utf8'));
  assert.equal(found.error, null, 'the SVG parses');
  assert.deepEqual(found.tags, ['clipPath', 'defs', 'g', 'path', 'pattern', 'rect', 'svg', 'text', 'title'],
    'only the elements the image is made of');
  assert.deepEqual(found.handlers, []);
  assert.deepEqual(found.hrefs, []);
  assert.equal(found.titles.length, PAYLOADS.length, 'every territory');
  for (const p of PAYLOADS) {
    const squished = p.replace(/\s+/g, ' ').trim();
    assert.ok(found.titles.some((t) => t.replace(/\s+/g, ' ').includes(squished)), `as text: ${p}`);
  }
  const png = await download(page, '#carte button.tim-export-png');
  assert.ok((await readPng(page, png.bytes)).width > 0, 'the PNG decodes');
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no payload ran');
  await assertHealthy(watch);
});

test('in dark mode the exported image stays light, as printed', async () => {
  const { page, watch } = await app.open('', { prepare: (p) => p.emulateMedia({ colorScheme: 'dark' }) });
  await page.click('#carte .tim-export-toggle');
  const file = await download(page, '#carte button.tim-export-svg');
  const text = file.bytes.toString('utf8');
  // The background of the image and the region's fill are the light theme's.
  assert.match(text, /fill="#fbfbfb"/);
  assert.doesNotMatch(text, /#30363d|#16191d|#0f1a24|brightness/);
  await assertHealthy(watch);
});
