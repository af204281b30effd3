// An English-speaking host embeds the map with `lang=en` (`?lang=en` on the standalone page, the
// `lang` attribute of <territoires-map>): the interface is in English, and when the file is
// broken, missing or partly wrong, the message says what and where in English. Data texts are
// in English where the file gives them in English (the Grand Est file does: language maps).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy, squish, mountMap, waitForMapState } from './harness.mjs';

let app;

before(async () => {
  app = await start();
});
after(() => app?.close());

/** Words of the French interface and messages that must not show up under lang=en. */
const FRENCH = /\b(ligne|colonne|fichier|Impossible|Entité|propriété|Réessayer|serveur|téléchargement|Chargement|Zoomer|Statut)\b|«|»| : /i;

const text = (page, sel) => page.$eval(sel, (el) => el.textContent).then(squish);

test('the interface in English: buttons, map name, list, legend and panel', async () => {
  const { page, watch } = await app.open('?lang=en');
  assert.equal(await page.getAttribute('#carte', 'lang'), 'en');
  const buttons = await page.$$eval('#carte .tim-controls button', (bs) => bs.map((b) => [b.getAttribute('aria-label') ?? b.textContent, b.title]));
  assert.deepEqual(buttons, [
    ['Zoom in', 'Zoom in'], ['Zoom out', 'Zoom out'], ['Initial view', 'Initial view'], ['Full screen', 'Full screen'],
    ['Download the image', 'Download the image'], ['SVG image (vector)', ''], ['PNG image (2×)', ''],
  ]);
  assert.equal(await page.getAttribute('#carte svg.tim-svg', 'aria-label'), 'Map of the territories');

  assert.equal(await text(page, '#carte .tim-table caption'), 'List of territories');
  assert.deepEqual((await page.$$eval('#carte .tim-table thead th', (ths) => ths.map((th) => th.textContent))).map(squish), [
    'Territory',
    'Status',
    'Date',
    'Projects',
  ]);
  const labels = (await page.$$eval('#carte .tim-list label', (ls) => ls.map((l) => l.textContent))).map(squish);
  assert.deepEqual(labels, ['Search a territory', 'Status']);
  assert.equal(await text(page, '#carte .tim-list select option'), 'All statuses');
  assert.equal(await text(page, '#carte a.tim-csv'), 'Download the list (CSV)');
  assert.equal(await page.getAttribute('#carte a.tim-csv', 'download'), 'territories.csv');
  assert.match(await text(page, '#carte .tim-list-count'), /^15 \/ 15 territories shown$/);
  // The legend's title and labels are data: the Grand Est file words them in both languages.
  assert.equal(await text(page, '#carte .tim-legend-title'), 'State of the protocol on 19 November 2019');

  await page.locator('#carte path.tim-territory[data-id="vosges"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#carte .tim-panel:not([hidden])', { timeout: 3000 });
  assert.equal(await text(page, '#carte .tim-panel:not([hidden]) .tim-panel-when'), 'Date: 19 November 2019 · Place: Mulhouse');
  const headings = (await page.$$eval('#carte .tim-panel:not([hidden]) .tim-panel-heading', (hs) => hs.map((h) => h.textContent))).map(squish);
  assert.deepEqual(headings, ['Projects', 'Intercommunalities', 'Perimeter', 'Sources']);
  assert.equal(await text(page, '#carte .tim-panel:not([hidden]) .tim-panel-perimeter'), 'Perimeter stated by a primary source.');
  assert.equal(await page.getAttribute('#carte button.tim-close', 'aria-label'), 'Close the card');
  await assertHealthy(watch);
});

test('a broken file: the English message names the file, the line and the column', async () => {
  const src = '/__fixtures/bad-invalid-json.geojson';
  const { page, watch } = await app.open(`?lang=en&src=${encodeURIComponent(src)}`, { state: 'error' });
  const message = await text(page, '#carte .tim-message');
  assert.equal(await page.getAttribute('#carte .tim-message', 'role'), 'alert');
  assert.match(
    message,
    /^Could not show the territories of \/__fixtures\/bad-invalid-json\.geojson\. The file is not valid JSON: line [78], column \d+ \(.+\)\.$/,
  );
  assert.doesNotMatch(message, FRENCH);
  const errors = (await watch.domEvents()).filter((e) => e.type === 'error');
  assert.equal(squish(errors[0]?.detail?.message), message, 'the error event carries the English message');
  await assertHealthy(watch, { allowConsoleErrors: true });
});

test('a missing file: the English message gives the address and 404, and a "Try again" button', async () => {
  const src = '/__fixtures/does-not-exist.geojson';
  const { page, watch } = await app.open(`?lang=en&src=${encodeURIComponent(src)}`, { state: 'error' });
  const message = await text(page, '#carte .tim-message');
  assert.match(message, /^Could not load the territories\. The server answered 404( [\w ]+)? for \/__fixtures\/does-not-exist\.geojson\.$/);
  assert.doesNotMatch(message, FRENCH);
  assert.equal(await text(page, '#carte button.tim-retry'), 'Try again');
  await assertHealthy(watch, { allowConsoleErrors: true });
});

test('a stalled download: the English message says how long nothing came', async () => {
  const { page, watch } = await app.open('?lang=en');
  const src = `/__fixtures/good-other-region.geojson?stall=4&run=en-${Date.now()}`;
  await mountMap(page, 'stalled', { src, lang: 'en', stallTimeout: 1000 });
  await waitForMapState(page, 'stalled', 'error', 10_000);
  const message = await text(page, '#stalled .tim-message');
  assert.match(message, /The download of \/__fixtures\/good-other-region\.geojson\?stall=4\S* has stalled: no data received for 1 s\./);
  assert.doesNotMatch(message, FRENCH);
  assert.equal(await text(page, '#stalled button.tim-retry'), 'Try again');
  await assertHealthy(watch, { allowConsoleErrors: true });
});

test('a partly wrong file: the warnings under the map are in English and name the feature', async () => {
  const src = '/__fixtures/bad-missing-name.geojson';
  const { page, watch } = await app.open(`?lang=en&src=${encodeURIComponent(src)}`);
  const warnings = await text(page, '#carte .tim-warnings');
  assert.ok(warnings.startsWith('Some data could not be shown:'), warnings);
  assert.match(warnings, /Feature #1 \(id “sans-nom”\): no name \(name, nom, libelle, lib_ti…\); territory shown with its id\./);
  assert.doesNotMatch(warnings, FRENCH);
  await assertHealthy(watch);
});

test('<territoires-map lang="en">: the message follows the attribute, in English then in French', async () => {
  const { page, watch } = await app.open('');
  const message = () =>
    page.evaluate(() => document.querySelector('territoires-map').shadowRoot.querySelector('.tim-message').textContent);
  await page.evaluate(async () => {
    await import('./territoires-map.js');
    const el = document.createElement('territoires-map');
    el.setAttribute('lang', 'en');
    el.setAttribute('src', '/__fixtures/bad-bare-geometry.geojson');
    document.body.append(el);
  });
  await page.waitForSelector('territoires-map[data-state="error"]', { timeout: 10_000 });
  const en = squish(await message());
  assert.match(en, /The file holds a GeoJSON “Polygon” object; a FeatureCollection is expected\.$/);
  assert.doesNotMatch(en, FRENCH);

  await page.evaluate(() => {
    const el = document.querySelector('territoires-map');
    el.dataset.state = '';
    el.setAttribute('lang', 'fr');
  });
  await page.waitForSelector('territoires-map[data-state="error"]', { timeout: 10_000 });
  assert.match(squish(await message()), /un objet GeoJSON « Polygon » ; une FeatureCollection est attendue\.$/);
  await assertHealthy(watch, { allowConsoleErrors: true });
});

test('a browser where the module cannot start: the page says so in the language asked for', async () => {
  for (const [query, want] of [['?lang=en', /^The map could not start in this browser \(/], ['', /^La carte n'a pas pu démarrer dans ce navigateur \(/]]) {
    const { page, context } = await app.open(query, { state: null });
    // Routing also turns the HTTP cache off, so the reload asks for the module again. Both
    // modules: where the small one cannot start, the page tries the full one.
    await context.route(/territoires_map(_small)?_bg\.wasm/, (r) => r.abort());
    await page.reload();
    await page.waitForSelector('#carte[data-state="error"]', { timeout: 10_000 });
    assert.match(await text(page, '#carte'), want);
  }
});
