// Someone embeds the viewer with `?src=` pointing at their own file, and the file is missing,
// broken, not GeoJSON, an HTML page, partly wrong, or from another region. The page says what is
// wrong in French, in a place a screen reader announces, and stays usable: no uncaught exception,
// no wasm panic, and the zoom buttons still work. Fixtures: tests/fixtures/README.md.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy, territories, panel, pointInside, squish, nameOf } from './harness.mjs';

let app;

before(async () => {
  app = await start();
});
after(() => app?.close());

/** Opens the viewer on `src`, expects the error state, and returns the shown message. */
async function expectError(src) {
  const { page, watch } = await app.open(`?src=${encodeURIComponent(src)}`, { state: 'error' });
  const msg = await page.$eval('#carte .tim-message', (el) => ({
    text: el.textContent.replace(/\s+/g, ' ').trim(),
    role: el.getAttribute('role'),
    hidden: el.hidden || getComputedStyle(el).display === 'none',
  }));
  assert.equal(msg.role, 'alert', '.tim-message has role alert');
  assert.equal(msg.hidden, false, '.tim-message is shown');
  assert.ok(msg.text.length > 10, `a message is shown: "${msg.text}"`);
  const events = await watch.domEvents();
  const errors = events.filter((e) => e.type === 'error');
  assert.equal(errors.length, 1, `one error event: ${JSON.stringify(events)}`);
  assert.ok(errors[0].isCustom, 'error is a CustomEvent');
  assert.equal(squish(errors[0].detail?.message), msg.text, 'the error event carries the shown message');
  assert.ok(!events.some((e) => e.type === 'ready'), 'no ready event');
  return { page, watch, message: msg.text };
}

/** After an error the page is still alive and its buttons don't throw. */
async function stillAlive(page, watch, { allowConsoleErrors = false } = {}) {
  // Programmatic clicks run the handlers whatever covers the buttons (that is checked apart).
  for (const b of ['tim-zoom-in', 'tim-zoom-out', 'tim-reset']) {
    const found = await page.$eval(`#carte button.${b}`, (el) => (el.click(), true)).catch(() => false);
    assert.ok(found, `button.${b} is still there after the error`);
  }
  await page.keyboard.press('Tab');
  await page.keyboard.press('+');
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => 6 * 7), 42, 'the page still runs scripts');
  assert.equal(await page.getAttribute('#carte', 'data-state'), 'error', 'still in the error state');
  await assertHealthy(watch, { allowConsoleErrors });
}

test('a missing file: the message gives the URL and the 404 status', async () => {
  const src = '/__fixtures/does-not-exist.geojson';
  const { page, watch, message } = await expectError(src);
  assert.ok(message.includes('404'), message);
  assert.ok(message.includes('does-not-exist.geojson'), `the URL is in: ${message}`);
  assert.equal(await page.getAttribute('#carte', 'data-state'), 'error');
  // Chromium itself logs the failed request as a console error: that one is expected.
  const others = watch.errors.filter((e) => !/does-not-exist\.geojson/.test(`${e.text} ${e.url}`));
  assert.deepEqual(others.map((e) => e.text), [], 'no console error but the 404 itself');
  await stillAlive(page, watch, { allowConsoleErrors: true });
});

test('invalid JSON: the message says at which line and column', async () => {
  const { page, watch, message } = await expectError('/__fixtures/bad-invalid-json.geojson');
  assert.match(message, /ligne \d+, colonne \d+/);
  assert.match(message, /ligne [78],/, 'the file is cut at the end of line 7');
  await stillAlive(page, watch, { allowConsoleErrors: true });
});

test('a bare geometry: the message says a FeatureCollection is expected', async () => {
  const { page, watch, message } = await expectError('/__fixtures/bad-bare-geometry.geojson');
  assert.ok(message.includes('FeatureCollection'), message);
  assert.ok(message.includes('Polygon'), `says what was found instead: ${message}`);
  await stillAlive(page, watch, { allowConsoleErrors: true });
});

test('an HTML page instead of GeoJSON: the message says so', async () => {
  const { page, watch, message } = await expectError('/__fixtures/bad-html-page.geojson');
  assert.ok(message.includes('page HTML'), message);
  await stillAlive(page, watch, { allowConsoleErrors: true });
});

test('after an error a user can still click the zoom buttons (nothing covers them)', async () => {
  const { page, watch } = await expectError('/__fixtures/bad-bare-geometry.geojson');
  for (const b of ['tim-zoom-in', 'tim-zoom-out', 'tim-reset']) {
    const sel = `#carte button.${b}`;
    const cover = await page.$eval(sel, (el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit && (hit === el || el.contains(hit)) ? null : `${hit?.tagName.toLowerCase()}.${[...(hit?.classList ?? [])].join('.')}`;
    });
    assert.equal(cover, null, `the centre of button.${b} is covered by ${cover}`);
    await page.click(sel, { timeout: 2000 });
  }
  await assertHealthy(watch, { allowConsoleErrors: true });
});

test('a feature without name is shown with its id and a warning naming it; the rest is shown', async () => {
  const { page, watch } = await app.open(`?src=${encodeURIComponent('/__fixtures/bad-missing-name.geojson')}`);
  const all = await territories(page);
  assert.deepEqual(all.map((t) => t.id).sort(), ['bon', 'sans-nom'], 'both features are drawn');
  const events = await watch.domEvents();
  assert.equal(events.find((e) => e.type === 'ready')?.detail?.count, 2, `ready event with count 2: ${JSON.stringify(events)}`);
  const warn = await page.$eval('#carte .tim-warnings', (el) => ({
    text: el.textContent.replace(/\s+/g, ' ').trim(),
    hidden: el.hidden || getComputedStyle(el).display === 'none',
  }));
  assert.equal(warn.hidden, false, '.tim-warnings is shown');
  assert.ok(warn.text.includes('pas de nom'), `warnings say the name is missing: ${warn.text}`);
  assert.ok(warn.text.includes('n° 1'), `warnings give the feature index: ${warn.text}`);
  assert.equal(await page.getAttribute('#carte', 'data-state'), 'ready');

  // The javascript: source of the good feature must not become a link.
  const { x, y } = await pointInside(page, 'bon');
  await page.mouse.click(x, y);
  await page.waitForSelector('#carte .tim-panel:not([hidden])', { timeout: 3000 });
  const p = await panel(page);
  assert.equal(p.title, 'Territoire valide');
  assert.deepEqual(p.sources.map((s) => s.href), ['https://example.org/source'], 'only the https source is a link');
  assert.equal(await page.$$eval('#carte a[href^="javascript" i]', (as) => as.length), 0, 'no javascript: link anywhere');
  await assertHealthy(watch);
});

test('another region\'s file: its territories, its legend and its facts, no context layer', async () => {
  const { page, watch } = await app.open(`?src=${encodeURIComponent('/__fixtures/good-other-region.geojson')}`);
  const all = await territories(page);
  assert.deepEqual(all.map((t) => t.id).sort(), ['brest-exemple', 'lorient-exemple', 'saint-brieuc-exemple']);
  assert.deepEqual(
    all.map((t) => t.label).sort(),
    [
      'Lorient (exemple) : Contrat signé (exemple)',
      'Pays de Brest (exemple) : Contrat signé (exemple)',
      'Saint-Brieuc (exemple) : Contrat en préparation (exemple)',
    ],
  );
  assert.equal(new Set(all.map((t) => t.d)).size, 3, 'three distinct shapes');
  const legend = (await page.$$eval('#carte .tim-legend li', (lis) => lis.map((li) => li.textContent))).map(squish);
  assert.equal(legend.length, 2, `legend: ${JSON.stringify(legend)}`);
  for (const [label, n] of [['Contrat signé (exemple)', 2], ['Contrat en préparation (exemple)', 1]]) {
    const item = legend.find((t) => t.includes(label));
    assert.ok(item, `legend has "${label}": ${JSON.stringify(legend)}`);
    assert.deepEqual((item.replace(label, '').match(/\d+/g) ?? []).map(Number), [n], `count in "${item}"`);
  }
  assert.ok(!legend.some((t) => /Mulhouse|19 novembre/.test(t)), 'nothing of the Grand Est legend');
  const facts = (await page.$$eval('#carte .tim-facts li', (lis) => lis.map((li) => li.textContent))).map(squish);
  assert.deepEqual(facts, ['Exemple : 3 territoires fictifs en Bretagne'], 'facts come from the file');
  assert.equal(await page.$$eval('#carte path.tim-context', (ps) => ps.length), 0, 'no context layer without ?context=');
  const warnings = await page.$eval('#carte .tim-warnings', (el) => el.hidden || getComputedStyle(el).display === 'none' || !el.textContent.trim()).catch(() => true);
  assert.equal(warnings, true, 'no warning for a clean file');

  const brest = all.find((t) => t.id === 'brest-exemple');
  const { x, y } = await pointInside(page, brest.id);
  await page.mouse.click(x, y);
  await page.waitForSelector('#carte .tim-panel:not([hidden])', { timeout: 3000 });
  const p = await panel(page);
  assert.equal(p.title, nameOf(brest.label));
  assert.equal(p.status, 'Contrat signé (exemple)');
  assert.deepEqual(p.projects, ['Projet fictif de réparation navale']);
  await assertHealthy(watch);
});
