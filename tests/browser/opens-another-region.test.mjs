// Another region's team builds its map with `make data REGION=27` (Bourgogne-Franche-Comté, from
// the State's national table; `make test` writes it into target/regions/27/, not committed) and
// opens the viewer on its two files: its ten territories are drawn over its own départements and
// neighbours, each named on the map, the legend says the map shows perimeters, not protocols, and
// a click or the keyboard opens a card with the commune count, the perimeter note and the table
// cited at its exact address. Then its own site (`make build DATA=target/regions/27`; `make test`
// writes its pages into target/site-27): the map is there before any script, the module adopts
// it, and the commune search answers from the region's own index.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { start, assertHealthy, territories, pointInside, panel, nameOf } from './harness.mjs';
import { repoRoot, artifactsDir } from './harness.mjs';

const DIR = path.join(repoRoot, 'target/regions/27');
const SITE = path.join(repoRoot, 'target/site-27');
const FILES = { src: '/__region/territoires-bourgogne-franche-comte.geojson', context: '/__region/contexte-bourgogne-franche-comte.geojson' };
const skip = existsSync(path.join(DIR, 'territoires-bourgogne-franche-comte.geojson'))
  ? false
  : `${DIR} is missing: \`make test\` writes it with \`make data REGION=27\` (it needs \`make data-sources\`)`;

let app;
before(async () => { if (!skip) app = await start({ mounts: [`/__region=${DIR}`, `/__site27=${SITE}`] }); });
after(() => app?.close());

test('Bourgogne-Franche-Comté: ten territories named on its own background, opened by click and by key', { skip }, async () => {
  const { page, watch } = await app.open(`?${new URLSearchParams(FILES)}`, { viewport: { width: 1280, height: 900 } });
  const all = await territories(page);
  assert.equal(all.length, 10, 'the ten TI27xx territories of the table');
  for (const t of all) assert.match(t.label, /Périmètre 2020|Périmètre de la table/, `${t.label}: status said in words`);
  const legend = await page.$$eval('#carte .tim-legend-label', (ls) => ls.map((l) => l.textContent.trim()));
  assert.equal(legend.length, 1);
  assert.match(legend[0], /état du protocole non renseigné/);
  // The background is the region's: its eight départements are drawn (context paths) behind.
  const context = await page.$$eval('#carte svg.tim-svg .tim-context path, #carte svg.tim-svg path.tim-context', (ps) => ps.length);
  assert.ok(context >= 9, `context layers drawn: ${context}`);
  const names = await page.$$eval('#carte svg.tim-svg .tim-labels text', (ts) => ts.map((t) => t.textContent).join(' '));
  for (const t of all) {
    const first = nameOf(t.label).split(/[\s-]+/)[0];
    assert.ok(names.includes(first), `${nameOf(t.label)} is named on the map (labels: ${names})`);
  }

  const nfc = all.find((t) => t.id === 'nord-franche-comte');
  const { x, y } = await pointInside(page, nfc.id);
  await page.mouse.click(x, y);
  await page.waitForSelector('#carte .tim-panel:not([hidden])');
  let card = await panel(page);
  assert.equal(card.title, 'Nord Franche-Comté');
  const text = await page.textContent("#carte .tim-panel:not([hidden])");
  assert.match(text, /196 communes/, text);
  assert.ok(
    card.sources.some((s) => s.href.startsWith('https://github.com/signaux-faibles/datapi/blob/17b7213f')),
    `the table is cited at its exact address: ${JSON.stringify(card.sources)}`,
  );
  await page.screenshot({ path: path.join(artifactsDir, 'another-region.png') });
  await page.keyboard.press('Escape');

  await page.focus('#carte path.tim-territory[tabindex="0"]');
  await page.keyboard.press('ArrowRight');
  const id = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
  await page.keyboard.press('Enter');
  await page.waitForSelector('#carte .tim-panel:not([hidden])');
  card = await panel(page);
  assert.equal(card.title, nameOf(all.find((t) => t.id === id).label), 'Enter opens the focused territory');
  await assertHealthy(watch);
});

test('its own site: the map before any script, adopted, and the commune search answers from its index', { skip }, async () => {
  const bare = await app.open('__site27/index.html', { javaScript: false, state: null });
  assert.equal((await bare.page.textContent('h1')).trim(), 'Territoires d\'industrie en Bourgogne-Franche-Comté');
  assert.equal(await bare.page.locator('#carte svg path.tim-territory').count(), 10, 'the ten territories without JavaScript');

  const { page, watch } = await app.open('__site27/index.html', {
  });
  const { requests } = watch;
  assert.ok(!requests.some((r) => r.endsWith('.geojson')), `the module adopts the pre-rendered map: ${requests.filter((r) => r.endsWith('.geojson'))}`);
  assert.equal(await page.locator('#carte path.tim-territory').count(), 10);
  for (const [typed, answer, territory] of [
    ['belfort', 'Belfort (90000) fait partie du territoire Nord Franche-Comté.', 'Nord Franche-Comté'],
    ['besancon', "Besançon (25000) ne fait partie d'aucun Territoire d'industrie d'après la table de l'État d'octobre 2020.", null],
  ]) {
    await page.fill('.tim-commune-search input[role="combobox"]', typed);
    const option = page.locator('.tim-commune-search-options [role="option"]').first();
    await option.waitFor({ timeout: 5000 });
    await option.click();
    assert.equal((await page.textContent('.tim-commune-search-answer')).trim(), answer);
    const title = await page.evaluate(() => document.querySelector('.tim-panel:not([hidden]) .tim-panel-title')?.textContent ?? null);
    assert.equal(title, territory);
  }
  assert.ok(requests.some((r) => r.endsWith('/data/communes-bourgogne-franche-comte.txt')), 'the region\'s own index');
  await assertHealthy(watch);
});
