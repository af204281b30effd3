// `make bench`, the browser half: the viewer (target/site, built by `make build`) against a
// Leaflet 1.9 page (tests/bench/leaflet.html) in Debian's Chromium, on the same machine in the
// same run, the two pages alternating (viewer first on even pairs, Leaflet first on odd ones),
// each run in a fresh browser context (cold HTTP cache). Then one table with the native figures
// of tests/bench/native.rs (target/bench/native.json) and the gzip size of the code.
//
//   1. Grand Est: navigation → ready (the rAF after `ready` for the viewer, the rAF after
//      L.geoJSON(...).addTo(map) for Leaflet, SVG renderer), BENCH_PAIRS pairs (default 10).
//   1b. The first view of the Grand Est page as published (`/`, whatever its HTML already holds)
//      against the Leaflet page: navigation → territories painted, → card shown after a click as
//      soon as a territory is clickable, → module ready; bytes before first paint; HTML size.
//      BENCH_FIRST_PAIRS pairs (default BENCH_PAIRS), rules in first-view.mjs; a card not shown
//      within BENCH_CARD_TIMEOUT_MS (default 15 000) of navigation counts as that time-out.
//   1c. What is on screen (issue #20), the same two pages: Chromium's screenshot of each presented
//      frame (trace), navigation → first visual change, → visually complete (95 %), → last visual
//      change, and whether the module becoming ready changes pixels. BENCH_VISUAL_PAIRS pairs
//      (default BENCH_FIRST_PAIRS), rules in frames.mjs; BENCH_VISUAL_SETTLE_MS (default 1 000)
//      traced after ready; BENCH_FRAMES_DIR: a folder to write every frame into.
//   2. Communes of metropolitan France (target/bench/communes-france.geojson, `ti-data communes`), Leaflet
//      with preferCanvas: navigation → ready; frame times (rAF deltas) during scripted drags and
//      wheel zooms; hit-test time per pointer move (synchronous dispatch of a pointermove, or a
//      mousemove for Leaflet's canvas, at the element under the point). BENCH_COMMUNES_PAIRS
//      pairs (default 10) for the load, gestures and hover on the first BENCH_GESTURE_PAIRS (2).
//      A run longer than BENCH_TIMEOUT_MS (default 60 000) counts as a time-out: the figure is
//      "> timeout".
// The whole run stops starting new pairs after BENCH_BUDGET_S seconds (default 540).
//
// Usage: node tests/bench/run.mjs   (make bench does the rest: build, data, native bench)

import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { launchChromium, startServer, stopServer } from '../browser/launch.mjs';
import { firstViewPairs, firstViewBytes, writeFloorPages, labelsAfterZoom, readyProbe, PAGES } from './first-view.mjs';
import { visualPairs, TOLERANCE, COMPLETE, FRAME_MS } from './frames.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
// BENCH_SITE_DIR: another build of the site (e.g. a copy of target/site made before a change).
const site = process.env.BENCH_SITE_DIR ? path.resolve(process.env.BENCH_SITE_DIR) : path.join(root, 'target/site');
const benchData = path.join(root, 'target/bench');
const leafletDist = path.join(here, 'node_modules/leaflet/dist');
const communesFile = path.join(benchData, 'communes-france.geojson');
// The national page (make bench writes it with the other regions' pages: `make region-sites`).
const nationalSite = path.join(root, 'target/site-all');

const env = (k, d) => (process.env[k] ? Number(process.env[k]) : d);
const PAIRS = env('BENCH_PAIRS', 10);
const COMMUNES_PAIRS = env('BENCH_COMMUNES_PAIRS', 10);
const NATIONAL_PAIRS = env('BENCH_NATIONAL_PAIRS', 6);
const GESTURE_PAIRS = env('BENCH_GESTURE_PAIRS', 2);
const FIRST_PAIRS = env('BENCH_FIRST_PAIRS', PAIRS);
const CARD_TIMEOUT = env('BENCH_CARD_TIMEOUT_MS', 15_000);
const VISUAL_PAIRS = env('BENCH_VISUAL_PAIRS', FIRST_PAIRS);
const VISUAL_SETTLE = env('BENCH_VISUAL_SETTLE_MS', 1000);
const TIMEOUT = env('BENCH_TIMEOUT_MS', 60_000);
const BUDGET_MS = env('BENCH_BUDGET_S', 540) * 1000;
const t0 = Date.now();
const overBudget = () => Date.now() - t0 > BUDGET_MS;

const VIEWPORT = { width: 1200, height: 800 };

// ---------- statistics ----------
const sorted = (v) => [...v].sort((a, b) => a - b);
function quantile(v, q) {
  if (!v.length) return NaN;
  const s = sorted(v);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
}
const median = (v) => quantile(v, 0.5);

// ---------- server ----------
function startBenchServer() {
  // serve.py refuses a mount whose folder is missing (make bench creates it; a direct run may not).
  mkdirSync(benchData, { recursive: true });
  for (const [p, what] of [[path.join(site, 'index.html'), 'make build'], [path.join(leafletDist, 'leaflet.js'), 'npm ci in tests/bench']]) {
    if (!existsSync(p)) throw new Error(`${p} is missing: run \`${what}\` first (make bench does)`);
  }
  const national = existsSync(path.join(nationalSite, 'index.html')) ? [`/__all=${nationalSite}`] : [];
  return startServer(site, [`/__bench=${here}`, `/__leaflet=${leafletDist}`, `/__benchdata=${benchData}`, ...national]);
}

// ---------- one page ----------
const pages = {
  viewer: (base, src) => `${base}/?src=${encodeURIComponent(src)}`,
  leaflet: (base, src, canvas, query = '') => PAGES.leaflet.url(base, src, undefined, `${canvas ? '&canvas=1' : ''}${query}`),
};

/** Opens `kind` on `src`; resolves { ms } (navigation → ready) or { timeout: true } / { error }. */
async function load(browser, base, kind, src, { canvas = false, keep = false, leafletQuery = '' } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'fr-FR' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The viewer: the rAF after its `ready` event, the same rule as the Leaflet page applies.
  await page.addInitScript(readyProbe);
  let result;
  try {
    await page.goto(pages[kind](base, src, canvas, leafletQuery), { timeout: TIMEOUT });
    const h = await page.waitForSelector('#carte[data-state="ready"], #carte[data-state="error"]', { state: 'attached', timeout: TIMEOUT });
    if ((await h.getAttribute('data-state')) !== 'ready') {
      result = { error: (await page.textContent('#carte')).slice(0, 200) };
    } else {
      await page.waitForFunction(() => window.__benchReadyAt ?? window.__bench?.readyAt, null, { timeout: TIMEOUT });
      result = { ms: await page.evaluate(() => window.__benchReadyAt ?? window.__bench.readyAt) };
      // The viewer's own steps (src/web/dom.rs `mark`), to say what the figure is made of.
      if (kind === 'viewer') {
        result.phases = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark')
          .filter((m) => m.name.startsWith('tim:')).map((m) => [m.name.slice(4), m.startTime])));
        if (!keep) result.labels = await labelsAfterZoom(page);
      }
    }
  } catch (e) {
    result = /Timeout/i.test(String(e)) ? { timeout: true } : { error: String(e).split('\n')[0] };
  }
  if (errors.length) result.pageErrors = errors;
  if (keep && result.ms !== undefined) return { ...result, page, context };
  await context.close().catch(() => {});
  return result;
}

/** Which element the page pans, zooms and hovers. */
const surface = { viewer: '#carte svg.tim-svg', leaflet: '#carte' };

/** rAF deltas during two drags (12 moves each) and six wheel notches (3 in, 3 out), inside a time-out. */
async function gestures(page, kind) {
  const box = await page.locator(surface[kind]).first().boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.evaluate(() => {
    window.__frames = [];
    window.__stopFrames = false;
    let last = null;
    const loop = (t) => {
      if (last !== null) window.__frames.push(t - last);
      last = t;
      if (!window.__stopFrames) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  const run = async () => {
    for (const [dx, dy] of [[240, 120], [-240, -120]]) {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let i = 1; i <= 12; i++) await page.mouse.move(cx + (dx * i) / 12, cy + (dy * i) / 12);
      await page.mouse.up();
      await page.waitForTimeout(150);
    }
    await page.mouse.move(cx, cy);
    for (const dy of [-120, -120, -120, 120, 120, 120]) {
      await page.mouse.wheel(0, dy);
      await page.waitForTimeout(120);
    }
    await page.waitForTimeout(400);
  };
  let timedOut = false;
  await Promise.race([run(), new Promise((r) => setTimeout(() => { timedOut = true; r(); }, TIMEOUT))]);
  const frames = await page.evaluate(() => { window.__stopFrames = true; return window.__frames; }).catch(() => []);
  return { frames, timedOut };
}

/** ms per synchronous dispatch of a pointer move at 100 grid points over the visible part of
 * the map, 40 ms apart (Leaflet's canvas renderer ignores moves closer than 32 ms); and how many
 * of them landed on a territory (the viewer's tooltip shows, Leaflet fired mouseover). */
async function hover(page, kind) {
  const box = await page.locator(surface[kind]).first().boundingBox();
  const bottom = Math.min(box.y + box.height, VIEWPORT.height);
  const pts = [];
  for (let j = 0; j < 10; j++) for (let i = 0; i < 10; i++) {
    pts.push([box.x + (box.width * (i + 0.5)) / 10, box.y + ((bottom - box.y) * (j + 0.5)) / 10]);
  }
  const run = page.evaluate(async ({ pts, kind }) => {
    const out = [];
    for (const [x, y] of pts) {
      const target = document.elementFromPoint(x, y);
      if (!target) continue;
      const init = { clientX: x, clientY: y, bubbles: true, cancelable: true, composed: true, view: window };
      const ev = kind === 'viewer'
        ? new PointerEvent('pointermove', { ...init, pointerId: 1, pointerType: 'mouse', isPrimary: true })
        : new MouseEvent('mousemove', init);
      const t = performance.now();
      target.dispatchEvent(ev);
      out.push(performance.now() - t);
      const on = kind === 'viewer' ? !document.querySelector('#carte .tim-tooltip')?.hidden : window.__bench.hovered != null;
      if (on) out.hits = (out.hits ?? 0) + 1;
      await new Promise((r) => setTimeout(r, 40));
    }
    return { times: out, hits: out.hits ?? 0 };
  }, { pts, kind });
  const timeout = new Promise((r) => setTimeout(() => r(null), TIMEOUT));
  return (await Promise.race([run, timeout])) ?? { timedOut: true };
}

/** West, south, east, north of the file's territories whose label point is in metropolitan France
 * (Corsica included), rounded outwards to 0.01°. */
function mainland(fc) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c) => {
    if (typeof c[0] === 'number') {
      [b[0], b[1], b[2], b[3]] = [Math.min(b[0], c[0]), Math.min(b[1], c[1]), Math.max(b[2], c[0]), Math.max(b[3], c[1])];
    } else c.forEach(walk);
  };
  for (const f of fc.features) {
    const [x, y] = f.properties.label_point ?? [NaN, NaN];
    if (x > -6 && x < 10 && y > 41 && y < 52) walk(f.geometry.coordinates);
  }
  return [Math.floor(b[0] * 100) / 100, Math.floor(b[1] * 100) / 100, Math.ceil(b[2] * 100) / 100, Math.ceil(b[3] * 100) / 100];
}

// ---------- scenarios ----------
async function pairs(browser, base, n, src, opts, each) {
  const out = { viewer: [], leaflet: [], ratios: [], phases: [], labels: [], timeouts: { viewer: 0, leaflet: 0 }, errors: [], done: 0 };
  for (let i = 0; i < n; i++) {
    if (i > 0 && overBudget()) break;
    const order = i % 2 === 0 ? ['viewer', 'leaflet'] : ['leaflet', 'viewer'];
    const got = {};
    for (const kind of order) {
      const keep = each && i < GESTURE_PAIRS;
      const r = await load(browser, base, kind, src, { canvas: kind === 'leaflet' && opts.canvas, keep, leafletQuery: opts.leafletQuery });
      got[kind] = r;
      if (r.timeout) out.timeouts[kind]++;
      if (r.error) out.errors.push(`${kind}: ${r.error}`);
      if (r.pageErrors) out.errors.push(...r.pageErrors.map((e) => `${kind}: ${e}`));
      if (r.ms !== undefined) out[kind].push(r.ms);
      if (r.phases) out.phases.push({ ...r.phases, ready: r.ms });
      if (r.labels?.placed !== undefined) out.labels.push(r.labels.placed);
      if (r.page) {
        await each(kind, r.page).catch((e) => out.errors.push(`${kind} gestures: ${e}`));
        await r.context.close().catch(() => {});
      }
    }
    // A time-out counts as the time-out itself in the pair's ratio (a lower bound for it).
    const v = got.viewer.ms ?? (got.viewer.timeout ? TIMEOUT : undefined);
    const l = got.leaflet.ms ?? (got.leaflet.timeout ? TIMEOUT : undefined);
    if (v !== undefined && l !== undefined) out.ratios.push(v / l);
    out.done++;
    process.stderr.write(`  ${opts.name} pair ${i + 1}/${n}: viewer ${fmtRun(got.viewer)}, leaflet ${fmtRun(got.leaflet)}\n`);
  }
  return out;
}
const fmtRun = (r) => (r.ms !== undefined ? `${r.ms.toFixed(0)} ms` : r.timeout ? `time-out (> ${TIMEOUT} ms)` : `error ${r.error}`);

// ---------- sizes ----------
// The system's gzip -9, as .ci/build-site and the README count (node's zlib gives a few % more).
// A file a site does not have (an older build, BENCH_SITE_DIR) counts 0.
const gz = (f) => (existsSync(f) ? execFileSync('gzip', ['-9', '-c', f], { maxBuffer: 1 << 28 }).length : 0);
function sizes() {
  // What the default page loads before it is interactive: the small module (the full one only
  // for other data), main.js, map.css. Until 6 Dec 2026 main.js came with the two files it
  // imports, search.js and helpers.js (export.js until 5 Dec), fetched apart: counted where a
  // site holds them (BENCH_SITE_DIR) and main.js does not bundle them.
  const bundled = (dir) => (existsSync(path.join(dir, 'main.js')) && !/^import/.test(readFileSync(path.join(dir, 'main.js'), 'utf8')));
  const page = bundled(site) ? ['main.js', 'map.css'] : ['main.js', 'search.js', 'helpers.js', 'export.js', 'map.css'];
  const viewer = ['pkg/territoires_map_small_bg.wasm', 'pkg/territoires_map_small.js', ...page];
  const full = ['pkg/territoires_map_bg.wasm', 'pkg/territoires_map.js', ...page];
  const leaflet = ['leaflet.js', 'leaflet.css'];
  const total = (files, dir) => files.reduce((a, f) => a + gz(path.join(dir, f)), 0);
  const v = viewer.map((f) => [f, gz(path.join(site, f))]);
  const l = leaflet.map((f) => [f, gz(path.join(leafletDist, f))]);
  return { viewer: v, leaflet: l, viewerTotal: total(viewer, site), fullTotal: total(full, site), leafletTotal: total(leaflet, leafletDist) };
}

// ---------- table ----------
function machine() {
  let chromiumVersion = '?';
  try { chromiumVersion = execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch {}
  return {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    chromium: chromiumVersion,
    node: process.version,
  };
}

const ms = (x) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)} ms` : '—');
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const pct = (x) => `${(x * 100).toFixed(0)} %`;
/** "met" or "missed", and by how much, for a figure that must be ≤ (or ≥) a target. */
function verdict(value, target, { atLeast = false, unit = (x) => x } = {}) {
  if (!Number.isFinite(value)) return 'not measured';
  const ok = atLeast ? value >= target : value <= target;
  const factor = atLeast ? target / value : value / target;
  return ok ? `met (${unit(value)} vs ${unit(target)})` : `MISSED ×${factor.toFixed(1)} (${unit(value)} vs ${unit(target)})`;
}
const loadFigure = (res, kind) => {
  if (!res) return '—';
  const n = res[kind].length;
  const to = res.timeouts[kind];
  if (!n && to) return `time-out > ${ms(TIMEOUT)} (${to}/${res.done})`;
  return `${ms(median(res[kind]))}${to ? ` (+${to} time-outs)` : ''} [n=${n}]`;
};

async function main() {
  const { child, base } = await startBenchServer();
  const browser = await launchChromium(chromium);
  const results = {};
  try {
    process.stderr.write(`bench: Grand Est, ${PAIRS} pairs\n`);
    results.grandEst = await pairs(browser, base, PAIRS, '/data/territoires-grand-est.geojson', { name: 'Grand Est' });

    // The page as published (`/`, with whatever its HTML already holds) against the Leaflet page.
    const geFile = path.join(site, 'data/territoires-grand-est.geojson');
    const names = Object.fromEntries(JSON.parse(readFileSync(geFile, 'utf8')).features.map((f) => [f.properties.id, f.properties.name]));
    process.stderr.write(`bench: first view of the Grand Est page, ${FIRST_PAIRS} pairs\n`);
    writeFloorPages(path.join(site, 'index.html'), benchData);
    results.firstView = await firstViewPairs(browser, base, FIRST_PAIRS, {
      src: '/data/territoires-grand-est.geojson', n: Object.keys(names).length, names, timeout: TIMEOUT, cardTimeout: CARD_TIMEOUT,
      viewport: VIEWPORT, overBudget,
      floors: {
        head: `${base}/__benchdata/floor.html`,
        territories: `${base}/__benchdata/floor-map.html`,
        parsed: { url: `${base}/__benchdata/floor-page.html`, what: 'dcl' },
        module: { url: `${base}/__benchdata/floor-module.html`, what: 'ready' },
      },
    });
    results.firstViewBytes = await firstViewBytes(results.firstView).catch((e) => { results.firstView.errors.push(`bytes: ${e}`); return {}; });

    // What is on screen, from Chromium's screenshots of the same two pages (frames.mjs).
    if (VISUAL_PAIRS > 0) {
      process.stderr.write(`bench: screenshots of the Grand Est page's first view, ${VISUAL_PAIRS} pairs\n`);
      results.visual = await visualPairs(browser, base, VISUAL_PAIRS, {
        src: '/data/territoires-grand-est.geojson', viewport: VIEWPORT, timeout: TIMEOUT, settle: VISUAL_SETTLE, overBudget,
        dump: process.env.BENCH_FRAMES_DIR ? path.resolve(process.env.BENCH_FRAMES_DIR) : undefined,
        floor: `${base}/__benchdata/floor-module.html`,
      });
    }

    // The national page (148 territories, insets) as published, and its file drawn by the full
    // module, each against the Leaflet page on the same file; hover as for the communes.
    const nationalFile = path.join(nationalSite, 'data/territoires-france.geojson');
    if (existsSync(nationalFile) && NATIONAL_PAIRS > 0) {
      const src = '/__all/data/territoires-france.geojson';
      const fc = JSON.parse(readFileSync(nationalFile, 'utf8'));
      const names = Object.fromEntries(fc.features.map((f) => [f.properties.id, f.properties.name]));
      // The Leaflet page has no insets: framed on the whole file it shows France a few pixels wide
      // and some territories not at all, so it frames the mainland, as Leaflet maps of France do.
      const fit = mainland(fc);
      const leafletQuery = `&fit=${fit.join(',')}`;
      process.stderr.write(`bench: first view of the national page, ${NATIONAL_PAIRS} pairs; Leaflet framed on ${fit.join(', ')}\n`);
      results.national = await firstViewPairs(browser, base, NATIONAL_PAIRS, {
        src, page: '/__all/', leafletQuery, n: Object.keys(names).length, names, timeout: TIMEOUT, cardTimeout: CARD_TIMEOUT, viewport: VIEWPORT, overBudget,
      });
      const hovers = { viewer: [], leaflet: [] };
      results.nationalLoad = await pairs(browser, base, NATIONAL_PAIRS, src, { name: 'national', leafletQuery }, async (kind, page) => {
        const h = await hover(page, kind);
        if (!h.timedOut) hovers[kind].push(...h.times);
      });
      results.nationalHover = hovers;
    }

    if (existsSync(communesFile) && COMMUNES_PAIRS > 0) {
      process.stderr.write(`bench: communes of metropolitan France, ${COMMUNES_PAIRS} pairs (gestures and hover on ${GESTURE_PAIRS})\n`);
      const inter = { viewer: { frames: [], hover: [], hits: 0, timeouts: 0 }, leaflet: { frames: [], hover: [], hits: 0, timeouts: 0 }, labels: [] };
      results.communes = await pairs(browser, base, COMMUNES_PAIRS, '/__benchdata/communes-france.geojson', { name: 'communes', canvas: true },
        async (kind, page) => {
          // Hover first: a gesture that times out leaves input queued behind it.
          const h = await hover(page, kind);
          if (h.timedOut) { inter[kind].timeouts++; return; }
          inter[kind].hover.push(...h.times);
          inter[kind].hits += h.hits;
          const g = await gestures(page, kind);
          inter[kind].frames.push(...g.frames);
          if (g.timedOut) inter[kind].timeouts++;
          // The last placement of the names, after the gestures' zooms (400 largest, inside only).
          if (kind === 'viewer') {
            const l = await page.evaluate(() => performance.getEntriesByName('tim:labels')[0]?.duration);
            if (l !== undefined) inter.labels.push(l);
          }
        });
      results.interactions = inter;
    } else {
      process.stderr.write(COMMUNES_PAIRS > 0 ? `bench: ${communesFile} absent; communes scenario skipped\n` : 'bench: BENCH_COMMUNES_PAIRS=0, communes scenario skipped\n');
    }
  } finally {
    await browser.close().catch(() => {});
    await stopServer(child);
  }

  const size = sizes();
  const nativePath = path.join(benchData, 'native.json');
  const native = existsSync(nativePath) ? JSON.parse(readFileSync(nativePath, 'utf8')) : [];
  const m = machine();
  const ge = results.grandEst;
  const co = results.communes;
  const it = results.interactions;

  const rows = [];
  const row = (measure, viewer, leaflet, ratio, target, status) => rows.push([measure, viewer, leaflet, ratio, target, status]);
  row('code of the default page, gzip -9 (small wasm+js+css)', kb(size.viewerTotal), kb(size.leafletTotal), `${(size.viewerTotal / size.leafletTotal).toFixed(2)}×`, '≤ 60 KB (aim: 46)',
    verdict(size.viewerTotal, 60_000, { unit: kb }));
  row('code with other data (?src=: full wasm+js+css)', kb(size.fullTotal), kb(size.leafletTotal), `${(size.fullTotal / size.leafletTotal).toFixed(2)}×`, '—', '');
  const geRatio = median(ge.ratios);
  if (ge.labels.length) row(`Grand Est: names placed after a zoom step (labels::at_view + DOM), median [n=${ge.labels.length}]`, ms(median(ge.labels)), '—', '', '≤ 5 ms', verdict(median(ge.labels), 5, { unit: ms }));
  row('Grand Est: navigation → ready', loadFigure(ge, 'viewer'), loadFigure(ge, 'leaflet') + ' (SVG)', `${geRatio.toFixed(2)}× (median of ${ge.ratios.length} pairs)`,
    '≤ 0.8× Leaflet', verdict(geRatio, 0.8, { unit: (x) => `${x.toFixed(2)}×` }));
  const fv = results.firstView;
  if (fv) {
    const times = (m, label, target, aim = '', res = fv) => {
      const r = res[m];
      const fig = (k) => {
        const to = r.timeouts[k] ? ` (+${r.timeouts[k]} time-outs)` : '';
        return r[k].length ? `${ms(median(r[k]))}${to} [n=${r[k].length}]` : to ? `time-out${to}` : '—';
      };
      const q = median(r.ratios);
      row(label, fig('viewer'), `${fig('leaflet')} (SVG)`, `${q.toFixed(2)}× (median of ${r.ratios.length} pairs)`,
        target ? `≤ ${target}× Leaflet${aim}` : '—', target ? verdict(q, target, { unit: (x) => `${x.toFixed(2)}×` }) : '');
    };
    // Issue 20 withdrew "≤ 0.5× Leaflet" for painting and the card (the floor rows show no page
    // reaches it here): the screenshot rows below compare what is on screen instead.
    times('painted', 'Grand Est page: navigation → territories painted');
    times('card', 'Grand Est page: navigation → card shown (click as soon as clickable)');
    times('ready', 'Grand Est page: navigation → module ready (zoom, hover, keyboard)', 0.8);
    times('fcp', 'Grand Est page: navigation → first contentful paint');
    // The small module places no names: its first zoom fetches their module (src/web/names/).
    if (fv.namesShown?.length) row(`Grand Est page: first zoom → names shown again (their module fetched, the page read, names placed), median [n=${fv.namesShown.length}]`, ms(median(fv.namesShown)), '—', '', '—', '');
    const na = results.national;
    if (na?.done) {
      // Leaflet's page frames the mainland and paints the territories there (mainland(), above):
      // fewer than the viewer's 148, in its favour. No target: issue 24 asks for the figures.
      times('painted', 'national page (148 territories, insets; Leaflet: the mainland\'s): navigation → territories painted', 0, '', na);
      times('card', 'national page: navigation → card shown (click as soon as clickable)', 0, '', na);
      times('ready', 'national page: navigation → module ready', 0, '', na);
    }
    const nl = results.nationalLoad;
    if (nl?.done) {
      const q = median(nl.ratios);
      row('national file (?src=, full module): navigation → ready', loadFigure(nl, 'viewer'), loadFigure(nl, 'leaflet') + ' (SVG)',
        `${q.toFixed(2)}× (median of ${nl.ratios.length} pairs)`, '≤ 0.8× Leaflet', verdict(q, 0.8, { unit: (x) => `${x.toFixed(2)}×` }));
      const hv = results.nationalHover;
      const p = (k, x) => (hv[k].length ? ms(quantile(hv[k], x)) : '—');
      row('national file: hit-test per pointer move, median / p95', `${p('viewer', 0.5)} / ${p('viewer', 0.95)}`, `${p('leaflet', 0.5)} / ${p('leaflet', 0.95)}`,
        '', '—', `moves: ${hv.viewer.length} / ${hv.leaflet.length}`);
    }
    const floor = (k, label, note, versus = 'territories painted') => {
      const f = fv.floors[k];
      if (!f?.times.length) return;
      row(label, `${ms(median(f.times))} [n=${f.times.length}]`, '—', `${median(f.ratios).toFixed(2)}× Leaflet's ${versus} (median of ${f.ratios.length} pairs)`,
        '—', note);
    };
    floor('head', 'floor: the page\'s head and heading only → first contentful paint', 'lower bound of any page with this head');
    floor('territories', 'floor: head, heading and the 15 territories alone (no background, names, cards, list) → first contentful paint',
      'lower bound of any page that shows these outlines');
    floor('parsed', 'floor: the Grand Est page without its module → DOMContentLoaded', 'the earliest a module that adopts the parsed page can start', 'module ready');
    floor('module', 'floor: the Grand Est page with a module that only says ready → module ready', 'the earliest any module that adopts this page can be ready', 'module ready');
    const b = results.firstViewBytes;
    if (b.viewer && b.leaflet) {
      const bytes = (label, k) => row(label, `${kb(b.viewer[k].gz)} (${b.viewer[k].files.join(' + ')})`,
        `${kb(b.leaflet[k].gz)} (${b.leaflet[k].files.join(' + ')})`, `${(b.viewer[k].gz / b.leaflet[k].gz).toFixed(2)}×`, '—', '');
      bytes('Grand Est page: bytes before first paint (HTML + render-blocking CSS, gzip -9)', 'firstPaint');
      row('Grand Est page: HTML size (raw / gzip -9)', `${kb(b.viewer.html.raw)} / ${kb(b.viewer.html.gz)}`, `${kb(b.leaflet.html.raw)} / ${kb(b.leaflet.html.gz)}`,
        `${(b.viewer.html.gz / b.leaflet.html.gz).toFixed(2)}× (gzip)`, '—', '');
    }
    const vis = results.visual;
    if (vis?.done) {
      times('first', 'Grand Est page, screenshots: navigation → first visual change', 0, '', vis);
      times('complete', `Grand Est page, screenshots: navigation → visually complete (${pct(COMPLETE)} of the pixels)`, 1.0, '', vis);
      times('last', 'Grand Est page, screenshots: navigation → last visual change', 0, '', vis);
      const fl = vis.floor;
      if (fl.complete.length) {
        row('floor, screenshots: the Grand Est page with a module that only says ready → visually complete', `${ms(median(fl.complete))} [n=${fl.complete.length}]`, '—',
          `${median(fl.ratios).toFixed(2)}× Leaflet's visually complete (median of ${fl.ratios.length} pairs)`, '—', 'the least this page\'s own content allows, no module at work');
      }
      const t = vis.takeover;
      row('Grand Est page, screenshots: last visual change within one frame of the first (the module becoming ready changes no pixel)',
        `${t.within} / ${t.loads} loads`, '—', '', 'all loads', t.loads ? (t.within === t.loads ? 'met' : `MISSED in ${t.loads - t.within} / ${t.loads}`) : 'not measured');
    }
  }
  if (co) {
    const vMed = co.viewer.length ? median(co.viewer) : co.timeouts.viewer ? Infinity : NaN;
    const cRatio = median(co.ratios);
    row('communes: navigation → first paint (ready)', loadFigure(co, 'viewer'), loadFigure(co, 'leaflet') + ' (canvas)', `${cRatio.toFixed(2)}× (median of ${co.ratios.length} pairs)`,
      '≤ 1 500 ms', vMed === Infinity ? `MISSED: time-out > ${ms(TIMEOUT)}` : verdict(vMed, 1500, { unit: ms }));
    const f = (k, q) => (it[k].frames.length ? quantile(it[k].frames, q) : NaN);
    const to = (k) => (it[k].timeouts ? ` (${it[k].timeouts} time-outs)` : '');
    row('communes: frame time p50 (drag + wheel)', ms(f('viewer', 0.5)) + to('viewer'), ms(f('leaflet', 0.5)) + to('leaflet'),
      `${(f('viewer', 0.5) / f('leaflet', 0.5)).toFixed(2)}×`, '—', `frames: ${it.viewer.frames.length} / ${it.leaflet.frames.length}`);
    // rAF timestamps are coarsened to 0.1 ms in a page that is not cross-origin isolated, so
    // frames on time at 60 Hz (16.67 ms apart) read 16.6, 16.7 or 16.8 ms: the verdict allows
    // that resolution, and a frame counts as late when it took longer than 1.5 intervals.
    const late = (k) => it[k].frames.filter((d) => d > 25).length;
    const p95 = f('viewer', 0.95);
    row('communes: frame time p95 (drag + wheel)', ms(p95), ms(f('leaflet', 0.95)),
      `${(p95 / f('leaflet', 0.95)).toFixed(2)}×`, '≤ 16.7 ms',
      p95 > 16.7 && Math.round(p95 * 10) <= 168 ? `met within the 0.1 ms clock resolution (${ms(p95)})` : verdict(p95, 16.7, { unit: ms }));
    row('communes: frames later than 25 ms', `${late('viewer')} / ${it.viewer.frames.length}`, `${late('leaflet')} / ${it.leaflet.frames.length}`, '', '—', '');
    row('communes: longest frame', ms(f('viewer', 1)), ms(f('leaflet', 1)), '', '—', '');
    const h = (k, q) => (it[k].hover.length ? quantile(it[k].hover, q) : NaN);
    row('communes: hit-test per pointer move, median', ms(h('viewer', 0.5)), ms(h('leaflet', 0.5)), `${(h('viewer', 0.5) / h('leaflet', 0.5)).toFixed(2)}×`,
      '≤ 1 ms', verdict(h('viewer', 0.5), 1, { unit: ms }));
    if (it.labels.length) row(`communes: names placed after the gestures (labels::at_view + DOM), median [n=${it.labels.length}]`, ms(median(it.labels)), '—', '', '≤ 50 ms', verdict(median(it.labels), 50, { unit: ms }));
    row('communes: hit-test per pointer move, p95', ms(h('viewer', 0.95)), ms(h('leaflet', 0.95)), '', '—', `moves: ${it.viewer.hover.length} / ${it.leaflet.hover.length}, on a territory: ${it.viewer.hits} / ${it.leaflet.hits}`);
  }
  for (const n of native) {
    const mbps = (ms_) => (n.bytes / 1e6) / (ms_ / 1000);
    const ratio = n.raw_ms / (n.parse_ms + n.scene_ms);
    const label = n.file.replace('.geojson', '');
    row(`native ${label}: parse / scene / raw serde_json`, `${ms(n.parse_ms)} / ${ms(n.scene_ms)}`, `floor ${ms(n.raw_ms)}`, '', '', `${n.features} feat., ${(n.bytes / 1e6).toFixed(2)} MB, criterion medians of ${n.runs} samples`);
    if (n.simplify_ms !== undefined) row(`native ${label}: simplify (canvas paths, fitted view)`, ms(n.simplify_ms), '', '', '', '');
    row(`native ${label}: parse+project throughput`, `${mbps(n.parse_ms + n.scene_ms).toFixed(0)} MB/s`, `floor ${mbps(n.raw_ms).toFixed(0)} MB/s`, pct(ratio),
      '≥ 50 % of floor', verdict(ratio, 0.5, { atLeast: true, unit: pct }));
    if (n.labels_ms !== undefined) row(`native ${label}: labels::at_view (fitted view)`, ms(n.labels_ms), '', '', n.features > 40 ? '≤ 50 ms' : '≤ 5 ms', verdict(n.labels_ms, n.features > 40 ? 50 : 5));
    row(`native ${label}: Scene::hit_painted`, `${(n.hit_us / 1000).toFixed(4)} ms`, '', '', '≤ 1 ms', verdict(n.hit_us / 1000, 1, { unit: (x) => `${(x * 1000).toFixed(1)} µs` }));
  }

  const head = ['measure', 'viewer', 'Leaflet 1.9.4', 'viewer / Leaflet', 'target', 'verdict'];
  const table = [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
  const lines = [
    `make bench — ${new Date().toISOString()}`,
    `machine: ${m.cpus}, ${m.memory} RAM; ${m.chromium}; node ${m.node}`,
    `pairs: Grand Est ${ge.done}, first view ${fv ? fv.done : 0}, national ${results.national?.done ?? 0}, screenshots ${results.visual?.done ?? 0}, communes ${co ? co.done : 0} (gestures and hover on ${co ? Math.min(GESTURE_PAIRS, co.done) : 0}); time-out ${TIMEOUT} ms; ${((Date.now() - t0) / 1000).toFixed(0)} s`,
    `code, gzip -9: viewer ${size.viewer.map(([f, b]) => `${f} ${b}`).join(', ')}; Leaflet ${size.leaflet.map(([f, b]) => `${f} ${b}`).join(', ')}`,
    '',
    table,
  ];
  // Median time of each step since navigation, and the step's own median duration.
  const phaseLine = (name, res) => {
    if (!res?.phases.length) return `${name}: no performance marks`;
    const steps = ['fetched', 'parsed', 'scene', 'dataset', 'list', 'drawn', 'ready'].filter((k) => res.phases.every((p) => k in p));
    return `${name}: ` + steps.map((k, i) => {
      const at = median(res.phases.map((p) => p[k]));
      const took = i ? median(res.phases.map((p) => p[k] - p[steps[i - 1]])) : at;
      return `${k} ${at.toFixed(0)} (+${took.toFixed(0)})`;
    }).join(', ');
  };
  lines.push('', 'viewer steps, median ms since navigation (+ median ms of the step; fetched = wasm started and file downloaded, ready = the frame after):',
    phaseLine('  Grand Est', ge), ...(co ? [phaseLine('  communes', co)] : []));
  if (fv?.done) {
    const c = (k) => (fv.clickable[k].length ? `${median(fv.clickable[k]).toFixed(0)} ms` : '—');
    const clicked = [...new Set(fv.clicks)].join('; ');
    lines.push('', `first view (viewer \`/\` as published, Leaflet ?src= the same territories): ${fv.done} pairs; click sent, median since navigation: viewer ${c('viewer')}, Leaflet ${c('leaflet')}; clicked → card: ${clicked}`);
  }
  const vis = results.visual;
  if (vis?.done) {
    const med = (v) => (v.length ? median(v).toFixed(0) : '—');
    const drift = vis.zeroDrift.length ? Math.max(...vis.zeroDrift.map(Math.abs)).toFixed(1) : '—';
    lines.push('', `screenshots (frames.mjs): ${vis.done} pairs; frames ${vis.sizes.join(', ')} (the whole ${VIEWPORT.width} × ${VIEWPORT.height} viewport), `
      + `median per load: viewer ${med(vis.frames.viewer)}, Leaflet ${med(vis.frames.leaflet)}; blank first frame in ${vis.blankFirst} / ${vis.loads} loads (frames of the window before the viewport applied, left out, in ${vis.early}); `
      + `zero = the trace's navigationStart (a mark's trace time − its startTime: at most ${drift} ms); pixels equal within ${TOLERANCE}/255 per channel; `
      + `complete = 1 − (pixels ≠ final) / (blank's pixels ≠ final); settle ${VISUAL_SETTLE} ms after ready`);
    // The viewer's frames after its first change: the module becoming ready, if it changes pixels.
    const ch = vis.takeover.changes;
    const some = ch.filter((c) => c.length);
    if (some.length) {
      const fmt = (c) => `${c.ms.toFixed(0)} ms: ${(c.share * 100).toFixed(1)} % of the pixels in [${c.box.join(', ')}]`;
      lines.push(`  viewer, changes after the first visual change (more than ${FRAME_MS.toFixed(1)} ms later counts against the module becoming ready): in ${some.length} / ${ch.length} loads, `
        + `median ${median(some.map((c) => c.length))} per load; first load: ${some[0].map(fmt).join('; ')}`);
    } else if (ch.length) {
      lines.push(`  viewer: no change after the first visual change in any of ${ch.length} loads`);
    }
  }
  const errors = [...(ge.errors ?? []), ...(fv?.errors ?? []), ...(vis?.errors ?? []), ...(co?.errors ?? [])];
  if (errors.length) lines.push('', 'errors:', ...[...new Set(errors)].slice(0, 10).map((e) => `  ${e}`));
  // The size floor, measured by tests/bench/floor/measure.sh just before (make bench).
  const floorPath = path.join(benchData, 'floor.txt');
  if (existsSync(floorPath)) lines.push('', 'size floor (bytes; tests/bench/floor/measure.sh):', readFileSync(floorPath, 'utf8').trimEnd());
  const text = lines.join('\n');
  console.log(text);
  mkdirSync(benchData, { recursive: true });
  writeFileSync(path.join(benchData, 'report.md'), text + '\n');
  writeFileSync(path.join(benchData, 'browser.json'), JSON.stringify({ machine: m, size, results }, null, 1));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
