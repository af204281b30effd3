// A reader whose browser runs no JavaScript, or whose network or CSP blocks the WebAssembly
// module, still gets the map the build pre-rendered (src/prerender/): the 15 territories as
// links, the legend, the list, and each territory's card, opened by a click or by the keyboard
// (`:target`, no script). Also what a crawler gets: the served HTML as is.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, squish, STATUS } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(() => app?.close());

const IDS = [
  'alsace-bossue-saverne-nord-alsace', 'alsace-centrale', 'bazancourt-pomacle', 'epernay-sezanne-romilly',
  'langres-chaumont', 'moselle-est', 'nord-est-ardennes', 'nord-lorraine', 'sel-et-vermois', 'sud-alsace',
  'terres-de-lorraine', 'troyes-bar-sur-aube', 'val-de-lorraine', 'vitry-saint-dizier-bar-le-duc-joinville', 'vosges',
];

/** A point of the page where territory `id` is what the pointer hits (its link on top). */
const pointIn = (page, id) => page.evaluate((id) => {
  const path = document.querySelector(`path.tim-territory[data-id="${id}"]`);
  const r = path.getBoundingClientRect();
  for (let n = 2; n <= 64; n *= 2) {
    for (let i = 1; i < n; i++) {
      for (let j = 1; j < n; j++) {
        const x = r.left + (r.width * i) / n;
        const y = r.top + (r.height * j) / n;
        if (document.elementFromPoint(x, y) === path) return { x, y };
      }
    }
  }
  return null;
}, id);

/** The card shown now (`:target`), as its id and title; null when none is. */
const shownCard = (page) => page.evaluate(() => {
  const open = [...document.querySelectorAll('.tim-card')].filter((c) => getComputedStyle(c).display !== 'none');
  return open.length === 1 ? { id: open[0].id, title: open[0].querySelector('.tim-panel-title').textContent } : open.length;
});

const scenarios = {
  'with JavaScript disabled': { javaScript: false },
  'with JavaScript on and the wasm module blocked': {
    prepare: (page) => page.route(/\.wasm$/, (r) => r.abort()),
  },
};

for (const [name, options] of Object.entries(scenarios)) {
  test(`${name}: the map, legend and list are there and every territory is a named link`, async () => {
    const { page } = await app.open('', { state: null, ...options });
    const links = await page.$$eval('#carte svg.tim-svg .tim-territories a', (as) =>
      as.map((a) => ({ href: a.getAttribute('href'), label: a.getAttribute('aria-label'), id: a.querySelector('path.tim-territory')?.dataset.id })));
    assert.deepEqual(links.map((l) => l.id).sort(), IDS);
    for (const l of links) {
      assert.equal(l.href, `#territoire=${l.id}`);
      assert.match(l.label, / : (Protocole|Pas encore)/, l.label);
    }
    const box = await page.locator('#carte svg.tim-svg').boundingBox();
    assert.ok(box.width > 600 && box.height > 400, `the map is drawn at ${box.width}×${box.height}`);
    assert.ok(await page.locator('#carte .tim-label').count() >= 3, 'names written on the map');
    const legend = squish(await page.locator('#carte .tim-legend').textContent());
    for (const s of Object.values(STATUS)) assert.ok(legend.includes(s), legend);
    const rows = await page.$$eval('#carte .tim-table tbody tr', (trs) => trs.map((tr) => [tr.dataset.id, tr.querySelector('a').getAttribute('href')]));
    assert.deepEqual(rows.map((r) => r[0]).sort(), IDS);
    for (const [id, href] of rows) assert.equal(href, `territoires/${id}.html`);
    assert.equal(await shownCard(page), 0, 'no card before a territory is chosen');
    if (options.prepare) await page.waitForSelector('#carte[data-state="error"]');
    // The module's buttons and the list's search and filter would do nothing: not shown. The
    // CSV link needs no script: it holds every row.
    for (const sel of ['.tim-controls', '.tim-search', '.tim-filter']) {
      assert.equal(await page.locator(`#carte ${sel}`).isVisible(), false, `${sel} shown`);
    }
    const csv = page.locator('#carte a.tim-csv');
    assert.ok(await csv.isVisible(), 'the CSV link');
    const text = decodeURIComponent((await csv.getAttribute('href')).replace(/^data:text\/csv;charset=utf-8,/, ''));
    assert.equal(text.trim().split('\n').length, 16, 'a header and the 15 territories');
    assert.match(text, /Vosges/);
    if (options.prepare) {
      assert.match(squish(await page.locator('.tim-start-failed').textContent()), /^La carte n'a pas pu démarrer/);
      assert.equal(await page.locator('#carte .tim-pre').count(), 1, 'the pre-rendered map stays');
    }
  });

  test(`${name}: a click on each territory opens its card, the close link closes it`, async () => {
    const { page } = await app.open('', { state: null, ...options });
    for (const id of IDS) {
      const at = await pointIn(page, id);
      assert.ok(at, `${id} can be pointed at`);
      await page.mouse.click(at.x, at.y);
      const card = await shownCard(page);
      assert.equal(card.id, `territoire=${id}`);
      assert.equal(new URL(page.url()).hash, `#territoire=${id}`);
    }
    const card = page.locator('.tim-card:target');
    assert.match(squish(await card.textContent()), /Protocole signé|Pas encore/);
    assert.ok(await card.locator('.tim-panel-sources a[href^="https://"]').count() >= 1, 'the card has its sources');
    await card.locator('.tim-close').click();
    assert.equal(await shownCard(page), 0);
  });

  test(`${name}: the keyboard reaches every territory and Enter opens its card`, async () => {
    const { page } = await app.open('', { state: null, ...options });
    const reached = [];
    for (let k = 0; k < 40 && reached.length < 15; k++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.closest('.tim-territories a')?.querySelector('path')?.dataset.id ?? null);
      if (id && !reached.includes(id)) reached.push(id);
    }
    assert.deepEqual([...reached].sort(), IDS, 'Tab goes through the 15 territories');
    await page.keyboard.press('Enter');
    const card = await shownCard(page);
    assert.equal(card.id, `territoire=${reached[14]}`);
    // Every card is there and opens from its address.
    for (const id of IDS) {
      await page.evaluate((h) => { location.hash = h; }, `territoire=${id}`);
      assert.equal((await shownCard(page)).id, `territoire=${id}`);
    }
  });
}

test('the served index.html holds the 15 territories and their cards as they are', async () => {
  const html = await (await fetch(`${app.base}/`)).text();
  for (const id of IDS) {
    assert.ok(html.includes(`data-id="${id}"`), `${id} on the map`);
    assert.ok(html.includes(`id="territoire=${id}"`), `${id}'s card`);
    assert.ok(html.includes(`href="territoires/${id}.html"`), `${id} in the list`);
  }
  assert.match(html, /Protocole signé le 19 novembre 2019 à Mulhouse/);
  // One script element without src: the module's copy of the data, JSON, never run.
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)(?! type="application\/json" class="tim-data">)/, 'no inline script');
  assert.equal(html.match(/<script type="application\/json"/g)?.length, 1);
  assert.doesNotMatch(html, /\sstyle=/, 'no inline style');
  assert.match(html, /<link rel="canonical" href="https?:\/\/[^"]+\/">/);
  assert.match(html, /<meta property="og:image" content="https?:\/\/[^"]+\/carte\.png">/);
});
