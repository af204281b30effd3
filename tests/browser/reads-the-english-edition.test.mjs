// A reader who does not read French opens the English edition the build writes (en/, src/prerender/
// shell.rs): from the French page's language link, or from ?lang=en on the page or the iframe.
// Everything the project writes is in English there (page, map, legend, statuses, facts, cards,
// notes, accessible names with English spacing); what the file quotes (the press release's
// projects) stays French and is marked lang="fr"; proper names stay as they are.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { start, assertHealthy, siteDir, pointInside, panel, squish } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(() => app?.close());

const file = JSON.parse(readFileSync(path.join(siteDir, 'data/territoires-grand-est.geojson'), 'utf8'));

/** Every French text of the file's language maps whose English differs. */
function frenchOfMaps(v, out = []) {
  if (Array.isArray(v)) v.forEach((x) => frenchOfMaps(x, out));
  else if (v && typeof v === 'object') {
    if (typeof v.fr === 'string' && typeof v.en === 'string' && v.fr !== v.en) out.push(v.fr);
    Object.values(v).forEach((x) => frenchOfMaps(x, out));
  }
  return out;
}

/** The proper names of the file (territories, short names, places, intercommunalities). */
const names = file.features.flatMap((f) => {
  const p = f.properties;
  return [p.name, p.short_name, p.status_place, ...(p.epci ?? []).map((e) => e.name)].filter(Boolean);
});

/**
 * What a reader of the page meets outside the parts marked with another language: every text
 * node (hidden cards included) and the accessible names, titles and placeholders.
 */
const englishText = (page) => page.evaluate(() => {
  const foreign = (n) => n.closest('[lang]')?.getAttribute('lang') !== 'en';
  const out = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script, style') || foreign(el)) continue;
    if (n.textContent.trim()) out.push(n.textContent);
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    if (foreign(el)) continue;
    for (const a of ['aria-label', 'title', 'placeholder', 'alt']) if (el.hasAttribute(a)) out.push(el.getAttribute(a));
  }
  out.push(document.title);
  return out.map((s) => s.replace(/\s+/g, ' ').trim());
});

/**
 * Words of the French interface and of the project's French texts, whole words, after the proper
 * names are taken out (which hold French words: "Grand Est", "Sel et Vermois").
 */
const FRENCH = /(^|[^\p{L}])(fiche|carte|affichés?|télécharger|fermer|rechercher|plein écran|signé|protocole|périmètre|projets|statuts?|intercommunalités|zoomer|agrandir|réduire|langue|aller à|sans plan|déduit|tiré de|en vigueur)(?=$|[^\p{L}])/iu;

async function assertEnglish(page, where) {
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', `${where}: <html lang>`);
  const french = frenchOfMaps(file);
  assert.ok(french.length > 20, `the data carries its texts in French and English (${french.length})`);
  for (const text of await englishText(page)) {
    for (const f of french) assert.ok(!text.includes(squish(f)), `${where}: French text of the data in "${text}"`);
    let rest = text;
    for (const n of names) rest = rest.split(n).join(' ');
    assert.doesNotMatch(rest, FRENCH, `${where}: French words in "${text}"`);
    assert.doesNotMatch(text, /[ \u00a0\u202f][:;!?](\s|$)|[«»]/, `${where}: French typography in "${text}"`);
  }
}

test('?lang=en on the page goes to the English edition, which the small module adopts, all in English', async () => {
  const { page, watch } = await app.open('?lang=en#territoire=vosges', {
  });
  const { requests } = watch;
  assert.equal(new URL(page.url()).pathname, '/en/index.html');
  assert.equal(new URL(page.url()).hash, '#territoire=vosges', 'the card asked for stays asked for');
  assert.ok(!requests.some((u) => u.endsWith('.geojson')), `no GeoJSON downloaded: ${requests.join(' ')}`);
  assert.ok(requests.some((u) => u === '/pkg/territoires_map_small_bg.wasm'), 'the small module, from the site root');
  assert.equal(squish(await page.textContent('main > h1')), file.title.en);
  const vosges = file.features.find((f) => f.id === 'vosges').properties;
  assert.equal((await panel(page)).status, file.legend.statuses.find((s) => s.id === vosges.status).label.en, 'the card opened by the link');
  assert.equal(await page.getAttribute('#carte .tim-panel:not([hidden]) .tim-panel-projects', 'lang'), 'fr', 'the quoted projects are marked French');
  const label = await page.getAttribute('#carte path.tim-territory[data-id="vosges"]', 'aria-label');
  assert.match(label, /^Vosges: /, 'English spacing in the accessible name');
  await assertEnglish(page, 'en/index.html');
  await assertHealthy(watch);
});

test('a click on the English map opens an English card; the French page links to it and back', async () => {
  const { page, watch } = await app.open('');
  const link = page.locator('nav.langs a[hreflang="en"]');
  assert.equal(squish(await link.textContent()), 'English');
  assert.equal(await link.getAttribute('lang'), 'en');
  await link.click();
  await page.waitForURL('**/en/index.html');
  await page.waitForSelector('#carte[data-state="ready"]');
  const id = 'epernay-sezanne-romilly';
  const p = await pointInside(page, id);
  await page.mouse.click(p.x, p.y);
  const card = await panel(page);
  const status = file.legend.statuses.find((s) => s.id === file.features.find((f) => f.id === id).properties.status);
  assert.equal(card.status, status.label.en);
  assert.equal(await page.locator('#carte .tim-panel h4').first().textContent(), 'Projects');
  await assertEnglish(page, 'en/index.html after a click');
  await page.locator('nav.langs a[hreflang="fr"]').click();
  await page.waitForURL((u) => u.pathname === '/index.html');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  await assertHealthy(watch);
});

test("the iframe's ?lang=en and the English territory pages are English too, with or without JavaScript", async () => {
  const { page, watch } = await app.open('embed.html?lang=en&minimal');
  assert.equal(new URL(page.url()).pathname, '/en/embed.html');
  assert.ok(new URL(page.url()).searchParams.has('minimal'), 'the other parameters are kept');
  await assertEnglish(page, 'en/embed.html');
  await assertHealthy(watch);
  const { page: p2 } = await app.open('en/territoires/vosges.html', { state: null, javaScript: false });
  assert.equal(squish(await p2.textContent('h1')), 'Vosges');
  assert.equal(await p2.getAttribute('link[rel="alternate"][hreflang="fr"]', 'href'), '../../territoires/vosges.html');
  await assertEnglish(p2, 'en/territoires/vosges.html');
  // Its link preview is the English image of the territory.
  assert.match(await p2.getAttribute('meta[property="og:image"]', 'content'), /\/en\/territoires\/vosges\.png$/);
  const image = await p2.request.get(`${app.base}/en/territoires/vosges.png`);
  assert.equal(image.headers()['content-type'], 'image/png');
  const { page: p3 } = await app.open('en/index.html#territoire=sel-et-vermois', { state: null, javaScript: false });
  await assertEnglish(p3, 'en/index.html without JavaScript');
});
