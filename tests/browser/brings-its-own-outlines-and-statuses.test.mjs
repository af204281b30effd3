// A regional web team points the page at the outlines its GIS department exports (the ten
// départements of Grand Est, properties `code` and `nom` only) and at the status sheet its
// spreadsheet saves (`;`, Windows-1252 or UTF-8 with a BOM, a cell with line breaks): the map is
// coloured, labelled, has a legend with "Sans statut", and opens each area by click or key.
// Bad sheets are answered in the warnings, line by line, and never cost the map.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy, territories, pointInside, panel, squish } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(() => app?.close());

const DEPS = '/__fixtures/good-departements-grand-est.geojson';
const q = (params) => `?${new URLSearchParams(params)}`;
const warnings = (page) => page.$eval('#carte .tim-warnings', (el) => (el.hidden ? '' : el.textContent)).then(squish);
const legend = (page) => page.$$eval('#carte .tim-legend-label', (ls) => ls.map((l) => l.textContent));

test('départements and a Windows-1252 sheet: coloured, legend, card with é, œ and ’', async () => {
  const { page, watch } = await app.open(q({ src: DEPS, statuts: '/__fixtures/good-statuts-departements-1252.csv' }));
  const all = await territories(page);
  assert.equal(all.length, 10);
  assert.deepEqual(await legend(page), [
    'En préparation (exemple)',
    'Pas encore de plan (exemple)',
    'Protocole signé (exemple)',
    'Sans statut',
  ]);
  const vosges = all.find((t) => t.id === '88');
  assert.equal(vosges.label, 'Vosges : Sans statut', 'no row in the sheet: the neutral entry, said in words');
  assert.equal(all.find((t) => t.id === '51').status, 'Protocole signé (exemple)');
  assert.equal(await warnings(page), '', 'a clean sheet gives no warning');

  const { x, y } = await pointInside(page, '10');
  await page.mouse.click(x, y);
  await page.waitForSelector('#carte .tim-panel:not([hidden])');
  const card = await panel(page);
  assert.equal(card.title, 'Aube');
  assert.equal(card.status, 'Protocole signé (exemple)');
  assert.deepEqual(card.projects, ['Œuvre d’essai (exemple)', 'Réseau de chaleur (exemple)'], 'a cell with a line break is two projects');
  assert.deepEqual(card.sources.map((s) => s.href), ['https://example.org/aube']);
  assert.match(await page.textContent('#carte .tim-panel-when'), /19 novembre 2019 · Lieu : Troyes/);
  await assertHealthy(watch);
});

test('the same sheet saved as UTF-8 with a BOM and commas, read by keyboard and in the list', async () => {
  const { page, watch } = await app.open(q({ src: DEPS, statuts: '/__fixtures/good-statuts-departements-utf8-bom.csv' }));
  await page.focus('#carte path.tim-territory[tabindex="0"]');
  const seen = new Set();
  for (let i = 0; i < 12; i++) {
    seen.add(await page.evaluate(() => document.activeElement?.getAttribute('data-id')));
    await page.keyboard.press('ArrowRight');
  }
  assert.ok(seen.size >= 5, `arrows move between départements: ${[...seen]}`);
  const focusedId = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
  await page.keyboard.press('Enter');
  await page.waitForSelector('#carte .tim-panel:not([hidden])');
  const card = await panel(page);
  const names = { '08': 'Ardennes', 10: 'Aube', 51: 'Marne', 52: 'Haute-Marne', 54: 'Meurthe-et-Moselle', 55: 'Meuse', 57: 'Moselle', 67: 'Bas-Rhin', 68: 'Haut-Rhin', 88: 'Vosges' };
  assert.equal(card.title, names[focusedId], 'Enter opens the card of the focused département');
  const row = await page.locator('.tim-table tr[data-id="51"]').textContent();
  assert.match(row, /Marne/);
  assert.match(row, /Cœur d’agglomération \(exemple\)/);
  await page.selectOption('#carte .tim-filter', { label: 'Sans statut' });
  const shown = await page.$$eval('.tim-table tbody tr:not([hidden])', (rows) => rows.map((r) => r.dataset.id));
  assert.deepEqual(shown, ['88'], 'the filter knows "Sans statut"');
  await assertHealthy(watch);
});

test('the canvas renderer draws the same file with the same legend', async () => {
  const { page, watch } = await app.open(
    q({ src: DEPS, statuts: '/__fixtures/good-statuts-departements-1252.csv', renderer: 'canvas' }),
  );
  assert.equal(await page.getAttribute('#carte', 'data-renderer'), 'canvas');
  const ready = (await watch.domEvents()).find((e) => e.type === 'ready');
  assert.equal(ready?.detail?.count, 10);
  assert.ok((await legend(page)).includes('Sans statut'));
  await assertHealthy(watch);
});

test('all regions of metropolitan France, code/nom only: drawn, named, opened by click', async () => {
  const { page, watch } = await app.open(q({ src: '/__fixtures/good-regions-france.geojson' }));
  const all = await territories(page);
  assert.equal(all.length, 13);
  assert.ok(all.every((t) => t.label.endsWith(' : Sans statut')), 'each says its missing status in words');
  assert.deepEqual(await legend(page), ['Sans statut']);
  const { x, y } = await pointInside(page, '94');
  await page.mouse.click(x, y);
  await page.waitForSelector('#carte .tim-panel:not([hidden])');
  assert.equal((await panel(page)).title, 'Corse');
  await assertHealthy(watch);
});

test('a sheet with bad lines: each is a warning naming the line and the value; the rest applies', async () => {
  const { page, watch } = await app.open(q({ statuts: '/__fixtures/bad-statuts-grand-est.csv' }));
  const text = await warnings(page);
  assert.match(text, /Statuts, ligne 3 : aucun territoire n'a l'identifiant « inconnu-57 »/);
  assert.match(text, /Statuts, ligne 4 : l'identifiant « vosges » figure déjà ligne 2/);
  assert.match(text, /Statuts, ligne 5 : le statut « annulé \(exemple\) » n'est pas décrit dans la légende/);
  assert.match(text, /Statuts, ligne 6 : date « le 3 mars » illisible/);
  assert.match(text, /Statuts, ligne 7 : 1 cellule\(s\) au lieu de 4/);
  const all = await territories(page);
  assert.equal(all.length, 15, 'every territory is still drawn');
  assert.equal(all.find((t) => t.id === 'sel-et-vermois').status, 'signed-earlier', 'a status given by id');
  assert.equal(all.find((t) => t.id === 'alsace-centrale').status, 'annulé (exemple)', 'an unknown status is shown as written');
  const row = await page.locator('.tim-table tr[data-id="vosges"]').textContent();
  assert.match(row, /Projet ajouté par le tableur \(exemple\)/, 'the sheet replaces the projects');
  await assertHealthy(watch);
});

for (const [file, says] of [
  ['bad-statuts-html-page.csv', /Statuts \/__fixtures\/bad-statuts-html-page\.csv non appliqués : le serveur a renvoyé une page HTML/],
  ['bad-statuts-binary.csv', /Statuts \/__fixtures\/bad-statuts-binary\.csv non appliqués : ce n'est pas un fichier texte CSV/],
  ['bad-statuts-no-id-column.csv', /ligne 1 : aucune colonne d'identifiant .* parmi « nom », « statut »/],
  ['absent-statuts.csv', /Statuts \/__fixtures\/absent-statuts\.csv non appliqués : Le serveur a répondu 404/],
]) {
  test(`a sheet that cannot be used (${file}) is named in the warnings; the map keeps the file's statuses`, async () => {
    const { page, watch } = await app.open(q({ statuts: `/__fixtures/${file}` }));
    assert.match(await warnings(page), says);
    const all = await territories(page);
    assert.equal(all.length, 15);
    assert.equal(all.find((t) => t.id === 'vosges').status, 'signed-2019-11-19');
    await assertHealthy(watch, { allowConsoleErrors: file.startsWith('absent') });
  });
}

test('<territoires-map> with statuses and name-property attributes, and its events', async () => {
  const { page, watch } = await app.open('');
  const detail = await page.evaluate(async (src) => {
    await import('./territoires-map.js');
    const el = document.createElement('territoires-map');
    el.setAttribute('src', src);
    el.setAttribute('name-property', 'code');
    el.setAttribute('statuses', '/__fixtures/good-statuts-departements-1252.csv');
    const ready = new Promise((resolve) => el.addEventListener('ready', (e) => resolve(e.detail.count), { once: true }));
    document.body.append(el);
    const count = await ready;
    const selected = new Promise((resolve) => el.addEventListener('territoryselect', (e) => resolve(e.detail), { once: true }));
    el.select('57');
    const d = await selected;
    const legend = [...el.shadowRoot.querySelectorAll('.tim-legend-label')].map((l) => l.textContent);
    return { count, ...d, legend, attr: el.getAttribute('selected') };
  }, DEPS);
  assert.equal(detail.count, 10);
  assert.deepEqual(
    { id: detail.id, name: detail.name, status: detail.status, attr: detail.attr },
    { id: '57', name: '57', status: 'Protocole signé (exemple)', attr: '57' },
    'name-property picks the column shown as the name',
  );
  assert.ok(detail.legend.includes('Sans statut'));
  await assertHealthy(watch);
});

test("another file: the page is named by the file's title, or plainly, and says nothing of the Grand Est", async () => {
  const visible = (page) => page.evaluate(() => document.body.innerText);
  // Without a title or description: a plain name, no introduction, no Grand Est sources.
  const { page, watch } = await app.open(q({ src: DEPS }));
  assert.equal(squish(await page.textContent('main > h1')), 'Carte des territoires');
  assert.equal(await page.title(), 'Carte des territoires');
  assert.ok(await page.locator('main > .intro').isHidden() && await page.locator('body > footer').isHidden());
  assert.doesNotMatch(await visible(page), /Grand Est|Territoires d'industrie|19 novembre 2019/);
  await assertHealthy(watch);
  // With them: the file's words.
  const titled = '/__fixtures/titled.geojson';
  const { page: p2, watch: w2 } = await app.open(q({ src: titled }), {
    prepare: (p) => p.route((u) => u.pathname === titled, async (route) => {
      const file = await (await route.fetch({ url: route.request().url().replace(titled, DEPS) })).json();
      route.fulfill({ contentType: 'application/geo+json', body: JSON.stringify({ ...file, title: 'Départements du Grand Est', description: 'Les dix départements de la région.', source: { title: 'IGN, ADMIN EXPRESS', url: 'https://example.org/ign' } }) });
    }),
  });
  assert.equal(squish(await p2.textContent('main > h1')), 'Départements du Grand Est');
  assert.equal(squish(await p2.textContent('main > .intro')), 'Les dix départements de la région.');
  assert.equal(await p2.title(), 'Départements du Grand Est');
  // The map's header names the file's source, and nothing of the programme's.
  assert.equal(await p2.getAttribute('#carte .tim-header .tim-source a', 'href'), 'https://example.org/ign');
  assert.equal(await p2.locator('#carte .tim-header .tim-facts').count(), 0);
  await assertHealthy(w2);
  // The iframe's document is named the same way.
  const { page: p3, watch: w3 } = await app.open(`embed.html${q({ src: DEPS })}`);
  assert.equal(await p3.title(), 'Carte des territoires');
  await assertHealthy(w3);
});
