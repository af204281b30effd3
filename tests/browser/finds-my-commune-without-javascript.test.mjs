// A resident asks "is my commune in a Territoire d'industrie?" in a browser that runs no script:
// from the map, a link leads to every commune of the region, A to Z, with its postcodes and its
// territory (or none), homonyms told apart by their département; the territory's own page lists
// its communes by département. The browser's find-in-page does the rest (src/prerender/communes.rs,
// data/communes-grand-est.csv).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, squish } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(() => app?.close());

/** The A–Z page's row of commune `name` in département `dep`: its four cells. */
const row = (page, name, dep) => page.evaluate(([name, dep]) => {
  const rows = [...document.querySelectorAll('.tim-communes-table tbody tr')];
  const tr = rows.find((r) => r.querySelector('th').textContent.trim() === name && r.cells[2].textContent.includes(`(${dep})`));
  return tr ? [...tr.cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim()) : null;
}, [name, dep]);

test('from the map to the A–Z page of communes, then to the territory and its list, without JavaScript', async () => {
  const { page } = await app.open('', { state: null, javaScript: false });
  await page.click('main .tim-all-communes a');
  await page.waitForURL('**/communes.html');
  assert.equal(squish(await page.textContent('h1')), 'Toutes les communes de la région et leur territoire');
  assert.deepEqual(await row(page, 'Saint-Dié-des-Vosges', '88'), ['Saint-Dié-des-Vosges', '88100', 'Vosges (88)', 'Vosges']);
  // Homonyms: the département and postcode tell them apart.
  assert.deepEqual(await row(page, 'Saint-Louis', '68'), ['Saint-Louis', '68300', 'Haut-Rhin (68)', 'Sud-Alsace']);
  assert.deepEqual(await row(page, 'Saint-Louis', '57'), ['Saint-Louis', '57820', 'Moselle (57)', 'aucun']);
  // A former commune is found under its own name.
  assert.deepEqual(await row(page, "Rollainville (ancienne commune, aujourd'hui Neufchâteau)", '88'),
    ["Rollainville (ancienne commune, aujourd'hui Neufchâteau)", '88300', 'Vosges (88)', 'Vosges']);
  const rows = await page.locator('.tim-communes-table tbody tr').count();
  assert.ok(rows > 5115, `every current commune and the former ones: ${rows} rows`);
  await page.click('a[href="#l-S"]');
  assert.equal(new URL(page.url()).hash, '#l-S');
  const link = page.locator('.tim-communes-table tbody tr', { hasText: 'Saint-Dié-des-Vosges' }).locator('a');
  await link.click();
  await page.waitForURL('**/territoires/vosges.html');
  const list = await page.$$eval('.tim-communes h3', (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(list, ['Meurthe-et-Moselle (54)', 'Haute-Marne (52)', 'Vosges (88)'].sort((a, b) => a.slice(-3).localeCompare(b.slice(-3))));
  assert.ok((await page.textContent('.tim-communes')).includes('Saint-Dié-des-Vosges (88100)'));
  assert.match(squish(await page.textContent('.tim-communes h2')), /^Communes \(\d{3}\)$/);
});

test('the English edition has its own page of communes', async () => {
  const { page } = await app.open('en/communes.html', { state: null, javaScript: false });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.deepEqual(await row(page, 'Saint-Louis', '57'), ['Saint-Louis', '57820', 'Moselle (57)', 'none']);
  assert.equal(await page.getAttribute('link[rel="alternate"][hreflang="fr"]', 'href'), '../communes.html');
  const { page: p2 } = await app.open('en/territoires/vosges.html', { state: null, javaScript: false });
  assert.match(squish(await p2.textContent('.tim-communes h2')), /^Municipalities \(\d{3}\)$/);
});
