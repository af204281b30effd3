// An accessibility auditor runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on the standalone page
// (SVG and canvas renderers), the iframe page and the demo article, idle and with a territory's
// panel open: 0 violations.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { start } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let app;
before(async () => { app = await start(); });
after(() => app?.close());

/** Runs axe on the page and its frames; returns the violations, one line each. */
async function audit(page) {
  for (const frame of page.frames()) await frame.evaluate(AXE);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

async function openTerritory(scope, id) {
  await scope.locator(`path.tim-territory[data-id="${id}"]`).focus();
  await scope.locator(`path.tim-territory[data-id="${id}"]`).press('Enter');
  await scope.locator('.tim-panel:not([hidden])').waitFor();
}

test('standalone page, idle and with a panel open: no violation', async () => {
  const { page } = await app.open('');
  assert.deepEqual(await audit(page), [], 'idle');
  await openTerritory(page, 'terres-de-lorraine');
  assert.deepEqual(await audit(page), [], 'panel open');
});

test('the commune search, suggestions open and answered, light and dark: no violation', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page } = await app.open('', { prepare: (p) => p.emulateMedia({ colorScheme }) });
    await page.fill('.tim-commune-search input', 'saint louis');
    await page.locator('.tim-commune-search-options [role="option"]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.deepEqual(await audit(page), [], `${colorScheme}, suggestions open`);
    // Saint-Louis (68300), in Sud-Alsace: its card opens.
    await page.keyboard.press('Enter');
    await page.locator('.tim-card-commune').waitFor();
    assert.deepEqual(await audit(page), [], `${colorScheme}, answered`);
    await page.close();
  }
});

test('standalone page and iframe in dark mode, idle and with a panel open: no violation', async () => {
  for (const query of ['', 'embed.html']) {
    const { page } = await app.open(query, { prepare: (p) => p.emulateMedia({ colorScheme: 'dark' }) });
    assert.deepEqual(await audit(page), [], `${query || 'index'} dark, idle`);
    await openTerritory(page, 'terres-de-lorraine');
    assert.deepEqual(await audit(page), [], `${query || 'index'} dark, panel open`);
    await page.close();
  }
});

test('canvas renderer, idle and with a panel open: no violation', async () => {
  const { page } = await app.open('?renderer=canvas');
  assert.equal(await page.getAttribute('#carte', 'data-renderer'), 'canvas');
  assert.deepEqual(await audit(page), [], 'idle');
  await page.locator('#carte path.tim-territory').focus();
  await page.keyboard.press('Enter');
  await page.locator('.tim-panel:not([hidden])').waitFor();
  assert.deepEqual(await audit(page), [], 'panel open');
});

test('standalone page in English (its English edition), idle and with a panel open: no violation', async () => {
  const { page } = await app.open('?lang=en');
  assert.equal(new URL(page.url()).pathname, '/en/index.html');
  assert.deepEqual(await audit(page), [], 'idle');
  await openTerritory(page, 'vosges');
  assert.deepEqual(await audit(page), [], 'panel open');
});

test('the pages of communes, in both editions: no violation', async () => {
  for (const query of ['communes.html', 'en/communes.html', 'territoires/vosges.html', 'en/territoires/sud-alsace.html']) {
    const { page } = await app.open(query, { state: null });
    await page.locator('h1').waitFor();
    assert.deepEqual(await audit(page), [], query);
    await page.close();
  }
});

test('iframe page, idle and with a panel open: no violation', async () => {
  const { page } = await app.open('embed.html?minimal');
  assert.deepEqual(await audit(page), [], 'idle');
  await openTerritory(page, 'vosges');
  assert.deepEqual(await audit(page), [], 'panel open');
});

test('demo article with both maps, idle and with a panel open: no violation', async () => {
  const { page } = await app.open('demo.html', { state: null });
  await page.waitForSelector('territoires-map[data-state="ready"]');
  await page.frameLocator('#carte-cadre').locator('#carte[data-state="ready"]').waitFor({ state: 'attached' });
  assert.deepEqual(await audit(page), [], 'idle');
  await openTerritory(page.locator('territoires-map'), 'sud-alsace');
  assert.deepEqual(await audit(page), [], 'panel open');
  // The same article in dark mode: the page, the element and the iframe.
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await audit(page), [], 'dark, panel open');
});

// axe itself needs JavaScript (its timers do not run in a page with scripts disabled): the page's
// own scripts are blocked instead, which leaves the DOM a browser without JavaScript has.
test('pre-rendered pages without their scripts, idle and with a card open: no violation', async () => {
  for (const query of ['', '#territoire=vosges', 'embed.html', 'embed.html#territoire=sel-et-vermois', 'territoires/moselle-est.html']) {
    const { page } = await app.open(query, { state: null, prepare: (p) => p.route(/\.(js|wasm)$/, (r) => r.abort()) });
    assert.equal(await page.locator('.tim-pre .tim-territories a').count(), 15, query);
    if (query.includes('#')) assert.equal(await page.locator('.tim-card:target').count(), 1, query);
    assert.deepEqual(await audit(page), [], query || 'index');
  }
});
