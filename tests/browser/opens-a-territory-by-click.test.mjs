// A visitor clicks a territory on the map and reads its detail panel: its name, its status on
// 19 Nov 2019 as the press release gives it, its projects, intercommunalities and sources.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  start, assertHealthy, territories, findTerritory, territorySelector, pointInside, panel,
  nameOf, fold, STATUS,
} from './harness.mjs';

let app;
let page;
let watch;

before(async () => {
  app = await start();
  ({ page, watch } = await app.open(''));
});
after(() => app?.close());

// The press release of 19 Nov 2019: 11 signed that day in Mulhouse, Sud-Alsace and
// Bazancourt-Pomacle earlier; the two it does not name (Moselle Est and Sel et Vermois, by
// elimination against the State's commune table) had no action plan.
// Keys are matched against the folded name (lower case, no accents, dashes as spaces).
const PRESS_RELEASE = [
  [/saverne/, STATUS.signed],
  [/^alsace centrale/, STATUS.signed],
  [/ardenne/, STATUS.signed],
  [/epernay/, STATUS.signed],
  [/^nord lorraine/, STATUS.signed],
  [/^val de lorraine/, STATUS.signed],
  [/^terres de lorraine/, STATUS.signed],
  [/vitry/, STATUS.signed],
  [/^vosges/, STATUS.signed],
  [/langres/, STATUS.signed],
  [/troyes/, STATUS.signed],
  [/^sud alsace/, STATUS.earlier],
  [/bazancourt/, STATUS.earlier],
  [/^moselle est/, STATUS.none],
];

async function clickOpen(id) {
  const { x, y } = await pointInside(page, id);
  await page.mouse.click(x, y);
  await page.waitForSelector('#carte .tim-panel:not([hidden])', { timeout: 3000 }).catch(() => {
    assert.fail(`clicking territory ${id} at (${x.toFixed(0)}, ${y.toFixed(0)}) did not open .tim-panel`);
  });
  const p = await panel(page);
  assert.ok(p, '.tim-panel is shown');
  const selected = await page.$$eval('#carte path.tim-territory.tim-selected', (ps) => ps.map((q) => q.getAttribute('data-id')));
  assert.deepEqual(selected, [id], 'the opened territory, and only it, is tim-selected');
  return p;
}

async function closeWithButton(id) {
  await page.click('#carte .tim-panel:not([hidden]) button.tim-close');
  await page.waitForFunction(() => !document.querySelector('#carte .tim-panel:not([hidden])'), null, { timeout: 3000 });
  assert.equal(await page.$$eval('#carte .tim-panel:not([hidden])', (l) => l.length === 0), true, 'panel gets the hidden attribute');
  const active = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
  assert.equal(active, id, 'focus returns to the territory after closing');
}

test('every territory opens by click with the status of the press release', async () => {
  const all = await territories(page);
  assert.equal(all.length, 15);
  const unmatched = [];
  for (const t of all) {
    const name = nameOf(t.label);
    const p = await clickOpen(t.id);
    assert.equal(p.title, name, `panel title of ${t.id}`);
    const rule = PRESS_RELEASE.find(([re]) => re.test(fold(name)));
    if (rule) {
      assert.equal(p.status, rule[1], `status of ${name}`);
    } else {
      unmatched.push(name);
      assert.equal(p.status, STATUS.none, `the territory the press release does not name (${name}) has no action plan`);
    }
    assert.ok(p.hasClose, 'a close button');
    for (const s of p.sources) assert.match(s.href ?? '', /^https?:\/\//i, `source link of ${name}`);
    assert.ok(p.perimeter && p.perimeter.length > 10, `${name}: a sentence on the perimeter's confidence`);
    await closeWithButton(t.id);
  }
  assert.equal(unmatched.length, 1, `exactly one territory is not named by the press release: ${unmatched}`);
});

test('Vosges: hydrogen storage and liquefaction project', async () => {
  const t = await findTerritory(page, (n) => n.startsWith('vosges'), 'Vosges');
  const p = await clickOpen(t.id);
  assert.equal(p.title, 'Vosges');
  assert.equal(p.status, STATUS.signed);
  assert.ok(p.projects.some((x) => x.includes('stockage et la liquéfaction d’hydrogène')), `projects: ${JSON.stringify(p.projects)}`);
  await closeWithButton(t.id);
});

test('Terres de Lorraine: the [G]HOST glass platform, with Bresle-Vimeu as partner', async () => {
  const t = await findTerritory(page, (n) => n.startsWith('terres de lorraine'), 'Terres de Lorraine');
  const p = await clickOpen(t.id);
  assert.equal(p.status, STATUS.signed);
  const ghost = p.projects.find((x) => x.includes('[G]HOST'));
  assert.ok(ghost, `projects: ${JSON.stringify(p.projects)}`);
  assert.ok(ghost.includes('Bresle-Vimeu'), ghost);
  assert.ok(p.epci.length > 0, 'intercommunalities listed');
  await closeWithButton(t.id);
});

test('Alsace bossue – Saverne – Nord Alsace: the local datacenter', async () => {
  const t = await findTerritory(page, (n) => n.includes('saverne'), 'Saverne');
  const p = await clickOpen(t.id);
  assert.equal(p.status, STATUS.signed);
  assert.ok(p.projects.some((x) => x.includes('Datacenter')), `projects: ${JSON.stringify(p.projects)}`);
  await closeWithButton(t.id);
});

test('Sud-Alsace: signed before 19 November 2019, no project in the press release', async () => {
  const t = await findTerritory(page, (n) => n.startsWith('sud alsace'), 'Sud-Alsace');
  const p = await clickOpen(t.id);
  assert.equal(p.status, STATUS.earlier);
  assert.deepEqual(p.projects, []);
  await closeWithButton(t.id);
});

test('Bazancourt-Pomacle: signed before 19 November 2019', async () => {
  const t = await findTerritory(page, (n) => n.includes('bazancourt'), 'Bazancourt-Pomacle');
  const p = await clickOpen(t.id);
  assert.equal(fold(p.title), fold(nameOf(t.label)));
  assert.equal(p.status, STATUS.earlier);
  await closeWithButton(t.id);
});

test('Moselle Est: no action plan yet on 19 November 2019', async () => {
  const t = await findTerritory(page, (n) => n.startsWith('moselle est'), 'Moselle Est');
  const p = await clickOpen(t.id);
  assert.equal(p.status, STATUS.none);
  await closeWithButton(t.id);
});

// The 15th territory: the one the press release does not name. Its card says where its
// perimeter comes from (the State's table of October 2020), its one intercommunality, its size.
test('Sel et Vermois: no action plan, opens by click and by keyboard, and tells its perimeter', async () => {
  const t = await findTerritory(page, (n) => n === 'sel et vermois', 'Sel et Vermois');
  const p = await clickOpen(t.id);
  assert.equal(p.title, 'Sel et Vermois');
  assert.equal(p.status, STATUS.none);
  assert.deepEqual(p.projects, []);
  assert.deepEqual(p.epci, ['CC des Pays du Sel et du Vermois']);
  const text = (sel) => page.$eval(`#carte .tim-panel:not([hidden]) ${sel}`, (el) => el.textContent.replace(/\s+/g, ' ').trim());
  const note = await text('.tim-panel-note');
  assert.match(note, /octobre 2020/);
  assert.match(note, /onze mois après le 19 novembre 2019/);
  assert.match(note, /CC des Pays du Sel et du Vermois \(16 communes\)/);
  assert.match(await text('.tim-panel-communes'), /^16 communes · \d+ km² · [\d\s]+ habitants \(population légale .*2026.*\)$/);
  const table = 'https://github.com/signaux-faibles/datapi/blob/17b7213f4d3b3419d4e774aba593c4321eaadbf0/migrations/201013_0_fix_terrind.sql';
  assert.equal(p.sources[0].href, table, 'the exact file of the table');
  await closeWithButton(t.id);

  // focus is back on Sel et Vermois: the keyboard walks away and back, then Enter opens it
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-id')), t.id);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#carte .tim-panel:not([hidden])', { timeout: 3000 });
  const k = await panel(page);
  assert.equal(k.title, 'Sel et Vermois');
  assert.equal(k.status, STATUS.none);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#carte .tim-panel:not([hidden])'), null, { timeout: 3000 });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-id')), t.id);
});

test('clicking another territory while the panel is open switches the panel to it', async () => {
  const a = await findTerritory(page, (n) => n.startsWith('vosges'), 'Vosges');
  const b = await findTerritory(page, (n) => n.startsWith('alsace centrale'), 'Alsace centrale');
  await clickOpen(a.id);
  const p = await clickOpen(b.id);
  assert.equal(p.title, nameOf(b.label));
  await closeWithButton(b.id);
});

test('hovering shows the name in a tooltip and marks the territory', async () => {
  const t = await findTerritory(page, (n) => n.startsWith('vosges'), 'Vosges');
  const { x, y } = await pointInside(page, t.id);
  await page.mouse.move(x, y);
  await page.waitForSelector('#carte .tim-tooltip:not([hidden])', { timeout: 3000 });
  const tip = await page.$eval('#carte .tim-tooltip', (el) => ({ role: el.getAttribute('role'), text: el.textContent }));
  assert.equal(tip.role, 'tooltip');
  assert.ok(tip.text.includes('Vosges'), `tooltip text: ${tip.text}`);
  assert.ok(await page.$eval(territorySelector(t.id), (el) => el.classList.contains('tim-hover')), 'tim-hover on the hovered path');
  await page.mouse.move(2, 2);
  await page.waitForSelector('#carte .tim-tooltip', { state: 'hidden', timeout: 3000 });
  assert.equal(await page.$eval('#carte .tim-tooltip', (el) => el.hidden), true, 'tooltip hidden again');
  assert.equal(await page.$$eval('#carte path.tim-hover', (ps) => ps.length), 0, 'no tim-hover left');
});

test('nothing went wrong in the page', async () => {
  await assertHealthy(watch);
});
