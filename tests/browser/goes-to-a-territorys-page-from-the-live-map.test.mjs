// A visitor of the pre-rendered site, once the module has taken the map over, goes on from the
// module's own card and list to a territory's own page (territoires/<id>.html), as the static
// card and list let them before; another file (?src=) or a map a host mounts without pre-rendered
// pages has no such page, and no such link.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy, squish, mountMap, waitForMapState } from './harness.mjs';

let app;
before(async () => {
  app = await start();
});
after(() => app?.close());

const pageLinks = (page, scope) =>
  page.$$eval(`${scope} .tim-table tbody tr`, (trs) =>
    trs.map((tr) => [tr.dataset.id, tr.querySelector('a.tim-list-page')?.getAttribute('href') ?? null]));

test("the module's card and list link to the territory's page, which opens", async () => {
  const { page, watch } = await app.open('');
  assert.equal(await page.locator('#carte .tim-territories a').count(), 0, 'the module has adopted the map');
  const rows = await pageLinks(page, '#carte');
  assert.equal(rows.length, 15);
  for (const [id, href] of rows) assert.equal(href, `territoires/${id}.html`, `${id}'s row`);
  const rowLink = page.locator('#carte .tim-table tr[data-id="vosges"] a.tim-list-page');
  assert.equal(squish(await rowLink.textContent()), 'Page du territoire');

  await page.click('#carte .tim-table tr[data-id="moselle-est"] button.tim-list-select');
  const link = page.locator('#carte .tim-panel:not([hidden]) .tim-card-page a');
  assert.equal(await link.count(), 1, 'the open card links to its page');
  assert.equal(squish(await link.textContent()), 'Page du territoire');
  assert.equal(await link.getAttribute('href'), 'territoires/moselle-est.html');
  // Another territory: the card's link follows it.
  await page.click('#carte .tim-table tr[data-id="sud-alsace"] button.tim-list-select');
  const name = squish(await page.locator('#carte .tim-panel:not([hidden]) .tim-panel-title').textContent());
  assert.equal(await link.getAttribute('href'), 'territoires/sud-alsace.html');
  await assertHealthy(watch);

  await Promise.all([page.waitForURL(/territoires\/sud-alsace\.html$/), link.click()]);
  assert.equal(squish(await page.locator('h1').textContent()), name, "the territory's page");
});

test('another file (?src=) or a map mounted by a host has no page to link to', async () => {
  const { page, watch } = await app.open('?src=data/territoires-grand-est.geojson');
  assert.deepEqual((await pageLinks(page, '#carte')).filter(([, href]) => href !== null), []);
  await page.click('#carte .tim-table tr[data-id="moselle-est"] button.tim-list-select');
  assert.equal(squish(await page.locator('#carte .tim-panel:not([hidden]) .tim-panel-title').textContent()), 'Moselle Est');
  assert.equal(await page.locator('#carte .tim-card-page').count(), 0);

  await mountMap(page, 'hosted', { src: 'data/territoires-grand-est.geojson' });
  await waitForMapState(page, 'hosted', 'ready');
  assert.equal((await pageLinks(page, '#hosted')).length, 15);
  assert.equal(await page.locator('#hosted a.tim-list-page').count(), 0);
  await assertHealthy(watch);
});
