// A resident types their commune in the field above the map ("Votre commune") and gets the
// answer: the territory's card opens with a sentence naming the commune, the commune is marked
// on the map, or the answer says it is in no territory. Communes from all ten départements,
// homonyms, shared postcodes, former communes, typed with and without accents, "st" for
// "saint", a typo; by keyboard alone; the deep link and the element's API; a 390 px phone; the
// English edition. The search's module and index are fetched only once the field is used
// (src/search/, src/web/search/, www/search.js).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, squish, nameOf, assertHealthy } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(() => app?.close());

const INPUT = '.tim-commune-search input[role="combobox"]';
const OPTIONS = '.tim-commune-search-options [role="option"]';
const NONE = "ne fait partie d'aucun Territoire d'industrie d'après la table de l'État d'octobre 2020.";
const VITRY = 'Vitry-le-François – Saint-Dizier – Bar-le-Duc - Bassin de Joinville';
const ALSACE_BOSSUE = 'Alsace bossue – Saverne – Nord Alsace';

// [typed, name, postcodes, département, territory (null: none), current commune of a former one]
// True data: data/communes-grand-est.csv, from the State's table of October 2020.
const COMMUNES = [
  ['lumes', 'Lumes', '08440', 'Ardennes', 'Nord Est Ardennes'],
  ['Escombres', 'Escombres-et-le-Chesnois', '08110', 'Ardennes', 'Nord Est Ardennes'],
  ['rethel', 'Rethel', '08300', 'Ardennes', null],
  ['evigny', 'Évigny', '08090', 'Ardennes', null],
  ['08090', 'Aiglemont', '08090', 'Ardennes', 'Nord Est Ardennes'],
  ['ruvigny', 'Ruvigny', '10410', 'Aube', 'Troyes Bar sur Aube'],
  ['barberey st sulpice', 'Barberey-Saint-Sulpice', '10600', 'Aube', 'Troyes Bar sur Aube'],
  ['bessy', 'Bessy', '10170', 'Aube', null],
  ['prouilly', 'Prouilly', '51140', 'Marne', 'Bazancourt-Pomacle'],
  ['Bouchy-Saint-Genest', 'Bouchy-Saint-Genest', '51310', 'Marne', 'Epernay Bassin Sézannais - Portes de Romilly'],
  ['isse', 'Isse', '51150', 'Marne', null],
  ['nomecourt', 'Nomécourt', '52300', 'Haute-Marne', VITRY],
  ['Outremécourt', 'Outremécourt', '52150', 'Haute-Marne', null],
  ['dommartin la chaussee', 'Dommartin-la-Chaussée', '54470', 'Meurthe-et-Moselle', 'Val de Lorraine'],
  ['AUBOUE', 'Auboué', '54580', 'Meurthe-et-Moselle', 'Nord Lorraine'],
  ['bertrichamps', 'Bertrichamps', '54120', 'Meurthe-et-Moselle', null],
  ['pagny la blanche', 'Pagny-la-Blanche-Côte', '55140', 'Meuse', VITRY],
  ['bonzée', 'Bonzée', '55160', 'Meuse', null],
  ['farebersviller', 'Farébersviller', '57450', 'Moselle', 'Moselle Est'],
  ['beyren les sierck', 'Beyren-lès-Sierck', '57570', 'Moselle', 'Nord Lorraine'],
  ['servigny les ste barbe', 'Servigny-lès-Sainte-Barbe', '57640', 'Moselle', null],
  ['st louis', 'Saint-Louis', '57820', 'Moselle', null],
  ['bindernheim', 'Bindernheim', '67600', 'Bas-Rhin', 'Alsace centrale'],
  ['rexingen', 'Rexingen', '67320', 'Bas-Rhin', ALSACE_BOSSUE],
  ['duntzenheim', 'Duntzenheim', '67270', 'Bas-Rhin', null],
  ['heiwiller', 'Heiwiller', '68130', 'Haut-Rhin', 'Sud-Alsace'],
  ['wintzenheim', 'Wintzenheim', '68124, 68920', 'Haut-Rhin', 'Alsace centrale'],
  ['bergheim', 'Bergheim', '68750', 'Haut-Rhin', null],
  ['saint louis', 'Saint-Louis', '68300', 'Haut-Rhin', 'Sud-Alsace'],
  ['saint die', 'Saint-Dié-des-Vosges', '88100', 'Vosges', 'Vosges'],
  ['gerardmr', 'Gérardmer', '88400', 'Vosges', 'Vosges'],
  ['épinal', 'Épinal', '88000', 'Vosges', 'Vosges'],
  ['fresne les reims', 'Fresne-lès-Reims', '51110', 'Marne', 'Bazancourt-Pomacle', 'Bourgogne-Fresne'],
  ['hermerswiller', 'Hermerswiller', '67250', 'Bas-Rhin', ALSACE_BOSSUE, 'Hoffen'],
  ['ornel', 'Ornel', '55400', 'Meuse', null, 'Foameix-Ornel'],
  ['oncourt', 'Oncourt', '88150', 'Vosges', 'Vosges', 'Thaon-les-Vosges'],
];

const sentence = ([, name, postcodes, , territory, now]) => {
  const who = `${name} (${postcodes})${now ? `, ancienne commune aujourd'hui partie de ${now},` : ''}`;
  return territory ? `${who} fait partie du territoire ${territory}.` : `${who} ${NONE}`;
};

/** What the page shows once a commune is chosen: the answer, the open card, the mark and the
 * territory whose outline holds it (by geometry: the card beside the map may cover it). */
const shown = (page) => page.evaluate(() => {
  const panel = document.querySelector('.tim-panel:not([hidden])');
  const mark = document.querySelector('.tim-svg .tim-commune');
  let under = null;
  if (mark) {
    const at = mark.transform.baseVal.getItem(0).matrix;
    const view = document.querySelector('.tim-view').transform.baseVal.getItem(0).matrix.inverse();
    const p = new DOMPoint(at.e, at.f).matrixTransform(view);
    const t = [...document.querySelectorAll('.tim-territory')].find((e) => e.isPointInFill(p));
    under = t ? (t.closest('[aria-label]')?.getAttribute('aria-label') ?? '?') : '';
  }
  return {
    answer: document.querySelector('.tim-commune-search-answer').textContent,
    title: panel?.querySelector('.tim-panel-title')?.textContent ?? null,
    card: panel?.querySelector('.tim-card-commune')?.textContent ?? null,
    mark: mark?.textContent ?? null,
    under,
    expanded: document.querySelector('.tim-commune-search input').getAttribute('aria-expanded'),
  };
});

test('finds communes of all ten départements and answers on the map', async () => {
  const { page, watch } = await app.open('', {
  });
  const { requests } = watch;
  const label = await page.locator('.tim-commune-search label').textContent();
  assert.equal(label, 'Votre commune');
  assert.ok(!requests.some((r) => /territoires_search|communes-grand-est\.txt/.test(r)), 'nothing of the search before it is used');
  const wrong = [];
  for (const c of COMMUNES) {
    const [typed, name, postcodes, dep, territory] = c;
    await page.fill(INPUT, typed);
    const option = page.locator(OPTIONS, { hasText: `${name} (${postcodes}), ${dep}` }).first();
    await option.waitFor({ timeout: 5000 }).catch(() => {});
    if (!(await option.count())) { wrong.push(`${typed}: no suggestion ${name}`); continue; }
    await option.click();
    const s = await shown(page);
    const want = { answer: sentence(c), title: territory, card: territory ? sentence(c) : null, mark: name, expanded: 'false' };
    for (const k of Object.keys(want)) if (s[k] !== want[k]) wrong.push(`${typed}: ${k} ${JSON.stringify(s[k])}, wanted ${JSON.stringify(want[k])}`);
    // The mark is inside the commune's territory, or outside every territory.
    if (territory ? nameOf(s.under ?? '') !== territory : s.under !== '') wrong.push(`${typed}: marked over ${JSON.stringify(s.under)}`);
  }
  assert.deepEqual(wrong, []);
  assert.equal(requests.filter((r) => r.endsWith('/communes-grand-est.txt')).length, 1, 'the index, once');
  await assertHealthy(watch);
});

test('by keyboard alone: suggestions announced, arrows, Enter, Escape', async () => {
  const { page } = await app.open('');
  const input = page.locator(INPUT);
  await input.focus();
  await page.keyboard.type('saint-louis');
  await page.locator(OPTIONS).first().waitFor();
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  assert.match(await page.textContent('.tim-commune-search-count'), /^\d+ communes proposées\.$/);
  const options = await page.locator(OPTIONS).allTextContents();
  assert.deepEqual(options.slice(0, 2), ['Saint-Louis (57820), Moselle', 'Saint-Louis (68300), Haut-Rhin'], 'homonyms by département');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const active = await input.getAttribute('aria-activedescendant');
  assert.equal(await page.locator(`#${active}`).textContent(), 'Saint-Louis (68300), Haut-Rhin');
  assert.equal(await page.locator(`#${active}`).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Enter');
  assert.equal((await shown(page)).title, 'Sud-Alsace');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'combobox', 'the focus stays in the field');
  await page.keyboard.type('x');
  await page.keyboard.press('Escape');
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  await page.keyboard.press('Escape');
  assert.equal(await input.inputValue(), '', 'a second Escape empties the field');
  assert.equal(await page.locator('.tim-svg .tim-commune').count(), 0, 'and the mark goes');
  await page.keyboard.type('zzzzz');
  await page.waitForFunction(() => document.querySelector('.tim-commune-search-count').textContent === 'Aucune commune trouvée.');
});

test('the mark follows the map as it zooms', async () => {
  const { page } = await app.open('');
  await page.fill(INPUT, 'saint die');
  await page.locator(OPTIONS).first().click();
  const before = await page.locator('.tim-svg .tim-commune circle').boundingBox();
  await page.click('.tim-controls button >> nth=0');
  await page.waitForFunction((y) => {
    const r = document.querySelector('.tim-svg .tim-commune circle').getBoundingClientRect();
    return Math.abs(r.y - y) > 5;
  }, before.y);
  assert.equal(nameOf((await shown(page)).under), 'Vosges');
});

test('the mark stays in sight beside the open card, even at the eastern edge of the region', async () => {
  for (const width of [1200, 800]) {
    const { page } = await app.open('', { viewport: { width, height: 900 } });
    for (const [typed, option] of [['lauterbourg', 'Lauterbourg (67630)'], ['givet', 'Givet (08600)']]) {
      await page.fill(INPUT, typed);
      await page.locator(OPTIONS, { hasText: option }).first().click();
      const box = await page.evaluate(() => {
        const c = document.querySelector('.tim-svg .tim-commune circle').getBoundingClientRect();
        const s = document.querySelector('.tim-svg').getBoundingClientRect();
        const p = document.querySelector('.tim-panel:not([hidden])').getBoundingClientRect();
        return { inside: c.left >= s.left && c.right <= s.right && c.top >= s.top && c.bottom <= s.bottom, clear: c.right <= p.left };
      });
      assert.deepEqual(box, { inside: true, clear: true }, `${typed} at ${width} px`);
    }
  }
});

test('a deep link, the element and the host event name the commune', async () => {
  const { page, watch } = await app.open('#commune=68297');
  await page.waitForFunction(() => document.querySelector('.tim-card-commune'));
  const s = await shown(page);
  assert.deepEqual([s.answer, s.title, s.card, s.mark], ['Saint-Louis (68300) fait partie du territoire Sud-Alsace.',
    'Sud-Alsace', 'Saint-Louis (68300) fait partie du territoire Sud-Alsace.', 'Saint-Louis']);
  await assertHealthy(watch);
  // The iframe keeps the commune in its address.
  const frame = await app.open('embed.html#commune=88413');
  await frame.page.waitForFunction(() => document.querySelector('.tim-card-commune'));
  assert.equal(new URL(frame.page.url()).hash, '#commune=88413');
  // The element with the pasted snippet: its commune attribute, selectCommune, territoryselect.
  const snippet = await (await fetch(`${app.base}/territoires-map.snippet.html`)).text();
  const base = snippet.match(/<link rel="stylesheet" href="(https?:\/\/[^"]*\/)map\.css">/)[1];
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Un article</title>
<script type="module" src="/territoires-map.js"></script></head><body><h1>Un article</h1>
<territoires-map commune="88413">${snippet.replaceAll(base, `${app.base}/`)}</territoires-map></body></html>`;
  const host = await app.open('__host.html', {
    state: null,
    prepare: (p) => p.route(/\/__host\.html$/, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html })),
  });
  await host.page.waitForFunction(() => document.querySelector('.tim-card-commune'));
  assert.equal(squish(await host.page.textContent('.tim-card-commune')), 'Saint-Dié-des-Vosges (88100) fait partie du territoire Vosges.');
  const detail = await host.page.evaluate(async () => {
    const el = document.querySelector('territoires-map');
    const got = new Promise((r) => el.addEventListener('territoryselect', (e) => r(e.detail), { once: true }));
    const ok = await el.selectCommune('57207');
    const { id, name, commune } = await got;
    return { ok, id, name, commune, missing: await el.selectCommune('99999') };
  });
  assert.deepEqual(detail, { ok: true, id: 'moselle-est', name: 'Moselle Est', commune: { code: '57207', name: 'Farébersviller' }, missing: false });
  await assertHealthy(host.watch);
});

test('on a 390 px phone, the field and its suggestions fit', async () => {
  const { page } = await app.open('', { viewport: { width: 390, height: 800 }, hasTouch: true });
  await page.fill(INPUT, 'bar');
  await page.locator(OPTIONS).first().waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scroll: ${width}`);
  const box = await page.locator('.tim-commune-search-options').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));
  await page.locator(OPTIONS, { hasText: 'Bar-le-Duc (55000), Meuse' }).tap();
  assert.equal((await shown(page)).title, VITRY);
});

test('the English edition answers in English', async () => {
  const { page } = await app.open('en/index.html');
  assert.equal(await page.locator('.tim-commune-search label').textContent(), 'Your commune');
  await page.fill(INPUT, 'rethel');
  await page.locator(OPTIONS).first().click();
  assert.equal(squish(await page.textContent('.tim-commune-search-answer')),
    "Rethel (08300) is in no Territoire d'industrie, according to the State's table of October 2020.");
});

test('without JavaScript, the field leads to the page of all communes', async () => {
  const { page } = await app.open('', { state: null, javaScript: false });
  await page.fill(INPUT, 'Rollainville');
  await page.press(INPUT, 'Enter');
  await page.waitForURL(/\/communes\.html\??$/);
  assert.ok((await page.textContent('main')).includes('Rollainville'), 'where find-in-page answers');
});

test('with other data, no field', async () => {
  const { page } = await app.open('?src=data/territoires-grand-est.geojson&renderer=svg');
  assert.equal(await page.locator('form.tim-commune-search').count(), 0);
});
