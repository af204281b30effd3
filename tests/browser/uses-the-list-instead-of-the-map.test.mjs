// A visitor who cannot use the map reads the list instead: every territory with status, date and
// projects; searches by name, filters by status (the map dims the others), downloads the CSV, and
// chooses a row to open it on the map — and the other way round.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy } from './harness.mjs';

let app;
let page;
let watch;
before(async () => {
  app = await start();
  ({ page, watch } = await app.open(''));
});
after(() => app?.close());

const visibleRows = () => page.$$eval('.tim-table tbody tr:not([hidden])', (rows) => rows.map((r) => r.dataset.id));

test('the list has the 15 territories with their status, date and projects', async () => {
  assert.equal((await visibleRows()).length, 15);
  const row = page.locator('.tim-table tr[data-id="vosges"]');
  const text = await row.textContent();
  assert.match(text, /Protocole signé le 19 novembre 2019 à Mulhouse/);
  assert.match(text, /19 novembre 2019/);
  assert.match(text, /liquéfaction d’hydrogène/);
  assert.match(await page.locator('.tim-table tr[data-id="sud-alsace"]').textContent(), /Protocole signé avant le 19 novembre 2019/);
});

test('search by name ignores case and accents', async () => {
  await page.fill('.tim-search', 'EPERNAY');
  assert.deepEqual(await visibleRows(), ['epernay-sezanne-romilly']);
  await page.fill('.tim-search', 'lorraine');
  assert.deepEqual((await visibleRows()).sort(), ['nord-lorraine', 'terres-de-lorraine', 'val-de-lorraine']);
  await page.fill('.tim-search', 'zzz');
  assert.deepEqual(await visibleRows(), []);
  assert.equal(await page.locator('.tim-list-empty').isHidden(), false);
  await page.fill('.tim-search', '');
});

test('the status filter keeps one status and dims the other territories on the map', async () => {
  await page.selectOption('.tim-filter', { label: "Pas encore de plan d'actions au 19 novembre 2019" });
  const rows = await visibleRows();
  assert.equal(rows.length, 2);
  assert.ok(rows.includes('moselle-est'));
  const dimmed = await page.$$eval('path.tim-territory.tim-dimmed', (p) => p.map((x) => x.dataset.id));
  assert.equal(dimmed.length, 13);
  assert.ok(!dimmed.includes('moselle-est'));
  assert.match(await page.locator('.tim-list-count').textContent(), /^2 \/ 15/);
});

test('the CSV link holds exactly the rows shown', async () => {
  const href = await page.getAttribute('.tim-csv', 'href');
  const csv = decodeURIComponent(href.replace(/^data:text\/csv;charset=utf-8,/, ''));
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines.length, 3, csv);
  assert.match(lines[0], /^id,Territoire,Statut,Date,Lieu,Projets/);
  assert.ok(lines.some((l) => l.startsWith('moselle-est,Moselle Est,')));
  await page.selectOption('.tim-filter', '');
  const all = decodeURIComponent((await page.getAttribute('.tim-csv', 'href')).split(',').slice(1).join(','));
  assert.equal(all.trim().split('\r\n').length, 16);
  assert.equal(await page.$$eval('path.tim-territory.tim-dimmed', (p) => p.length), 0);
});

// The default page's module keeps the records of the page's whole CSV rather than writing them:
// the same bytes as the module that writes its own list, for the same search and filter.
test('the CSV of a filtered list is the one the module drawing its own list writes', async () => {
  const { page: own } = await app.open('?src=data/territoires-grand-est.geojson');
  for (const [search, status] of [['lorraine', ''], ['', '1'], ['e', '0']]) {
    const hrefs = [];
    for (const p of [page, own]) {
      await p.fill('.tim-search', search);
      await p.selectOption('.tim-filter', status);
      hrefs.push(await p.getAttribute('.tim-csv', 'href'));
    }
    assert.equal(hrefs[0], hrefs[1], `search "${search}", status ${status}`);
  }
  await page.fill('.tim-search', '');
  await page.selectOption('.tim-filter', '');
});

test('choosing a row opens the territory on the map, and the map marks the row', async () => {
  await page.click('.tim-table tr[data-id="nord-lorraine"] button.tim-list-select');
  assert.equal(await page.locator('.tim-panel:not([hidden]) .tim-panel-title').textContent(), 'Nord Lorraine');
  assert.equal(await page.getAttribute('path.tim-territory[data-id="nord-lorraine"]', 'class'), 'tim-territory tim-selected');
  assert.equal(await page.getAttribute('.tim-table tr[data-id="nord-lorraine"]', 'aria-current'), 'true');
  await page.locator('path.tim-territory[data-id="vosges"]').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('.tim-table tr[data-id="vosges"]', 'aria-current'), 'true');
  assert.equal(await page.getAttribute('.tim-table tr[data-id="nord-lorraine"]', 'aria-current'), null);
});

test('Bazancourt-Pomacle, the whole Grand Reims, is wide enough to click: no marker', async () => {
  await page.keyboard.press('Escape');
  const box = await page.locator('path.tim-territory[data-id="bazancourt-pomacle"]').boundingBox();
  assert.ok(box.width >= 24 && box.height >= 24, JSON.stringify(box));
  assert.equal(await page.locator('circle.tim-marker[data-id="bazancourt-pomacle"]').count(), 0);
  await assertHealthy(watch);
});

// On a small screen (900 × 450) Sel et Vermois (16 communes, the smallest territory) is drawn
// under 24 px:
// a round 24 px marker over it is the target, and opens it.
test('Sel et Vermois, drawn under 24 px on a small screen, has a 24 px marker that opens it', async () => {
  const { page: small, watch: w } = await app.open('', { viewport: { width: 900, height: 450 } });
  await small.locator('path.tim-territory[data-id="sel-et-vermois"]').scrollIntoViewIfNeeded();
  const shape = await small.locator('path.tim-territory[data-id="sel-et-vermois"]').boundingBox();
  assert.ok(Math.max(shape.width, shape.height) < 24, `drawn ${JSON.stringify(shape)}`);
  const marker = small.locator('circle.tim-marker[data-id="sel-et-vermois"]');
  await marker.waitFor();
  const box = await marker.boundingBox();
  assert.ok(box.width >= 23.5 && box.height >= 23.5, JSON.stringify(box));
  // off the shape but on the marker: the marker, not the shape, takes the click
  await small.mouse.click(box.x + box.width / 2 + 8, box.y + box.height / 2);
  assert.equal(await small.locator('.tim-panel:not([hidden]) .tim-panel-title').textContent(), 'Sel et Vermois');
  await assertHealthy(w);
  await small.close();
});
