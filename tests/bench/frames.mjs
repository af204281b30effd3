// `make bench`, what is on screen (issue #20): the first view of the Grand Est page as published
// (the viewer's `/`) and of the Leaflet page (?src= the same territories), each load traced by
// Chromium with its own screenshot of every presented frame (trace category
// `disabled-by-default-devtools.screenshot`, as Lighthouse's Speed Index uses), in alternating
// pairs, each load in a fresh browser context, the bench's viewport (1200 × 800, scrolled to the
// top: nothing scrolls either page, and each load's scroll offset is checked to be 0, 0 at the
// end). The same rules for both pages:
//
// - the zero: the main frame's `navigationStart` trace event (blink.user_timing) of the document
//   at the page's address, the origin of its performance.now(); a frame's time is its
//   `Screenshot` event's `ts` minus that zero (the frame's capture: the first change's is within
//   2 ms of the trace's firstContentfulPaint on both pages, checked on 4 December 2026). As a
//   check, a performance.mark the bench puts in both pages before their scripts run is found in
//   the trace: its `ts` minus the zero, less its startTime, is `zeroDrift` (ms; 0 within the
//   0.1 ms coarsening of performance.now()).
// - frames: Chromium scales each screenshot to fit 500 × 500 (498 × 332 for 1200 × 800), the
//   whole viewport; decoded with jpeg-js. Two pixels are equal when no channel differs by more than
//   TOLERANCE (8 of 255, for JPEG noise; the Leaflet map's #f4f6f8 is 13 from white); two frames
//   differ when any pixel does (Chromium encodes the same pixels into the same bytes, so unchanged
//   frames read as equal, and JPEG noise stays in the 8 × 8 blocks a real change touches).
// - blank: white, what the trace's first frame of the viewport's size shows (about:blank; each
//   load checks it; frames of the window before the viewport applies are left out, see analyse).
// - first visual change: the first frame that differs from blank.
// - visually complete: the first frame whose completeness reaches COMPLETE (95 %), completeness
//   being 1 − (pixels not equal to the final frame's) / (pixels of blank not equal to the final
//   frame's): the share, pixel for pixel, of the way from blank to the final frame (a per-pixel
//   variant of Speed Index's histogram completeness, which also counts a shifted layout).
// - last visual change: the frame after the last frame that differs from the final frame, i.e.
//   when the screen last changed; the final frame is the last one in the trace, which ends
//   SETTLE ms after the page says it is ready (the rAF after the viewer's `ready` event, after
//   Leaflet's addTo(map)).
// - the module becoming ready: whether its last visual change is within one frame (16.7 ms) of its
//   first, and every change after the first (time, pixels changed, their box in CSS pixels).
// Tracing costs the page's machine a JPEG per frame: these loads are not those of first-view.mjs.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PAGES, readyProbe } from './first-view.mjs';

export const TOLERANCE = 8;
export const COMPLETE = 0.95;
export const FRAME_MS = 1000 / 60;
const CATEGORIES = ['disabled-by-default-devtools.screenshot', 'blink.user_timing'];
const ZERO_MARK = 'bench:zero-check';

const decode = (b64) => jpeg.decode(Buffer.from(b64, 'base64'), { useTArray: true, formatAsRGBA: true });

/** Pixels of `a` not equal to `b`'s (or to white when `b` is null), and their box in frame pixels. */
export function diff(a, b) {
  const w = a.width;
  let n = 0, x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
  for (let p = 0, i = 0; i < a.data.length; p++, i += 4) {
    const off = b
      ? Math.abs(a.data[i] - b.data[i]) > TOLERANCE || Math.abs(a.data[i + 1] - b.data[i + 1]) > TOLERANCE || Math.abs(a.data[i + 2] - b.data[i + 2]) > TOLERANCE
      : a.data[i] < 255 - TOLERANCE || a.data[i + 1] < 255 - TOLERANCE || a.data[i + 2] < 255 - TOLERANCE;
    if (!off) continue;
    n++;
    const x = p % w, y = (p - x) / w;
    if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
  }
  return { n, box: n ? [x0, y0, x1 + 1, y1 + 1] : null };
}

/**
 * The three times (ms since the zero) and the changes after the first, from a trace's events; `url` is
 * the document's address, `viewport` its size in CSS pixels. Throws when the trace lacks them.
 */
export function analyse(events, url, viewport) {
  const href = new URL(url).href;
  const starts = events.filter((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args.data.documentLoaderURL);
  const nav = starts.filter((e) => e.args.data.documentLoaderURL === href).pop()
    ?? starts.filter((e) => !e.args.data.documentLoaderURL.startsWith('about:')).pop();
  if (!nav) throw new Error('no navigationStart for the page in the trace');
  const zero = nav.ts;
  const at = (ts) => (ts - zero) / 1000;
  const mark = events.find((e) => e.name === ZERO_MARK && e.args?.data?.navigationId === nav.args.data.navigationId);
  const shots = events.filter((e) => e.name === 'Screenshot' && e.args?.snapshot).sort((p, q) => p.ts - q.ts);
  if (shots.length < 2) throw new Error(`${shots.length} screenshot(s) in the trace`);
  let frames = shots.map((e) => ({ ms: at(e.ts), jpeg: e.args.snapshot, img: decode(e.args.snapshot) }));
  const { width, height } = frames[frames.length - 1].img;
  // Frames of another size before the first of the viewport's: the new window's surface before
  // the bench's viewport applies (498 × 296, white, in some loads partly black, never the page):
  // left out, and counted. One of another size later is an error.
  const early = frames.findIndex((f) => f.img.width === width && f.img.height === height);
  if (Math.abs(width / height - viewport.width / viewport.height) > 0.01 || frames.slice(early).some((f) => f.img.width !== width || f.img.height !== height)) {
    throw new Error(`screenshots not all the viewport's shape: ${frames.map((f) => `${f.ms.toFixed(0)} ms ${f.img.width} × ${f.img.height}`).join(', ')}`);
  }
  frames = frames.slice(early);
  const blankFirst = diff(frames[0].img, null).n === 0;
  const final = frames[frames.length - 1].img;
  const base = diff(final, null).n; // blank's pixels not equal to the final frame's
  if (!base) throw new Error('the final frame is blank');
  const iFirst = frames.findIndex((f) => diff(f.img, null).n > 0);
  let iLast = frames.length - 1;
  while (iLast > 0 && diff(frames[iLast - 1].img, final).n === 0) iLast--;
  let iComplete = -1;
  for (let i = iFirst; i < frames.length && iComplete < 0; i++) if (1 - diff(frames[i].img, final).n / base >= COMPLETE) iComplete = i;
  // Every change after the first: what the screen did once something was on it.
  const scale = viewport.width / width;
  const changes = [];
  for (let i = iFirst + 1; i < frames.length; i++) {
    const d = diff(frames[i].img, frames[i - 1].img);
    if (d.n) changes.push({ ms: frames[i].ms, pixels: d.n, share: d.n / (width * height), box: d.box.map((v) => Math.round(v * scale)) });
  }
  return {
    first: frames[iFirst].ms, complete: frames[iComplete].ms, last: frames[iLast].ms,
    frames: frames.length, size: `${width} × ${height}`, blankFirst, early, changes,
    zeroDrift: mark ? at(mark.ts) - mark.args.data.startTime : undefined, shots: frames,
  };
}

/**
 * One traced load of `kind` (or of `url`, a page measured by the viewer's rules); resolves the
 * analysis, or { timeout } / { error }.
 */
async function traced(browser, base, kind, { src, viewport, timeout, settle }, url = PAGES[kind].url(base, src)) {
  const context = await browser.newContext({ viewport, locale: 'fr-FR' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript((mark) => performance.mark(mark), ZERO_MARK);
  await page.addInitScript(readyProbe);
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  let r = {};
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: CATEGORIES } });
  try {
    await page.goto(url, { timeout, waitUntil: 'commit' });
    await page.waitForFunction(() => (window.__benchReadyAt ?? window.__bench?.readyAt) || document.querySelector('#carte[data-state="error"]'),
      null, { timeout, polling: 50 });
    await page.waitForTimeout(settle);
    r.page = await page.evaluate(() => ({
      error: document.querySelector('#carte[data-state="error"]') ? document.querySelector('#carte').textContent.slice(0, 200) : undefined,
      ready: window.__benchReadyAt ?? window.__bench?.readyAt,
      scroll: [scrollX, scrollY], inner: [innerWidth, innerHeight],
    }));
    if (r.page.error) r.error = r.page.error;
  } catch (e) {
    if (/Timeout/i.test(String(e))) r.timeout = true; else r.error = String(e).split('\n')[0];
  }
  const complete = new Promise((res) => cdp.once('Tracing.tracingComplete', res));
  await cdp.send('Tracing.end').then(() => complete).catch((e) => { r.error ??= `Tracing.end: ${e}`; });
  await context.close().catch(() => {});
  if (!r.error && !r.timeout) {
    try {
      r = { ...r, ...analyse(events, url, viewport) };
      if (r.page.scroll[0] || r.page.scroll[1]) r.error = `scrolled to ${r.page.scroll.join(', ')}`;
      if (r.page.inner[0] !== viewport.width || r.page.inner[1] !== viewport.height) r.error = `viewport ${r.page.inner.join(' × ')}`;
    } catch (e) {
      r.error = String(e);
    }
  }
  if (errors.length) r.pageErrors = errors;
  return r;
}

const METRICS = ['first', 'complete', 'last'];

/**
 * `n` alternating pairs of traced loads. opts: { src, viewport, timeout, settle, overBudget, dump,
 * floor } (`dump`: a folder to write every frame into, as `<pair>-<kind>-<index>-<ms>.jpg`;
 * `floor`: the address of the page as published with a module that only says ready, loaded
 * after each pair by the viewer's rules: its visually complete against Leaflet's of the pair is
 * the least the page's own content allows, with no module at work while it is painted).
 */
export async function visualPairs(browser, base, n, opts) {
  const out = { done: 0, errors: [], takeover: { within: 0, loads: 0, changes: [] }, frames: { viewer: [], leaflet: [] }, sizes: new Set(), zeroDrift: [], blankFirst: 0, early: 0, loads: 0 };
  for (const m of METRICS) out[m] = { viewer: [], leaflet: [], ratios: [], timeouts: { viewer: 0, leaflet: 0 } };
  out.floor = { complete: [], ratios: [] };
  if (opts.dump) mkdirSync(opts.dump, { recursive: true });
  for (let i = 0; i < n; i++) {
    if (i > 0 && opts.overBudget()) break;
    const order = i % 2 === 0 ? ['viewer', 'leaflet'] : ['leaflet', 'viewer'];
    const got = {};
    for (const kind of order) {
      const r = await traced(browser, base, kind, opts);
      got[kind] = r;
      if (r.error) out.errors.push(`${kind} (screenshots): ${r.error}`);
      if (r.pageErrors) out.errors.push(...r.pageErrors.map((e) => `${kind}: ${e}`));
      for (const m of METRICS) {
        if (r.timeout) out[m].timeouts[kind]++;
        else if (!r.error && r[m] !== undefined) out[m][kind].push(r[m]);
      }
      if (r.error || r.timeout || r.first === undefined) continue;
      out.loads++;
      out.frames[kind].push(r.frames);
      out.sizes.add(r.size);
      if (r.blankFirst) out.blankFirst++;
      if (r.early) out.early++;
      if (r.zeroDrift !== undefined) out.zeroDrift.push(r.zeroDrift);
      if (kind === 'viewer') {
        out.takeover.loads++;
        if (r.last - r.first <= FRAME_MS) out.takeover.within++;
        out.takeover.changes.push(r.changes);
      }
      if (opts.dump) r.shots.forEach((f, k) => writeFileSync(path.join(opts.dump, `${i + 1}-${kind}-${String(k).padStart(2, '0')}-${f.ms.toFixed(0)}ms.jpg`), Buffer.from(f.jpeg, 'base64')));
    }
    for (const m of METRICS) {
      const [v, l] = [got.viewer[m], got.leaflet[m]];
      if (v !== undefined && l !== undefined && !got.viewer.error && !got.leaflet.error) out[m].ratios.push(v / l);
    }
    if (opts.floor) {
      const r = await traced(browser, base, 'viewer', opts, opts.floor);
      if (r.error || r.timeout || r.complete === undefined) out.errors.push(`floor (screenshots): ${r.error ?? 'time-out'}`);
      else {
        out.floor.complete.push(r.complete);
        if (got.leaflet.complete !== undefined && !got.leaflet.error) out.floor.ratios.push(r.complete / got.leaflet.complete);
      }
    }
    out.done++;
    const f = (r) => (r.timeout ? 'time-out' : r.error ? 'error' : METRICS.map((m) => r[m].toFixed(0)).join(' / '));
    process.stderr.write(`  screenshots pair ${i + 1}/${n} (first / complete / last change, ms): viewer ${f(got.viewer)}; leaflet ${f(got.leaflet)}\n`);
  }
  out.sizes = [...out.sizes];
  return out;
}
