// Someone points `?src=` at a broken, hostile or huge file. Every file of the bad-input corpus
// ends in the outcome written for it in tests/fixtures/expected.tsv (the table the native test
// tests/loader_corpus.rs checks too): the error state with a French message that names what and
// where, or the ready state with the territories drawn and a visible warning listing what was
// skipped. Never a wasm panic, an uncaught exception or a frozen tab.
//
// The big files (400,000-vertex polygon, 20,000 features, past each limit) are written here into
// tests/fixtures/generated/ (git-ignored) with the same recipe as tests/loader_corpus.rs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { start, fixturesDir, waitForState, squish } from './harness.mjs';

const MAX_FILE_BYTES = 50 * 1024 * 1024;
const MAX_FEATURES = 50_000;

/** expected.tsv → [{ file, state, count, kinds, says }]. */
function table() {
  const lines = readFileSync(path.join(fixturesDir, 'expected.tsv'), 'utf8').split('\n').slice(1);
  return lines
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [file, state, count, kinds, says] = l.split('\t');
      const list = (s, sep) => (s === '-' ? [] : s.split(sep).map((x) => x.trim()));
      return { file, state, count: count === '-' ? null : Number(count), kinds: list(kinds, ','), says: list(says, '|') };
    });
}

const square = (x, y, d) => `[[[${x},${y}],[${x + d},${y}],[${x + d},${y + d}],[${x},${y + d}],[${x},${y}]]]`;

function manyFeatures(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const x = -5 + (i % 200) * 0.02;
    const y = 47 + Math.floor(i / 200) * 0.02;
    out.push(`{"type":"Feature","properties":{"id":"t${i}","name":"Territoire ${i}","status":"s${i % 3}"},"geometry":{"type":"Polygon","coordinates":${square(x, y, 0.015)}}}`);
  }
  return `{"type":"FeatureCollection","features":[${out.join(',\n')}]}\n`;
}

function bigPolygons(features, vertices) {
  const out = [];
  for (let f = 0; f < features; f++) {
    const pts = [];
    for (let i = 0; i < vertices; i++) {
      const a = i + 1 === vertices ? 0 : (i / (vertices - 1)) * 2 * Math.PI;
      pts.push(`[${(-3 + f + 0.4 * Math.cos(a)).toFixed(6)},${(48 + 0.3 * Math.sin(a)).toFixed(6)}]`);
    }
    out.push(`{"type":"Feature","properties":{"id":"p${f}","name":"Polygone ${f}","status":"s"},"geometry":{"type":"Polygon","coordinates":[[${pts.join(',')}]]}}`);
  }
  return `{"type":"FeatureCollection","features":[${out.join(',\n')}]}\n`;
}

const GENERATED = {
  'generated/big-polygon-400000-vertices.geojson': () => bigPolygons(1, 400_000),
  'generated/big-20000-features.geojson': () => manyFeatures(20_000),
  'generated/limit-50001-features.geojson': () => manyFeatures(MAX_FEATURES + 1),
  'generated/limit-2000001-vertices.geojson': () => bigPolygons(5, 400_001),
  'generated/limit-too-large.geojson': () => manyFeatures(1).padEnd(MAX_FILE_BYTES + 1, ' '),
};

function generate(file) {
  const full = path.join(fixturesDir, file);
  if (existsSync(full) && file !== 'generated/limit-too-large.geojson') return;
  if (existsSync(full) && statSync(full).size === MAX_FILE_BYTES + 1) return;
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, GENERATED[file]());
}

/** Resolves to true if the page answers a trivial evaluate within `ms`. */
async function responsive(page, ms = 5000) {
  let timer;
  const late = new Promise((resolve) => { timer = setTimeout(() => resolve(false), ms); });
  const ok = await Promise.race([page.evaluate(() => 6 * 7 === 42), late]);
  clearTimeout(timer);
  return ok;
}

let app;
before(async () => {
  for (const file of Object.keys(GENERATED)) generate(file);
  app = await start();
});
after(() => app?.close());

/** Longest a file may take to reach its end state: past it the tab counts as frozen. */
const END_STATE_MS = 10_000;

/**
 * Known failures outside the loader, run as `todo` so they show in every report without failing
 * the suite. Remove a line when its cause is fixed.
 */
const KNOWN = {
  // None now: the 20,000-feature file, 35 s then 7 s, is ready in about 2 s since labels are
  // measured in one layout and only for the 400 largest territories, markers are capped, hover and
  // selection touch two paths, and the list draws its first 200 rows.
};

/**
 * Opens `row.file` and waits for its end state; returns the page and the time it took. For
 * `http-500.geojson` the browser is made to answer 500 for that address.
 */
async function openRow(row) {
  const src = `/__fixtures/${row.file}`;
  const query = `?src=${encodeURIComponent(src)}`;
  const prepare = row.file === 'http-500.geojson'
    ? (page) => page.route(`**${src}`, (route) =>
      route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }))
    : undefined;
  const opened = await app.open(query, { state: null, prepare });
  const t0 = Date.now();
  // Time to finish on a busy machine; past END_STATE_MS the test fails all the same.
  await waitForState(opened.page, row.state, 30_000);
  return { ...opened, took: Date.now() - t0 };
}

for (const row of table()) {
  const name = `${row.file}: ${row.state}${row.count === null ? '' : ` with ${row.count}`} ${row.kinds.join(',')}`;
  test(name, { todo: KNOWN[row.file] }, async () => {
    const { page, watch, context, took } = await openRow(row);
    try {
      console.log(`# ${row.file}: ${row.state} in ${took} ms`);
      assert.ok(took < END_STATE_MS, `the tab is not frozen: "${row.state}" reached in ${took} ms`);
      assert.deepEqual(watch.panics(), [], 'a wasm panic or trap was printed');
      assert.deepEqual(watch.pageErrors, [], 'uncaught exception in the page');
      assert.ok(await responsive(page), 'the page answers within 5 s');
      if (row.state === 'error') {
        const text = squish(await page.$eval('#carte .tim-message', (el) => el.textContent));
        for (const s of row.says) assert.ok(text.includes(s), `the message says "${s}": ${text}`);
      } else {
        // The SVG renderer draws one path per territory; the canvas (thousands of shapes) one
        // focus stop, and its `ready` event says how many it drew.
        const canvas = (await page.getAttribute('#carte', 'data-renderer')) === 'canvas';
        const drawn = canvas
          ? (await watch.domEvents()).find((e) => e.type === 'ready')?.detail?.count
          : await page.$$eval('#carte path.tim-territory', (ps) => ps.length);
        assert.equal(drawn, row.count, `territories drawn (${canvas ? 'canvas' : 'svg'})`);
        const warn = await page.$eval('#carte .tim-warnings', (el) => ({
          text: el.textContent,
          shown: !el.hidden && getComputedStyle(el).display !== 'none',
        }));
        if (row.kinds.length === 0) {
          assert.ok(!warn.shown || !warn.text.trim(), `no warning for a clean file: ${squish(warn.text)}`);
        } else {
          assert.ok(warn.shown, '.tim-warnings is shown');
          for (const s of row.says) assert.ok(squish(warn.text).includes(s), `the warnings say "${s}": ${squish(warn.text)}`);
        }
      }
      assert.deepEqual(await watch.cspViolations(), [], 'Content-Security-Policy violations');
    } finally {
      await context.close();
    }
  });
}
