// Shared set-up for the browser tests: serves the built site (target/site, made by `make build`)
// with .ci/serve.py on a free loopback port, drives Debian's Chromium with playwright-core, and
// records everything a test must assert is absent: console errors, uncaught exceptions, wasm
// panics ("panicked at", "unreachable") and Content-Security-Policy violations.
//
// Builds nothing: `make test` builds the site before it runs these tests.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { launchChromium, startServer, stopServer } from './launch.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const siteDir = process.env.TIM_SITE_DIR
  ? path.resolve(process.env.TIM_SITE_DIR)
  : path.join(repoRoot, 'target/site');
export const fixturesDir = path.join(repoRoot, 'tests/fixtures');
export const artifactsDir = path.join(here, 'artifacts');


/** The status labels of the press release of 19 Nov 2019, as the legend must word them. */
export const STATUS = {
  signed: 'Protocole signé le 19 novembre 2019 à Mulhouse',
  earlier: 'Protocole signé avant le 19 novembre 2019',
  none: "Pas encore de plan d'actions au 19 novembre 2019",
};

/** Lower case, without accents, dashes and apostrophes turned into spaces, spaces collapsed. */
export function fold(s) {
  return String(s)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2010-\u2015\-'’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Collapses white space, for comparing rendered text with expected text. */
export function squish(s) {
  return String(s ?? '').replace(/\s+/g, ' ').trim();
}

/** The territory name out of an aria-label "<name> : <status label>". */
export function nameOf(ariaLabel) {
  const i = ariaLabel.lastIndexOf(' : ');
  return i < 0 ? ariaLabel : ariaLabel.slice(0, i);
}

function startSiteServer(mounts = []) {
  if (!existsSync(path.join(siteDir, 'index.html'))) {
    throw new Error(`${siteDir}/index.html is missing: run \`make build\` first`);
  }
  return startServer(siteDir, [`/__fixtures=${fixturesDir}`, ...mounts]);
}

/**
 * Starts the server and the browser. Returns `{ base, open, close }`; call `close()` in `after`.
 * `mounts` serves more folders (`/__name=/abs/dir`), as `/__fixtures` is.
 * `open(query, { state, viewport, prepare, deviceScaleFactor, hasTouch, javaScript })` opens the
 * viewer (`/` + query) in a fresh context and waits for `state` ('ready' by default, 'error', or
 * null to not wait); `prepare(page)` runs before the page loads (init scripts, routes);
 * `javaScript: false` opens it with JavaScript disabled (then pass `state: null`).
 */
export async function start({ mounts = [] } = {}) {
  const server = await startSiteServer(mounts);
  let browser;
  try {
    browser = await launchChromium(chromium);
  } catch (e) {
    await stopServer(server.child);
    throw e;
  }
  const contexts = [];

  async function open(query = '', { state = 'ready', viewport = { width: 1200, height: 800 }, prepare, deviceScaleFactor = 1, hasTouch = false, javaScript = true } = {}) {
    const context = await browser.newContext({ viewport, locale: 'fr-FR', deviceScaleFactor, hasTouch, javaScriptEnabled: javaScript });
    contexts.push(context);
    const page = await context.newPage();
    const watch = await watchPage(page);
    if (prepare) await prepare(page);
    await page.goto(`${server.base}/${query}`);
    if (state) await waitForState(page, state);
    return { page, watch, context };
  }

  async function close() {
    for (const c of contexts) await c.close().catch(() => {});
    await browser.close().catch(() => {});
    await stopServer(server.child);
  }

  return { base: server.base, open, close, serverLog: server.log };
}

/** The record of each watched page, for waitForState's diagnostics. */
const records = new WeakMap();

/** Records console messages, uncaught exceptions, CSP violations, the path of every request (in
 * order), failed requests and the viewer's DOM events. */
export async function watchPage(page) {
  const rec = { console: [], errors: [], pageErrors: [], csp: [], events: null, requests: [], badRequests: [] };
  records.set(page, rec);
  page.on('request', (r) => rec.requests.push(new URL(r.url()).pathname));
  page.on('requestfailed', (r) => rec.badRequests.push(`${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) rec.badRequests.push(`${r.url()} (HTTP ${r.status()})`);
  });
  page.on('console', (msg) => {
    const entry = { type: msg.type(), text: msg.text(), url: msg.location()?.url ?? '' };
    rec.console.push(entry);
    // Chromium asks for /favicon.ico by itself; its 404 is not the page's doing.
    if (entry.type === 'error' && !/\/favicon\.ico$/.test(entry.url)) rec.errors.push(entry);
  });
  page.on('pageerror', (err) => rec.pageErrors.push(String(err?.stack || err)));
  // Capture phase on document: sees `ready`/`error` on #carte whether or not they bubble.
  await page.addInitScript(() => {
    window.__tim = { events: [], csp: [] };
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__tim.csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    }, true);
    for (const type of ['ready', 'error']) {
      document.addEventListener(type, (e) => {
        if (e.target && e.target.id === 'carte') {
          let detail = null;
          try { detail = JSON.parse(JSON.stringify(e.detail ?? null)); } catch { detail = String(e.detail); }
          window.__tim.events.push({ type, detail, isCustom: e instanceof CustomEvent });
        }
      }, true);
    }
  });
  rec.domEvents = () => page.evaluate(() => window.__tim.events);
  rec.cspViolations = () => page.evaluate(() => window.__tim.csp);
  /** Console lines that show a wasm panic or trap. */
  rec.panics = () =>
    [...rec.console.map((c) => c.text), ...rec.pageErrors].filter((t) => /panicked at|unreachable/i.test(t));
  return rec;
}

/** Fails the test if anything went wrong in the page (see watchPage). */
export async function assertHealthy(watch, { allowConsoleErrors = false } = {}) {
  assert.deepEqual(watch.panics(), [], 'a wasm panic or trap was printed');
  assert.deepEqual(watch.pageErrors, [], 'uncaught exception in the page');
  if (!allowConsoleErrors) {
    assert.deepEqual(watch.errors.map((e) => `${e.text} (${e.url})`), [], 'console errors');
  }
  assert.deepEqual(await watch.cspViolations(), [], 'Content-Security-Policy violations');
}

/** Waits for `#carte[data-state=state]`; fails at once, with the page's message, on the other end state. */
export async function waitForState(page, state, timeout = 20_000) {
  const handle = await page
    .waitForSelector('#carte[data-state="ready"], #carte[data-state="error"]', { state: 'attached', timeout })
    .catch(async (e) => {
      const now = await page.evaluate(() => document.querySelector('#carte')?.dataset.state ?? '(no #carte)');
      const rec = records.get(page);
      const bad = rec ? `; failed requests: ${rec.badRequests.join(', ') || 'none'}; uncaught: ${rec.pageErrors.join(' | ') || 'none'}` : '';
      throw new Error(`#carte never reached "ready" or "error" in ${timeout} ms (data-state: ${now}${bad}): ${e.message}`);
    });
  const got = await handle.getAttribute('data-state');
  if (got !== state) {
    const message = await page.evaluate(() => document.querySelector('.tim-message')?.textContent ?? '');
    throw new Error(`#carte reached data-state="${got}", expected "${state}". .tim-message: ${squish(message)}`);
  }
}

/**
 * The distinct messages of `selector`'s `.tim-message` while the map is loading, in order
 * (whitespace squished), polled every 50 ms until it leaves "loading" or `timeout` ms pass.
 */
export async function loadingMessages(page, selector, timeout = 15_000) {
  const seen = [];
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const s = await page.evaluate((sel) => {
      const root = document.querySelector(sel);
      return { state: root?.dataset.state, text: root?.querySelector('.tim-message')?.textContent ?? '' };
    }, selector);
    if (s.state === 'loading' && !seen.includes(squish(s.text))) seen.push(squish(s.text));
    if (s.state !== 'loading' && s.state !== undefined) break;
    await page.waitForTimeout(50);
  }
  return seen;
}

/** Every territory path as the page shows it, in document order. */
export function territories(page) {
  return page.$$eval('#carte svg.tim-svg path.tim-territory', (paths) =>
    paths.map((p) => ({
      id: p.getAttribute('data-id'),
      status: p.getAttribute('data-status'),
      label: p.getAttribute('aria-label'),
      role: p.getAttribute('role'),
      tabindex: p.getAttribute('tabindex'),
      d: p.getAttribute('d'),
      classes: [...p.classList],
    })),
  );
}

/** The territory whose name (from its aria-label) matches `test(foldedName)`; fails if not exactly one. */
export async function findTerritory(page, test, what = String(test)) {
  const all = await territories(page);
  const hits = all.filter((t) => t.label && test(fold(nameOf(t.label))));
  assert.equal(hits.length, 1, `expected one territory matching ${what}, got ${hits.map((t) => t.label).join(' | ') || 'none'}`);
  return hits[0];
}

/** CSS selector of a territory path by data-id. */
export function territorySelector(id) {
  return `#carte path.tim-territory[data-id="${String(id).replace(/["\\]/g, '\\$&')}"]`;
}

/**
 * A viewport point where the territory `id` is what the user would hit: scans its bounding box
 * from the centre outwards and keeps the first point where document.elementFromPoint is the path
 * itself (shapes may be concave, and labels or neighbours may cover the box centre), 3 px clear
 * of its border, or, for a territory too small to hit, the round 24 px marker drawn over it.
 */
export async function pointInside(page, id) {
  await framesPassed(page);
  const p = await page.evaluate(([sel, id]) => {
    const el = document.querySelector(sel);
    if (!el) return { missing: true };
    const marker = [...document.querySelectorAll('#carte circle.tim-marker')].find((m) => m.dataset.id === id);
    const r = el.getBoundingClientRect();
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    const pts = [];
    const n = 24;
    for (let i = 1; i < n; i++) {
      for (let j = 1; j < n; j++) {
        const x = r.left + (r.width * i) / n;
        const y = r.top + (r.height * j) / n;
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
        pts.push([x, y, (x - cx) ** 2 + (y - cy) ** 2]);
      }
    }
    pts.sort((a, b) => a[2] - b[2]);
    // The path's stroke also answers elementFromPoint: a point is kept only when the points
    // 3 px around it hit the same shape, so that it lies inside the fill, not on the border.
    const hits = (x, y) => {
      const hit = document.elementFromPoint(x, y);
      return hit === el || (marker && hit === marker);
    };
    const around = [[0, 0], [3, 0], [-3, 0], [0, 3], [0, -3]];
    for (const [x, y] of pts) {
      if (around.every(([dx, dy]) => hits(x + dx, y + dy))) return { x, y };
    }
    return { none: true, box: [r.left, r.top, r.width, r.height] };
  }, [territorySelector(id), String(id)]);
  assert.ok(!p.missing, `no path for territory ${id}`);
  assert.ok(!p.none, `no visible, unobstructed point inside territory ${id} (box ${p.box})`);
  return p;
}

/**
 * Resolves after two frames: a ResizeObserver callback runs between layout and paint, so after
 * two frames the map has followed any change of its size (the panel closing widens it). A point
 * measured before that is measured against the old view and the click lands elsewhere, which a
 * slow machine shows and a fast one hides.
 */
export function framesPassed(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

/** The open panel's content, or null when it is hidden or absent. */
export function panel(page) {
  return page.evaluate(() => {
    const el = document.querySelector('#carte .tim-panel:not([hidden])');
    if (!el || el.hidden) return null;
    const text = (sel) => el.querySelector(sel)?.textContent.replace(/\s+/g, ' ').trim() ?? null;
    const items = (sel) => [...el.querySelectorAll(sel)].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    return {
      title: text('.tim-panel:not([hidden]) .tim-panel-title'),
      status: text('.tim-panel-status'),
      projects: items('.tim-panel-projects li'),
      epci: items('.tim-panel-epci li'),
      perimeter: text('.tim-panel-perimeter'),
      sources: [...el.querySelectorAll('.tim-panel-sources a')].map((a) => ({
        text: a.textContent.trim(),
        href: a.getAttribute('href'),
      })),
      hasClose: !!el.querySelector('button.tim-close'),
    };
  });
}

/** The id of the element that has focus, if it is a territory path; else a description of it. */
export function focused(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (a && a.matches('path.tim-territory')) return { territory: a.getAttribute('data-id'), label: a.getAttribute('aria-label') };
    return { territory: null, other: a ? `${a.tagName.toLowerCase()}${a.id ? '#' + a.id : ''}.${[...a.classList].join('.')}` : 'none' };
  });
}

/** The `transform` attribute of g.tim-view (null when absent). */
export function viewTransform(page) {
  return page.$eval('#carte g.tim-view', (g) => g.getAttribute('transform'));
}

/** Waits until the view transform differs from `before` (zoom may be animated); returns it. */
export async function transformChangedFrom(page, before, what, timeout = 3000) {
  try {
    await page.waitForFunction(
      (b) => document.querySelector('#carte g.tim-view')?.getAttribute('transform') !== b,
      before,
      { timeout },
    );
  } catch {
    assert.fail(`g.tim-view transform did not change after ${what} (still ${JSON.stringify(before)})`);
  }
  return viewTransform(page);
}

/** Waits until the view transform equals `want`. */
export async function transformBecomes(page, want, what, timeout = 3000) {
  try {
    await page.waitForFunction(
      (w) => document.querySelector('#carte g.tim-view')?.getAttribute('transform') === w,
      want,
      { timeout },
    );
  } catch {
    const now = await viewTransform(page);
    assert.fail(`g.tim-view transform is ${JSON.stringify(now)} after ${what}, expected ${JSON.stringify(want)}`);
  }
}

/**
 * Creates one more map in the page, from the page's own module (the page must have loaded it):
 * a new `<div id="{id}">` at the end of the body, the map at `window.__maps[id]`, and the
 * `ready` / `error` events it sends in `div.__events`. Returns once the map is constructed.
 */
export function mountMap(page, id, options) {
  return page.evaluate(async ({ id, options }) => {
    const mod = await import('/pkg/territoires_map.js');
    await mod.default();
    const div = document.createElement('div');
    div.id = id;
    div.__events = [];
    for (const type of ['ready', 'error']) {
      div.addEventListener(type, (e) => div.__events.push({ type, message: e.detail?.message ?? null }));
    }
    document.body.append(div);
    window.__maps = window.__maps || {};
    window.__maps[id] = new mod.TerritoiresMap(div, options);
  }, { id, options });
}

/** Waits until `#id` has `data-state` `state`. */
export async function waitForMapState(page, id, state, timeout = 20_000) {
  try {
    await page.waitForFunction(([i, s]) => document.getElementById(i)?.dataset.state === s, [id, state], { timeout });
  } catch {
    const now = await page.evaluate((i) => {
      const el = document.getElementById(i);
      return `${el?.dataset.state} / ${el?.querySelector('.tim-message')?.textContent}`;
    }, id);
    assert.fail(`#${id} did not reach data-state="${state}" in ${timeout} ms (now: ${now})`);
  }
}
