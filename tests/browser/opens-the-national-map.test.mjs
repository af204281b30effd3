// The national agency opens the map of the whole country (`make data REGION=all`, from the State's
// national table: 148 territories, metropolitan France in Lambert-93 and the five overseas
// départements in insets; `make test` builds its data into target/regions/all/ and its pages into
// target/site-all/): the map is there without JavaScript, coloured by region with a legend that
// says so, a click or a key press in an inset opens that territory's card, which names its
// region, the list filters by region, and the live map (?src=) projects the insets the same way.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { start, assertHealthy, pointInside, panel, nameOf, repoRoot } from './harness.mjs';

const SITE = path.join(repoRoot, 'target/site-all');
const skip = existsSync(path.join(SITE, 'index.html'))
  ? false
  : `${SITE} is missing: \`make test\` writes it (make data REGION=all, then the pre-render; it needs \`make data-sources\`)`;

let app;
before(async () => { if (!skip) app = await start({ mounts: [`/__all=${SITE}`] }); });
after(() => app?.close());

const REUNION = /La Réunion$/;
const territories = (page) => page.$$eval('#carte path.tim-territory', (ps) => ps.map((p) => ({ id: p.dataset.id, label: p.getAttribute('aria-label') })));

test('without JavaScript: the 148 territories and the legend by region', { skip }, async () => {
  const { page } = await app.open('__all/index.html', { javaScript: false, state: null });
  assert.equal((await page.textContent('h1')).trim(), "Territoires d'industrie en France");
  assert.equal(await page.locator('#carte svg path.tim-territory').count(), 148);
  const legend = await page.$$eval('#carte .tim-legend-label', (ls) => ls.map((l) => l.textContent.trim()));
  assert.equal(legend.length, 17, `one entry per region with territories: ${legend}`);
  assert.ok(legend.includes('Grand Est') && legend.includes('La Réunion'), `${legend}`);
  assert.match(await page.textContent('#carte .tim-legend'), /Région du territoire/);
});

for (const [what, query] of [
  ['the pre-rendered map, adopted', '__all/index.html'],
  ['the live map drawn from the file', '?src=/__all/data/territoires-france.geojson&context=/__all/data/contexte-france.geojson'],
]) {
  test(`${what}: a click in the Réunion inset opens its card, naming the region; the list filters by region`, { skip }, async () => {
    const asked = [];
    const { page, watch } = await app.open(query, {
      viewport: { width: 1280, height: 900 },
      prepare: (p) => p.on('request', (r) => asked.push(new URL(r.url()).pathname.split('/').pop())),
    });
    const all = await territories(page);
    assert.equal(all.length, 148);
    if (!query.startsWith('?')) {
      // The small module adopts the national page as it adopts a region's: no file downloaded.
      assert.ok(asked.includes('territoires_map_small_bg.wasm') && !asked.some((f) => f.endsWith('.geojson') || f === 'territoires_map_bg.wasm'),
        `the small module alone: ${asked.filter((f) => /\.(wasm|geojson)$/.test(f))}`);
    }
    const reunion = all.filter((t) => REUNION.test(t.label));
    assert.equal(reunion.length, 2, `Le Port and Saint-André: ${reunion.map((t) => t.label)}`);
    const box = await page.$eval(`#carte path.tim-territory[data-id="${reunion[0].id}"]`, (p) => p.getBoundingClientRect().toJSON());
    const stage = await page.$eval('#carte .tim-stage', (s) => s.getBoundingClientRect().toJSON());
    assert.ok(box.left < stage.left + stage.width / 4, 'the inset is west of the mainland, inside the map');
    const { x, y } = await pointInside(page, reunion[0].id);
    await page.mouse.click(x, y);
    await page.waitForSelector('#carte .tim-panel:not([hidden])');
    const card = await panel(page);
    assert.equal(card.title, nameOf(reunion[0].label));
    assert.equal(card.status, 'La Réunion', 'the card names the region');
    await page.keyboard.press('Escape');

    const tools = await page.$$eval('#carte .tim-list-tools label, #carte .tim-table thead th, #carte .tim-list select option[value=""]',
      (els) => els.map((e) => e.textContent.trim()));
    assert.deepEqual(tools.filter((t) => /statut|région|tout/i.test(t)), ['Région', 'Tout afficher', 'Région'],
      `the filter and the column say what the colours tell: ${tools}`);
    await page.selectOption('#carte .tim-list select', { label: 'Grand Est' }).catch(async () => {
      const options = await page.$$eval('#carte .tim-list select option', (os) => os.map((o) => o.textContent));
      assert.fail(`no Grand Est in the list's filter: ${options}`);
    });
    assert.match(await page.locator('#carte .tim-list-count').textContent(), /^15 \/ 148/, 'the list shows the Grand Est\'s 15');
    await assertHealthy(watch);
  });
}

// 148 territories crowd the markers: the set the pre-render placed holds only at its own size
// (`data-fit`), and the names' module draws the stage's. Until it has, the page's stay shown.
test("the page's markers stay shown until the names' module draws this stage's, 24 px, none overlapping", { skip }, async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const { page, watch } = await app.open('__all/index.html', {
    viewport: { width: 1100, height: 700 },
    prepare: (p) => p.route(/\/pkg\/territoires_names_bg\.wasm/, async (route) => { await held; return route.continue(); }),
  });
  const ids = () => page.$$eval('#carte .tim-markers circle', (cs) => cs.map((c) => c.dataset.id).sort());
  const written = await ids();
  assert.ok(written.length > 10, `the page's markers: ${written.length}`);
  await page.waitForTimeout(300);
  assert.deepEqual(await ids(), written, 'the page\'s markers, while the names\' module is held');
  assert.ok(!(await page.$('#carte .tim-markers.tim-moving')), 'shown, not hidden');
  release();
  await page.waitForFunction(() => document.querySelector('#carte .tim-markers')?.hasAttribute('transform'));
  await page.waitForTimeout(100);
  const drawn = await page.$$eval('#carte .tim-markers circle', (cs) => cs.map((c) => {
    const r = c.getBoundingClientRect();
    return { id: c.dataset.id, x: r.left + r.width / 2, y: r.top + r.height / 2, r: r.width / 2 };
  }));
  assert.notDeepEqual(drawn.map((m) => m.id).sort(), written, 'this stage needs other markers than the page placed');
  for (const [i, a] of drawn.entries()) {
    assert.ok(a.r >= 11.75, `${a.id}: 24 px across on this stage, ${2 * a.r}`);
    for (const b of drawn.slice(i + 1)) {
      assert.ok(Math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r - 0.5, `the markers of ${a.id} and ${b.id} overlap`);
    }
  }
  await assertHealthy(watch);
});
