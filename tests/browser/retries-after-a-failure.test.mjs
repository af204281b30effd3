// The file's server fails once, or stops sending in the middle: the map says so in French, naming
// the address and what happened, and offers a "Réessayer" button that loads the file again.
// Test answers from .ci/serve.py: `?fail=<n>` (n × 503, then the file) and `?stall=<seconds>`.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy, waitForState, territories, mountMap, waitForMapState, squish } from './harness.mjs';

let app;

before(async () => {
  app = await start();
});
after(() => app?.close());

test('a 503 then the file: error with a retry button, one click and the map is shown', async () => {
  const src = `/__fixtures/good-other-region.geojson?fail=1&run=${Date.now()}`;
  const { page, watch } = await app.open(`?src=${encodeURIComponent(src)}`, { state: 'error' });
  const message = squish(await page.$eval('#carte .tim-message', (el) => el.textContent));
  assert.match(message, /503/, message);
  assert.ok(message.includes('good-other-region.geojson'), `the URL is named: ${message}`);
  const button = await page.$eval('#carte button.tim-retry', (b) => ({ text: b.textContent, type: b.type }));
  assert.deepEqual(button, { text: 'Réessayer', type: 'button' });

  await page.click('#carte button.tim-retry', { timeout: 2000 });
  await waitForState(page, 'ready');
  assert.equal((await territories(page)).length, 3, 'the file is shown after the retry');
  assert.equal(await page.$('#carte button.tim-retry'), null, 'the retry button is gone');
  assert.equal(await page.$eval('#carte .tim-message', (el) => el.hidden), true, 'the error message is gone');
  const events = (await watch.domEvents()).map((e) => e.type);
  assert.deepEqual(events, ['error', 'ready'], 'one error event, then one ready event');
  // Chromium logs the 503 itself as a console error.
  const others = watch.errors.filter((e) => !/503|good-other-region/.test(`${e.text} ${e.url}`));
  assert.deepEqual(others.map((e) => e.text), [], 'no console error but the 503');
  await assertHealthy(watch, { allowConsoleErrors: true });
});

test('with the keyboard: Enter on "Réessayer" loads the file and puts focus on the map', async () => {
  const src = `/__fixtures/good-other-region.geojson?fail=1&run=kb-${Date.now()}`;
  const { page, watch } = await app.open(`?src=${encodeURIComponent(src)}`, { state: 'error' });
  // Tab until the retry button has focus (it comes after the zoom buttons).
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.classList.contains('tim-retry'))) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'tim-retry', 'Tab reaches the retry button');
  await page.keyboard.press('Enter');
  await waitForState(page, 'ready');
  const active = await page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? document.activeElement?.tagName);
  assert.ok((await territories(page)).some((t) => t.id === active), `focus is on a territory, not lost: ${active}`);
  await assertHealthy(watch, { allowConsoleErrors: true });
});

test('a download that stops sending: error naming the stall, with a retry that loads again', async () => {
  const { page, watch } = await app.open('');
  const src = '/__fixtures/good-other-region.geojson?stall=4';
  const t0 = Date.now();
  await mountMap(page, 'stalled', { src, stallTimeout: 1000 });
  await waitForMapState(page, 'stalled', 'error', 8000);
  const waited = Date.now() - t0;
  const shown = await page.evaluate(() => {
    const el = document.getElementById('stalled');
    return {
      message: el.querySelector('.tim-message').textContent,
      role: el.querySelector('.tim-message').getAttribute('role'),
      retry: el.querySelector('button.tim-retry')?.textContent ?? null,
      events: el.__events,
    };
  });
  console.log(`stalled after ${waited} ms: ${shown.message}`);
  assert.ok(waited < 3500, `given up well before the server hangs up (4 s): ${waited} ms`);
  assert.match(shown.message, /Le téléchargement de \/__fixtures\/good-other-region\.geojson\?stall=4 est bloqué : aucune donnée reçue depuis 1 s\./);
  assert.equal(shown.role, 'alert');
  assert.equal(shown.retry, 'Réessayer');
  assert.deepEqual(shown.events.map((e) => e.type), ['error']);

  await page.click('#stalled button.tim-retry', { timeout: 2000 });
  await waitForMapState(page, 'stalled', 'loading', 2000);
  // The server still stalls: the second attempt ends the same way.
  await waitForMapState(page, 'stalled', 'error', 8000);
  const events = await page.evaluate(() => document.getElementById('stalled').__events.map((e) => e.type));
  assert.deepEqual(events, ['error', 'error']);
  await assertHealthy(watch, { allowConsoleErrors: true });
});

test('a server that never answers: the same stall error, before any header', async () => {
  const { page, watch } = await app.open('');
  const src = `/__fixtures/good-other-region.geojson?hang=3&run=${Date.now()}`;
  await mountMap(page, 'silent', { src, stallTimeout: 1000 });
  await waitForMapState(page, 'silent', 'error', 2500);
  const shown = await page.evaluate(() => ({
    message: document.querySelector('#silent .tim-message').textContent,
    retry: !!document.querySelector('#silent button.tim-retry'),
  }));
  assert.match(shown.message, /good-other-region\.geojson\?hang=3.* est bloqué : aucune donnée reçue depuis 1 s\./);
  assert.equal(shown.retry, true, 'the retry button is offered');
  await assertHealthy(watch, { allowConsoleErrors: true });
});

test('reload() does nothing on a map that is shown', async () => {
  const { page, watch } = await app.open('');
  assert.equal(await page.evaluate(() => window.carte.reload()), false);
  assert.equal(await page.getAttribute('#carte', 'data-state'), 'ready');
  await assertHealthy(watch);
});
