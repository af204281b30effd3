// A host page pastes the snippet `make dist` writes (territoires-map.snippet.html) inside
// <territoires-map>…</territoires-map>: its readers see the map, legend, list and cards at once,
// before the module and without it; the module then adopts that map where it is, downloading
// nothing, and a card opened meanwhile stays open. With other data (src), the element draws its
// own map and shows it instead.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy, squish } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(() => app?.close());

/** A host page with the snippet (`dir`: the edition's folder), its addresses pointed at the test server. */
async function hostPage(dir = '', lang = 'fr') {
  const snippet = await (await fetch(`${app.base}/${dir}territoires-map.snippet.html`)).text();
  const base = snippet.match(/<link rel="stylesheet" href="(https?:\/\/[^"]*\/)map\.css">/)?.[1];
  assert.ok(base, 'the snippet links the map stylesheet at the site address');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Un article</title>
<script type="module" src="/territoires-map.js"></script></head>
<body><h1>Un article</h1><territoires-map${lang === 'fr' ? '' : ` lang="${lang}"`}>${snippet.replaceAll(base, `${app.base}/`)}</territoires-map></body></html>`;
}

/** Opens the host page, the module's download held until `release()`. */
async function openHost(html) {
  let release;
  const held = new Promise((r) => { release = r; });
  const urls = [];
  const { page, watch } = await app.open('__host.html', {
    state: null,
    prepare: async (page) => {
      page.on('request', (r) => urls.push(new URL(r.url()).pathname));
      await page.route(/\/__host\.html$/, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
      await page.route(/\.wasm$/, async (r) => { await held; await r.continue(); });
    },
  });
  return { page, watch, release, urls };
}

test('the snippet shows inside the element at once, and the module adopts it in place', async () => {
  const { page, watch, release, urls } = await openHost(await hostPage());
  const pre = page.locator('territoires-map > .tim-map');
  await pre.locator('.tim-territories a').first().waitFor();
  assert.equal(await pre.locator('.tim-territories a').count(), 15);
  const box = await pre.locator('svg.tim-svg').boundingBox();
  assert.ok(box && box.width > 300 && box.height > 200, 'the pre-rendered map is shown through the element');
  assert.equal(await pre.locator('.tim-table tbody tr').count(), 15);
  await pre.locator('a[href="#territoire=vosges"]').focus();
  await page.keyboard.press('Enter');
  assert.equal(squish(await pre.locator('.tim-card:target .tim-panel-title').textContent()), 'Vosges');
  const svg = await pre.locator('svg.tim-svg').elementHandle();
  release();
  await page.waitForSelector('territoires-map[data-state="ready"]');
  assert.ok(await svg.evaluate((el) => el.isConnected && el.closest('territoires-map') !== null), 'the same SVG, adopted');
  assert.equal(await pre.locator('path.tim-territory[role="button"]').count(), 15, 'its territories are the module\'s');
  assert.equal(squish(await pre.locator('.tim-panel:not([hidden]) .tim-panel-title').textContent()), 'Vosges', 'the card stays open');
  assert.deepEqual(urls.filter((u) => u.endsWith('.geojson')), [], 'no GeoJSON downloaded');
  assert.ok(!urls.some((u) => u.startsWith('/pkg/territoires_names')), "no names' module before the map is pointed at");
  // The list and card link to the territory pages where the snippet's did.
  const rows = await pre.evaluate((m) => [...m.querySelectorAll('.tim-table tbody tr')]
    .map((tr) => [tr.dataset.id, tr.querySelector('a.tim-list-page')?.getAttribute('href') ?? null]));
  assert.equal(rows.length, 15);
  for (const [id, href] of rows) assert.equal(href, `${app.base}/territoires/${id}.html`, `${id}'s row`);
  await pre.locator('.tim-table tr[data-id="moselle-est"] button.tim-list-select').click();
  assert.equal(await pre.locator('.tim-panel:not([hidden]) .tim-card-page a').getAttribute('href'),
    `${app.base}/territoires/moselle-est.html`);
  assert.equal(await page.locator('territoires-map').getAttribute('selected'), 'moselle-est');
  // The names at another view come from their own module, through the element as on the page.
  await pre.locator('button.tim-zoom-in').click();
  await page.waitForFunction(() => !document.querySelector('territoires-map .tim-svg .tim-labels').classList.contains('tim-moving'));
  const named = await pre.locator('.tim-svg .tim-labels text').evaluateAll((ts) => ts.filter((t) => t.textContent.trim()).length);
  assert.ok(named >= 5, `names placed at the zoomed view: ${named}`);
  assert.ok(urls.includes('/pkg/territoires_names_bg.wasm'), "the names' module was fetched");
  await assertHealthy(watch);
});

test('with another file (src), the element draws its own map in place of the snippet', async () => {
  const html = (await hostPage()).replace('<territoires-map>', `<territoires-map src="${app.base}/data/territoires-grand-est.geojson" lang="en">`);
  const { page, watch, release } = await openHost(html);
  await page.locator('territoires-map > .tim-map .tim-territories a').first().waitFor();
  release();
  await page.waitForSelector('territoires-map[data-state="ready"]');
  const live = page.locator('territoires-map .tim-map[data-state]');
  assert.equal(await live.locator('path.tim-territory[role="button"]').count(), 15, "the module's map");
  assert.match(squish(await live.locator('.tim-list-title').textContent()), /^[A-Z][a-z]/, 'in English');
  assert.equal(await page.locator('territoires-map > .tim-map:not([data-state])').boundingBox(), null, 'the snippet is no longer shown');
  await assertHealthy(watch);
});

test('the English snippet in <territoires-map lang="en"> is adopted in English, downloading nothing', async () => {
  const { page, watch, release, urls } = await openHost(await hostPage('en/', 'en'));
  const pre = page.locator('territoires-map > .tim-map');
  await pre.locator('.tim-territories a').first().waitFor();
  assert.equal(await page.getAttribute('territoires-map > .tim-map', 'lang'), 'en');
  release();
  await page.waitForSelector('territoires-map[data-state="ready"]');
  assert.ok(urls.includes('/pkg/territoires_map_small_bg.wasm'), 'the small module adopts it');
  assert.deepEqual(urls.filter((u) => u.endsWith('.geojson')), [], 'no GeoJSON downloaded');
  assert.match(await pre.locator('path.tim-territory[data-id="vosges"]').getAttribute('aria-label'), /^Vosges: Protocol signed/);
  assert.equal(squish(await pre.locator('.tim-legend-title').textContent()), 'State of the protocol on 19 November 2019');
  assert.match(await pre.locator('.tim-table tbody tr a.tim-list-page').first().getAttribute('href'), /\/en\/territoires\/[a-z-]+\.html$/, 'rows link to the English territory pages');
  await assertHealthy(watch);
});

/** Opens the host page with the files `held` matches served 1.5 s late; `asked` logs every request. */
async function openHolding(held) {
  const asked = [];
  const times = { released: Infinity };
  const { page, watch } = await app.open('__host.html', {
    state: null,
    prepare: async (page) => {
      const html = await hostPage();
      page.on('request', (r) => asked.push({ url: new URL(r.url()).pathname, at: Date.now() }));
      await page.route(/\/__host\.html$/, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
      await page.route(held, async (r) => {
        await new Promise((done) => setTimeout(done, 1500));
        times.released = Math.min(times.released, Date.now());
        await r.continue();
      });
    },
  });
  await page.waitForSelector('territoires-map[data-state="ready"]');
  const first = (url) => {
    const all = asked.filter((a) => a.url === url);
    assert.equal(all.length, 1, `${url} is asked for once: ${JSON.stringify(asked.map((a) => a.url))}`);
    return all[0].at;
  };
  return { page, watch, first, times };
}

test("the element asks for its module's wasm with the module's script, not once the script has arrived", async () => {
  // A host page has no preload: the element asks for both itself (www/territoires-map.js), so
  // the module starts one round trip sooner than if the script asked for the wasm.
  const { watch, first, times } = await openHolding(/\/pkg\/territoires_map_small\.js$/);
  const at = first('/pkg/territoires_map_small_bg.wasm');
  assert.ok(at < times.released, `the wasm was asked for ${at - times.released} ms after the script arrived; it must not wait for it`);
  await assertHealthy(watch);
});

test("the element asks for its module without waiting for the scripts of the commune search and the image", async () => {
  const { page, watch, first, times } = await openHolding(/\/(search|export)\.js$/);
  for (const url of ['/pkg/territoires_map_small.js', '/pkg/territoires_map_small_bg.wasm']) {
    const at = first(url);
    assert.ok(at < times.released, `${url} was asked for ${at - times.released} ms after the helpers arrived; it must not wait for them`);
  }
  // Both still serve once they are there: a commune chosen through the element opens its card.
  assert.equal(await page.locator('territoires-map').evaluate((el) => el.selectCommune('88413')), true);
  await page.locator('territoires-map .tim-panel:not([hidden])').waitFor();
  await assertHealthy(watch);
});

test("when the commune search's script cannot be downloaded, the element still starts and nothing is left unhandled", async () => {
  const { page, watch } = await app.open('__host.html', {
    state: null,
    prepare: async (page) => {
      const html = await hostPage();
      await page.route(/\/__host\.html$/, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
      await page.route(/\/search\.js$/, (r) => r.abort());
    },
  });
  await page.waitForSelector('territoires-map[data-state="ready"]');
  // No search to choose a commune with; the map, its cards and the image still work.
  assert.equal(await page.locator('territoires-map').evaluate((el) => el.selectCommune('88413')), false);
  assert.equal(await page.locator('territoires-map').evaluate((el) => el.select('vosges')), true);
  assert.equal(squish(await page.locator('territoires-map .tim-panel:not([hidden]) .tim-panel-title').textContent()), 'Vosges');
  // The aborted request is the one console error (Chromium's own line): no uncaught rejection.
  await assertHealthy(watch, { allowConsoleErrors: true });
  assert.deepEqual(watch.errors.filter((e) => !/search\.js|net::ERR_FAILED/.test(`${e.text} ${e.url}`)).map((e) => e.text), []);
});
