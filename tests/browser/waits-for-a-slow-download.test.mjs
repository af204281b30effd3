// Someone opens the map on a slow connection: while the file comes in, the message area says how
// much has arrived and out of how much (from Content-Length), in French; then the map appears.
// The test server trickles the file (`?slow=<bytes per second>`, see .ci/serve.py).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy, waitForState, loadingMessages, territories } from './harness.mjs';

let app;

before(async () => {
  app = await start();
});
after(() => app?.close());

test('a slow download shows bytes loaded and the total, then the map', async () => {
  // good-other-region.geojson is 2,884 bytes: about 3 s at 1,000 bytes per second.
  const src = '/__fixtures/good-other-region.geojson?slow=1000';
  const { page, watch } = await app.open(`?src=${encodeURIComponent(src)}`, { state: null });
  const seen = await loadingMessages(page, '#carte');
  console.log(`progress messages seen: ${JSON.stringify(seen)}`);
  const progress = seen.filter((t) => /^Chargement des territoires… \d+ Ko sur 3 Ko$/.test(t));
  assert.ok(progress.length >= 2, `at least two progress steps in French with the total: ${JSON.stringify(seen)}`);
  const loaded = progress.map((t) => Number(t.match(/… (\d+) Ko/)[1]));
  assert.ok(loaded.some((n) => n > 0 && n < 3), `a step between nothing and all: ${loaded}`);
  assert.deepEqual(loaded, [...loaded].sort((a, b) => a - b), 'the count only goes up');
  await waitForState(page, 'ready');
  assert.equal((await territories(page)).length, 3, 'the three territories are drawn');
  const message = await page.$eval('#carte .tim-message', (el) => el.hidden);
  assert.equal(message, true, 'the progress message is gone once the map is shown');
  await assertHealthy(watch);
});
