// A reader sees the pre-rendered map at once; when the WebAssembly module has loaded, it adopts
// that map as it is: the same elements (territories, labels, legend, list rows), the same pixels
// on screen, no layout shift (the browser's own `layout-shift` entries), and what the reader did
// meanwhile (a card opened through a pre-rendered link, a territory focused, a search typed in
// the list) is still there, now the module's. The map changes only when the reader moves it. The
// default page downloads no GeoJSON: its data and shapes are in the page (src/hydrate/page.rs).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, waitForState, assertHealthy, squish, framesPassed, artifactsDir } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(() => app?.close());

/** Opens the page with the module's download held until `release()`, layout shifts recorded. */
async function openHeld(query = '', viewport = undefined) {
  let release;
  const held = new Promise((r) => { release = r; });
  const { page, watch } = await app.open(query, {
    state: null,
    viewport,
    prepare: async (page) => {
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            const nodes = (e.sources ?? []).map((s) => s.node && (s.node.className?.baseVal ?? s.node.className ?? s.node.nodeName));
            window.__shifts.push({ value: e.value, nodes });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
    },
  });
  await page.waitForSelector('#carte .tim-pre .tim-territories a');
  return { page, watch, release };
}

/** Tags every element of the map with a property: an element the module rebuilt has none. */
const tag = (page) => page.evaluate(() => {
  for (const el of document.querySelectorAll('#carte *')) el.__pre = true;
});

/**
 * The selectors that find no element, or one the module made that shows something (the module
 * adds an empty label for each name the pre-render could not place, to place it at other zooms).
 */
const rebuilt = (page, selectors) => page.evaluate((sels) => {
  const shows = (el) => el.textContent !== '' || el.children.length > 0 || el.hasAttribute('d');
  return sels.filter((s) => !document.querySelector(s) || [...document.querySelectorAll(s)].some((el) => !el.__pre && shows(el)));
}, selectors);

/**
 * What the screen shows (PNG bytes of the viewport: an element's screenshot taller than the
 * viewport resizes it, which the layout-shift observer would count).
 */
const pixels = async (page) => {
  await framesPassed(page);
  return page.screenshot({ animations: 'disabled', caret: 'hide' });
};

/** Fails, keeping both screenshots in artifacts/, unless the screen still shows `before`. */
async function assertSamePixels(page, before, name) {
  const now = await pixels(page);
  if (before.equals(now)) return;
  fs.mkdirSync(artifactsDir, { recursive: true });
  fs.writeFileSync(path.join(artifactsDir, `${name}-before.png`), before);
  fs.writeFileSync(path.join(artifactsDir, `${name}-after.png`), now);
  assert.fail(`the screen changed when the module became ready (artifacts/${name}-*.png)`);
}

const KEPT = ['#carte svg.tim-svg', '#carte path.tim-territory', '#carte .tim-context', '#carte text.tim-label',
  '#carte pattern', '#carte .tim-legend li', '#carte .tim-table tbody tr', '#carte .tim-controls button', '#carte .tim-header li'];

test('the module adopts the pre-rendered map: same elements, same pixels, no layout shift', async () => {
  const { page, watch, release } = await openHeld();
  await page.waitForTimeout(300);
  await tag(page);
  const shown = await pixels(page);
  assert.equal(await page.evaluate(() => document.querySelector('#carte').dataset.state), 'loading');
  release();
  await waitForState(page, 'ready');
  await page.waitForTimeout(300);
  assert.deepEqual(await rebuilt(page, KEPT), [], 'elements the module drew again');
  assert.equal(await page.locator('#carte path.tim-territory[role="button"]').count(), 15, 'the territories are buttons now');
  assert.equal(await page.locator('#carte .tim-territories a').count(), 0, 'no links left around them');
  assert.equal(await page.locator('#carte path.tim-territory[tabindex="0"]').count(), 1, 'one tab stop');
  assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'layout shifts');
  await assertSamePixels(page, shown, 'adopted');
  // The observer does see a shift when there is one: a block pushed in above the map.
  await page.evaluate(() => document.querySelector('#carte').before(Object.assign(document.createElement('p'), { textContent: 'x' })));
  await page.waitForTimeout(300);
  assert.ok((await page.evaluate(() => window.__shifts)).length > 0, 'a real shift is recorded');
  await assertHealthy(watch);
});

test('the adopted map works: hover, click, zoom, and the first zoom starts from what is shown', async () => {
  const { page, watch, release } = await openHeld();
  release();
  await waitForState(page, 'ready');
  const box = await page.locator('#carte path.tim-territory[data-id="vosges"]').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('#carte .tim-tooltip:not([hidden])');
  // Zoom in about the stage's centre: the centre of the picture stays where it was.
  const stage = await page.locator('#carte svg.tim-svg').boundingBox();
  const centre = () => page.evaluate(([x, y]) => {
    const p = document.elementFromPoint(x, y);
    return p?.dataset?.id ?? null;
  }, [stage.x + stage.width / 2, stage.y + stage.height / 2]);
  const before = await centre();
  const vosges = await page.locator('#carte path.tim-territory[data-id="vosges"]').boundingBox();
  await page.click('#carte .tim-zoom-in');
  await page.waitForFunction(() => !document.querySelector('#carte svg.tim-svg').hasAttribute('viewBox'));
  await framesPassed(page);
  assert.equal(await centre(), before, 'the same territory under the centre');
  const zoomed = await page.locator('#carte path.tim-territory[data-id="vosges"]').boundingBox();
  assert.ok(zoomed.width > vosges.width * 1.2, `zoomed in: ${vosges.width} → ${zoomed.width}`);
  await page.click('#carte .tim-reset');
  await framesPassed(page);
  const reset = await page.locator('#carte path.tim-territory[data-id="vosges"]').boundingBox();
  assert.ok(Math.abs(reset.width - vosges.width) < vosges.width * 0.05, `back to the start: ${vosges.width} vs ${reset.width}`);
  await page.click('#carte path.tim-territory[data-id="vosges"]', { position: { x: reset.width / 2, y: reset.height / 2 } });
  assert.equal(squish(await page.locator('#carte .tim-panel:not([hidden]) .tim-panel-title').textContent()), 'Vosges');
  await assertHealthy(watch);
});

test('a card opened before the module was ready stays open, the same pixels, no layout shift', async () => {
  const { page, watch, release } = await openHeld();
  await page.click('#carte .tim-pre a[href="#territoire=moselle-est"] >> nth=0', { force: true });
  assert.equal(await page.evaluate(() => document.querySelector('.tim-card:target')?.id), 'territoire=moselle-est');
  await page.mouse.move(0, 0);
  await tag(page);
  const clip = await page.locator('#carte .tim-card:target').boundingBox();
  const card = await page.screenshot({ clip });
  await page.evaluate(() => { document.querySelector('.tim-card:target').__before = true; });
  release();
  await waitForState(page, 'ready');
  await page.waitForTimeout(300);
  const panel = page.locator('#carte .tim-panel:not([hidden])');
  assert.equal(await panel.count(), 1);
  assert.equal(squish(await panel.locator('.tim-panel-title').textContent()), 'Moselle Est');
  assert.ok(await panel.evaluate((el) => el.__before === true && el.id === 'territoire=moselle-est'), 'the pre-rendered card itself stays open');
  assert.equal(await page.locator('#carte .tim-card[hidden]').count(), 14, 'the other cards are the module\'s to show');
  assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'layout shifts');
  assert.deepEqual(await panel.boundingBox(), clip, 'the card where it was');
  const now = await page.screenshot({ clip });
  if (!card.equals(now)) { fs.mkdirSync(artifactsDir, { recursive: true }); fs.writeFileSync(path.join(artifactsDir, 'card-before.png'), card); fs.writeFileSync(path.join(artifactsDir, 'card-after.png'), now); }
  assert.ok(card.equals(now), 'the card shows as it was (artifacts/card-*.png)');
  // The map is the pre-rendered one still; the module only outlines the open territory, which
  // the pre-rendered page cannot (its card is `:target`, not the territory).
  assert.ok(await page.locator('#carte svg.tim-svg[viewBox]').count(), 'the view box is kept');
  assert.deepEqual(await rebuilt(page, KEPT), []);
  assert.equal(await page.evaluate(() => document.querySelector('#carte path.tim-selected')?.dataset.id), 'moselle-est');
  // Another territory opens its own pre-rendered card, and the first one hides.
  await page.click('#carte .tim-table button.tim-list-select >> text=Vosges');
  assert.deepEqual(await page.$$eval('#carte .tim-panel:not([hidden])', (l) => l.map((c) => c.id)), ['territoire=vosges']);
  await page.click('#carte .tim-panel:not([hidden]) button.tim-close');
  assert.equal(await page.locator('#carte .tim-panel:not([hidden])').count(), 0, 'closed by its button');
  assert.equal(await page.evaluate(() => location.hash), '#territoire=moselle-est', 'closing goes nowhere');
  await assertHealthy(watch);
});

test('the card, the legend and the list rows are the pre-rendered ones, written by the same description', async () => {
  const { page, watch, release } = await openHeld();
  await page.click('#carte .tim-pre a[href="#territoire=vosges"] >> nth=0', { force: true });
  // The markup as written, the card title's id set aside.
  const read = () => page.evaluate(() => {
    const norm = (el) => el ? el.innerHTML.replace(/ id="tim0-title[^"]*"/, '') : null;
    const root = document.querySelector('#carte');
    const card = root.querySelector('.tim-panel:not([hidden]):is(:target, .tim-card-open, :not(.tim-card)) .tim-panel-body');
    const rows = [...root.querySelectorAll('.tim-table tbody tr')].map((tr) =>
      [tr.dataset.id, tr.querySelector('th').textContent, ...[...tr.querySelectorAll('td')].map(norm)]);
    return { card: norm(card), legend: norm(root.querySelector('.tim-legend ul')), rows };
  });
  const before = await read();
  assert.match(before.card ?? '', /Vosges/);
  release();
  await waitForState(page, 'ready');
  const after = await read();
  assert.equal(after.card, before.card, "the card shown is the pre-rendered one, as it was");
  assert.equal(after.legend, before.legend);
  assert.equal(after.rows.length, 15);
  assert.deepEqual(after.rows, before.rows);
  // The names of the rows show their territory on the map now.
  await page.click('#carte .tim-table button.tim-list-select >> text=Vosges');
  assert.equal(await page.evaluate(() => document.querySelector('#carte path.tim-selected')?.dataset.id), 'vosges');
  await assertHealthy(watch);
});

test('a territory focused by keyboard before the module was ready keeps the focus, now the module\'s', async () => {
  const { page, watch, release } = await openHeld();
  await page.locator('#carte .tim-pre a[href="#territoire=val-de-lorraine"]').focus();
  release();
  await waitForState(page, 'ready');
  const now = await page.evaluate(() => ({ id: document.activeElement?.dataset?.id, role: document.activeElement?.getAttribute('role'), tab: document.activeElement?.getAttribute('tabindex') }));
  assert.deepEqual(now, { id: 'val-de-lorraine', role: 'button', tab: '0' });
  await page.keyboard.press('Enter');
  assert.equal(squish(await page.locator('#carte .tim-panel:not([hidden]) .tim-panel-title').textContent()), 'Val de Lorraine');
  await assertHealthy(watch);
});

test('a search typed before the module was ready applies once it is: rows and map', async () => {
  const { page, watch, release } = await openHeld();
  await page.fill('#carte .tim-search', 'vosges');
  release();
  await waitForState(page, 'ready');
  await page.waitForFunction(() => document.querySelectorAll('#carte .tim-table tbody tr:not([hidden])').length === 1);
  assert.equal(await page.inputValue('#carte .tim-search'), 'vosges', 'what was typed is still there');
  assert.equal(await page.locator('#carte path.tim-territory.tim-dimmed').count(), 14);
  await assertHealthy(watch);
});

test('on a phone too, nothing on screen changes and nothing shifts when the module is ready', async () => {
  const { page, watch, release } = await openHeld('', { width: 390, height: 844 });
  await page.waitForTimeout(300);
  const shown = await pixels(page);
  release();
  await waitForState(page, 'ready');
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'layout shifts');
  await assertSamePixels(page, shown, 'phone');
  // The first zoom hands the view to the module; the stage keeps its size.
  const stage = await page.locator('#carte .tim-stage').boundingBox();
  await page.click('#carte .tim-zoom-in');
  await page.waitForFunction(() => !document.querySelector('#carte svg.tim-svg').hasAttribute('viewBox'));
  await framesPassed(page);
  const now = await page.locator('#carte .tim-stage').boundingBox();
  assert.ok(Math.abs(now.height - stage.height) <= 1, `stage height ${stage.height} → ${now.height}`);
  await assertHealthy(watch);
});

test('the default page downloads no GeoJSON: the data and shapes the map needs are in the page', async () => {
  const urls = [];
  const { page, watch } = await app.open('', { prepare: (page) => page.on('request', (r) => urls.push(new URL(r.url()).pathname)) });
  assert.deepEqual(urls.filter((u) => u.endsWith('.geojson')), [], 'GeoJSON downloaded');
  // Zoomed, the module places the names itself, on the shapes it read from the page.
  await page.click('#carte .tim-zoom-in');
  await page.waitForFunction(() => !document.querySelector('#carte svg.tim-svg').hasAttribute('viewBox'));
  const named = await page.$$eval('#carte text.tim-label', (ts) => ts.filter((t) => t.textContent).length);
  assert.ok(named >= 5, `${named} names at the first zoom`);
  assert.deepEqual(urls.filter((u) => u.endsWith('.geojson')), [], 'GeoJSON downloaded');
  await assertHealthy(watch);
});

/** Opens the default page with its HTML changed by `edit` (a page edited by hand), noting the
 * path of every request. */
async function openEdited(edit) {
  const urls = [];
  const opened = await app.open('', {
    prepare: async (page) => {
      page.on('request', (r) => urls.push(new URL(r.url()).pathname));
      await page.route((url) => url.pathname === '/', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: edit(await response.text()) });
      });
    },
  });
  return { ...opened, urls };
}

test('a page whose copy of the data is damaged or unsafe gets the full module, which downloads the file and still adopts the map', async () => {
  // Not JSON; JSON the loader would not have let through (a link that is not http(s)).
  const damages = [['class="tim-data">{', 'class="tim-data">{"damaged'], ['"url":"https://', '"url":"javascript:alert(1)//']];
  for (const [from, to] of damages) {
    const { page, watch, urls } = await openEdited((html) => html.replace(from, to));
    assert.ok(urls.includes('/pkg/territoires_map_bg.wasm'), `the full module: ${urls.join(' ')}`);
    assert.ok(urls.includes('/data/territoires-grand-est.geojson'), urls.join(' '));
    assert.equal(await page.locator('#carte .tim-territories a').count(), 0, 'adopted');
    assert.equal(await page.locator('#carte svg.tim-svg[viewBox]').count(), 1, 'the pre-rendered picture kept');
    assert.equal(await page.locator('#carte path.tim-territory[role="button"]').count(), 15);
    assert.equal(await page.locator('#carte a[href^="javascript:"]').count(), 0);
    await assertHealthy(watch);
    await page.close();
  }
});

test('a page whose drawing does not show its copy of the data gets the full module, which draws the map again', async () => {
  // The first territory drawn with another status than its data says.
  const { page, watch, urls } = await openEdited((html) => html.replace(/(data-index="0" data-status=")[^"]*"/, '$1edited"'));
  assert.ok(urls.includes('/pkg/territoires_map_small_bg.wasm'), 'the small module reads the page first');
  assert.ok(urls.includes('/pkg/territoires_map_bg.wasm'), `then gives way to the full module: ${urls.join(' ')}`);
  assert.ok(urls.includes('/data/territoires-grand-est.geojson'), urls.join(' '));
  assert.equal(await page.locator('#carte path.tim-territory[data-status="edited"]').count(), 0, 'the edited drawing is gone');
  assert.equal(await page.locator('#carte path.tim-territory[role="button"]').count(), 15);
  await assertHealthy(watch);
});

test('the iframe page (embed.html) adopts its pre-rendered map the same way, downloading no GeoJSON', async () => {
  const urls = [];
  const { page, watch } = await app.open('embed.html', { prepare: (page) => page.on('request', (r) => urls.push(new URL(r.url()).pathname)) });
  assert.deepEqual(urls.filter((u) => u.endsWith('.geojson')), [], 'GeoJSON downloaded');
  assert.equal(await page.locator('#carte .tim-territories a').count(), 0, 'adopted');
  assert.equal(await page.locator('#carte path.tim-territory[role="button"]').count(), 15);
  assert.equal(await page.locator('#carte svg.tim-svg[viewBox]').count(), 1, 'the pre-rendered picture kept');
  // Its names at another view come from their own module, as on the page (embed.js).
  await page.click('#carte button.tim-zoom-in');
  await page.waitForFunction(() => !document.querySelector('#carte .tim-svg .tim-labels').classList.contains('tim-moving'));
  assert.ok(urls.includes('/pkg/territoires_names_bg.wasm'), "the names' module was fetched");
  await assertHealthy(watch);
});

test('another file (?src=) is drawn by the module alone, without the pre-rendered default', async () => {
  const { page } = await app.open('?src=data/territoires-grand-est.geojson&lang=en');
  assert.equal(await page.locator('#carte .tim-pre').count(), 0);
  assert.equal(await page.locator('#carte path.tim-territory').count(), 15);
  assert.match(squish(await page.locator('#carte .tim-list-title').textContent()), /^[A-Z][a-z]/);
});

test('a host\'s status colours (--tim-status-<id>) theme the adopted map and legend as they do a map the module draws', async () => {
  const query = ['', '?src=data/territoires-grand-est.geojson&context=data/contexte-grand-est.geojson'];
  for (const q of query) {
    const { page, watch } = await app.open(q, {
      prepare: (page) => page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
        document.querySelector('#carte').style.setProperty('--tim-status-signed-2019-11-19', 'rgb(200, 0, 0)');
      })),
    });
    const fills = await page.evaluate(() => {
      const pattern = (el) => document.getElementById(el.getAttribute('fill').match(/#([^)]+)\)/)[1]);
      const vosges = document.querySelector('#carte path.tim-territory[data-id="vosges"]');
      const swatch = document.querySelector('#carte .tim-legend li[data-status="signed-2019-11-19"] .tim-swatch rect');
      return [vosges, swatch].map((el) => getComputedStyle(pattern(el).querySelector('rect')).fill);
    });
    assert.deepEqual(fills, ['rgb(200, 0, 0)', 'rgb(200, 0, 0)'], `${q || '/'}: the map's and the legend's fill`);
    await assertHealthy(watch);
  }
});
