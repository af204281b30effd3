// `make bench`, the first view: the page a visitor opens (the viewer's `/`, the Grand Est map as
// published) against the Leaflet page on the same territories, in alternating pairs, each load in a
// fresh browser context. Four figures per page, the same rules on both sides, whether the
// territories come in the HTML (pre-rendered) or are drawn later by script:
//
// - territories painted: the later of two times. (a) performance.now() in the first
//   requestAnimationFrame callback in which all the file's territories are in the document and
//   rendered (checkVisibility, non-empty box); rAF callbacks only run in a rendering update, and
//   not before the page may render (blocking CSS loaded), so for territories in the HTML this is
//   the first frame, and for territories added by script the frame after them; the check forces
//   that frame's style and layout, so they are included, its raster is not. (b) The
//   first-contentful-paint entry (presentation time, raster included): nothing is on screen
//   before it. Territories in the HTML are thus timed by the first contentful paint, territories
//   drawn by script by (a), which leaves out their raster: in the script-drawn page's favour.
//   A MutationObserver only says when to start looking.
// - card shown: in a separate load, in the frame of (a) (or the next ones), the page looks for a
//   point of the viewport where a territory gets the pointer (elementFromPoint); at once it asks
//   Playwright, through a binding, for a real mouse click there (CDP input), then looks at every
//   frame for a visible card that names that territory: the viewer's `.tim-panel`, the `:target`
//   element (a pre-rendered card opened by its link), Leaflet's `#fiche`; the figure is that
//   frame's time, or the first contentful paint if later (as for (b)). The click can thus precede
//   the first contentful paint: as soon as clickable, not as soon as seen.
// - module ready (zoom, hover, keyboard): the rAF after the viewer's `ready` event, after
//   L.geoJSON(...).addTo(map) for Leaflet (as in the other scenarios);
// - floors: in each pair, a load of the pages written by `writeFloorPages`, made of the viewer's
//   own head (its render-blocking CSS, without the module) and its heading, then either nothing
//   or the 15 pre-rendered territories alone (no background, names, facts, cards or list). Their
//   first contentful paints are the least a page with that head, and a page that shows these
//   outlines at all, take to paint on this machine and browser; their ratios to Leaflet's
//   territories painted in the same pair bound the ratio any page of this viewer could reach.
//   A third, the whole page without its module and preloads: its DOMContentLoaded is the earliest
//   a module that adopts the parsed page can start, against Leaflet's module ready in the pair.
//   A fourth, the whole page as published with a module that only says `ready`: the earliest any
//   module that adopts this page can be ready (the browser runs the page's first frame before a
//   module script's response, see docs/performance.md), against the same.
// - bytes before first paint: the document and the resources Chromium marks render-blocking
//   (renderBlockingStatus), each fetched again from the bench server and counted with gzip -9 (the
//   server sends them uncompressed); and the document's own size.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What each page is made of, for the probe. `card` is tried along with `:target`. */
export const PAGES = {
  viewer: {
    // The published page: the site's root, or another site mounted beside it (`page`).
    url: (base, src, page = '/') => `${base}${page}`,
    territory: '.tim-territory:not(.tim-stop)',
    card: '.tim-panel',
  },
  leaflet: {
    // `query`: more of the Leaflet page's parameters (`&fit=…` for the national file).
    url: (base, src, page, query = '') => `${base}/__bench/leaflet.html?src=${encodeURIComponent(src)}${query}`,
    territory: '#carte path.leaflet-interactive',
    card: '#fiche',
  },
};

/**
 * Runs in the page before any of its scripts (addInitScript): the viewer's module ready, the
 * rAF after the `ready` event of #carte, in window.__benchReadyAt. The one rule for every load
 * the bench times, the viewer's, the floor pages' and the traced ones.
 */
export function readyProbe() {
  document.addEventListener('ready', (e) => {
    if (e.target && e.target.id === 'carte') requestAnimationFrame(() => { window.__benchReadyAt = performance.now(); });
  }, true);
}

/** Runs in the page before any of its scripts (addInitScript); results in window.__benchView. */
function probe({ territory, card, n, names, click }) {
  const b = (window.__benchView = {});
  const byLength = Object.entries(names).sort((p, q) => q[1].length - p[1].length);
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const shown = (e) => {
    if (!e.isConnected || !e.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const fcp = () => new Promise((resolve) => {
    new PerformanceObserver((list, o) => {
      const e = list.getEntriesByName('first-contentful-paint')[0];
      if (e) { o.disconnect(); resolve(e.startTime); }
    }).observe({ type: 'paint', buffered: true });
  });
  const rendered = () => [...document.querySelectorAll(territory)].filter(shown);
  const present = () => new Promise((resolve) => {
    const mo = new MutationObserver(() => {
      if (document.querySelector(territory)) { mo.disconnect(); resolve(); }
    });
    mo.observe(document, { childList: true, subtree: true });
  });
  // A point of the viewport where the largest territory (the same one on both maps) gets the pointer.
  const pointOn = (els) => {
    const area = (e) => ((r) => r.width * r.height)(e.getBoundingClientRect());
    const f = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];
    for (const e of [...els].sort((p, q) => area(q) - area(p))) {
      const r = e.getBoundingClientRect();
      for (const fy of f) for (const fx of f) {
        const x = r.left + r.width * fx;
        const y = r.top + r.height * fy;
        if (x < 1 || y < 1 || x > innerWidth - 1 || y > innerHeight - 1) continue;
        const t = document.elementFromPoint(x, y)?.closest(territory);
        if (t === e) return { x, y, el: e };
      }
    }
    return null;
  };
  // The territory's name: its data-id, its link's fragment, or its accessible label; else unknown.
  const nameOf = (el) => {
    const id = el.closest('[data-id]')?.getAttribute('data-id');
    if (id && names[id]) return names[id];
    const a = el.closest('a');
    const href = a?.getAttribute('href') ?? a?.getAttribute('xlink:href') ?? '';
    let frag = href.split('#')[1] ?? href;
    try { frag = decodeURIComponent(frag); } catch { /* kept as written */ }
    const byId = Object.keys(names).sort((p, q) => q.length - p.length).find((k) => frag.includes(k));
    if (frag && byId) return names[byId];
    const label = [el, a].filter(Boolean).map((e) => `${e.getAttribute('aria-label') ?? ''} ${e.querySelector('title')?.textContent ?? ''}`).join(' ');
    return byLength.find(([, nm]) => label.includes(nm))?.[1] ?? null;
  };
  const cardShown = (name) => {
    const cands = [...document.querySelectorAll(card)];
    const t = document.querySelector(':target');
    if (t) cands.push(t);
    for (const c of cands) {
      if (!shown(c)) continue;
      const text = c.textContent;
      const nm = name && text.includes(name) ? name : name ? null : byLength.find(([, v]) => text.includes(v))?.[1];
      if (nm) { b.cardName = nm; return true; }
    }
    return false;
  };
  (async () => {
    await present();
    let els;
    // All the file's territories, or those the page says it shows (the Leaflet page framed on the
    // mainland leaves the overseas ones off screen: window.__bench.onScreen).
    const expected = () => window.__bench?.onScreen ?? n;
    while ((els = (await frame(), rendered())).length < expected());
    b.frameAt = performance.now();
    b.territories = els.length;
    // Read, not awaited, when clicking: the observer's callback is a task that can wait long
    // behind the page's own (a module compiling while a pre-rendered map is already clickable).
    if (!click) { b.paintedAt = Math.max(b.frameAt, await fcp()); return; }
    let p;
    while (!(p = pointOn((els = rendered())))) await frame();
    b.clickableAt = performance.now();
    b.clicked = nameOf(p.el);
    addEventListener('pointerdown', (e) => { b.pointerdownAt = e.timeStamp; }, { capture: true, once: true });
    window.__benchClick(p.x, p.y);
    while ((await frame(), !cardShown(b.clicked)));
    b.cardFrameAt = performance.now();
    b.cardAt = Math.max(b.cardFrameAt, await fcp());
  })().catch((e) => { b.error = String(e); });
}

/** The viewer's placement of the names (labels::at_view and the DOM it writes) at the view one
 * zoom step in: its `tim:labels` measure (src/web/dom.rs `timed`), in ms (`placed`). And how long
 * the names stay hidden after that first zoom (`shown`, click to shown again): the small module
 * places none, its page fetches the names' module then (src/web/names/, www/helpers.js). */
export async function labelsAfterZoom(page) {
  await page.evaluate(() => performance.clearMeasures('tim:labels'));
  const shown = await page.evaluate(() => new Promise((resolve) => {
    const names = document.querySelector('#carte .tim-svg .tim-labels');
    const t0 = performance.now();
    document.querySelector('#carte button.tim-zoom-in').click();
    const shown = () => !names.classList.contains('tim-moving');
    if (shown()) return resolve(performance.now() - t0);
    new MutationObserver(() => shown() && resolve(performance.now() - t0))
      .observe(names, { attributes: true, attributeFilter: ['class'] });
    setTimeout(() => resolve(undefined), 5000);
  })).catch(() => undefined);
  const placed = await page.waitForFunction(() => performance.getEntriesByName('tim:labels')[0]?.duration, null, { timeout: 5000 })
    .then((h) => h.jsonValue()).catch(() => undefined);
  return { placed, shown };
}

/** One load of `kind`; mode 'watch' (painted, ready, bytes) or 'click' (painted, card). */
async function once(browser, base, kind, mode, { src, page: at, leafletQuery, n, names, timeout, cardTimeout, viewport }) {
  const context = await browser.newContext({ viewport, locale: 'fr-FR' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const { territory, card } = PAGES[kind];
  await page.addInitScript(probe, { territory, card, n, names, click: mode === 'click' });
  if (mode === 'click') {
    // Not awaited by the page: the click is sent while its frames go on.
    await page.exposeBinding('__benchClick', (_, x, y) => { page.mouse.click(x, y).catch(() => {}); });
  } else {
    await page.addInitScript(readyProbe);
  }
  const r = {};
  try {
    await page.goto(PAGES[kind].url(base, src, at, leafletQuery), { timeout, waitUntil: 'commit' });
    const done = mode === 'click'
      ? () => window.__benchView?.cardAt || window.__benchView?.error || document.querySelector('#carte[data-state="error"]')
      : () => (window.__benchView?.paintedAt && (window.__benchReadyAt ?? window.__bench?.readyAt)) || window.__benchView?.error
        || document.querySelector('#carte[data-state="error"]');
    await page.waitForFunction(done, null, { timeout: mode === 'click' ? cardTimeout : timeout, polling: 50 });
    Object.assign(r, await page.evaluate(() => {
      const v = window.__benchView;
      const entries = performance.getEntriesByType('resource');
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      return {
        error: v.error ?? (document.querySelector('#carte[data-state="error"]') ? document.querySelector('#carte').textContent.slice(0, 200) : undefined),
        painted: v.paintedAt, frame: v.frameAt, territories: v.territories, clickable: v.clickableAt, pointerdown: v.pointerdownAt,
        card: v.cardAt, clicked: v.clicked, cardName: v.cardName,
        ready: window.__benchReadyAt ?? window.__bench?.readyAt, fcp,
        doc: performance.getEntriesByType('navigation')[0]?.name,
        blocking: entries.filter((e) => e.renderBlockingStatus === 'blocking').map((e) => e.name),
      };
    }));
    // Then the first zoom, on the viewer's page as published: how long its names stay hidden.
    if (kind === 'viewer' && mode === 'watch' && r.ready !== undefined) r.names = await labelsAfterZoom(page);
  } catch (e) {
    if (/Timeout/i.test(String(e))) r.timeout = true; else r.error = String(e).split('\n')[0];
  }
  if (errors.length) r.pageErrors = errors;
  await context.close().catch(() => {});
  return r;
}

/**
 * Writes the floor pages into `dir` from the site's `index.html`: its head without the module
 * and its preloads (which do not block the first paint), relative addresses resolved from the
 * root (`<base href="/">`), then as the whole body its first heading (`floor.html`), or its first
 * heading and the pre-rendered map's territories alone, without background or names, in the
 * map's own blocks (`floor-map.html`); the whole page without its module and preloads
 * (`floor-page.html`), whose DOMContentLoaded is the earliest a module that adopts the parsed
 * page can start; and the whole page as published, preloads kept, whose `main.js` is replaced by
 * a module script that only says `ready` (`floor-module.html`): the earliest any module that
 * adopts this page can be ready, by the same rule as the viewer's (the rAF after `ready`).
 */
export function writeFloorPages(indexHtml, dir) {
  const html = readFileSync(indexHtml, 'utf8');
  const end = html.indexOf('</head>');
  const h1 = html.match(/<h1[\s>][\s\S]*?<\/h1>/);
  const svg = html.match(/<svg class="tim-svg"[\s\S]*?<\/defs>/);
  const territories = html.match(/<g class="tim-territories">[\s\S]*?<\/g>/);
  if (end < 0 || !h1 || !svg || !territories) throw new Error(`${indexHtml}: no head, heading or pre-rendered map to make the floor pages from`);
  const head = html.slice(0, end)
    .replace(/<head>/, '<head>\n  <base href="/">')
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '')
    .replace(/<script\b[\s\S]*?<\/script>/g, '');
  const view = html.match(/<g class="tim-view"[^>]*>/)[0];
  const map = `<div class="tim-map"><div class="tim-pre"><div class="tim-stage">${svg[0]}${view}${territories[0]}</g></svg></div></div></div>`;
  const page = (body) => `${head}</head>\n<body>\n  <main>\n    ${h1[0]}\n    ${body}\n  </main>\n</body>\n</html>\n`;
  writeFileSync(path.join(dir, 'floor.html'), page(''));
  writeFileSync(path.join(dir, 'floor-map.html'), page(map));
  const whole = html.replace(/<head>/, '<head>\n  <base href="/">')
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '')
    .replace(/<script type="module"[\s\S]*?<\/script>/g, '');
  writeFileSync(path.join(dir, 'floor-page.html'), whole);
  // The module script where the page has it, as the browser schedules it; the preloads of the
  // real module stay, their bytes download as they do for the page as published.
  const script = /<script type="module" src="main\.js"><\/script>/;
  if (!script.test(html)) throw new Error(`${indexHtml}: no <script type="module" src="main.js"> to replace`);
  writeFileSync(path.join(dir, 'floor-module.js'), "document.getElementById('carte')?.dispatchEvent(new CustomEvent('ready'));\n");
  writeFileSync(path.join(dir, 'floor-module.html'), html.replace(/<head>/, '<head>\n  <base href="/">')
    .replace(script, '<script type="module" src="/__benchdata/floor-module.js"></script>'));
}

/**
 * The floor page's first contentful paint, its DOMContentLoaded (`what`: 'dcl') or its module
 * ready (`what`: 'ready', by `readyProbe`), in ms since navigation, in a fresh context.
 */
async function floorOnce(browser, url, { timeout, viewport }, what = 'fcp') {
  const context = await browser.newContext({ viewport, locale: 'fr-FR' });
  const page = await context.newPage();
  try {
    if (what === 'ready') await page.addInitScript(readyProbe);
    await page.goto(url, { timeout, waitUntil: 'commit' });
    if (what === 'ready') {
      await page.waitForFunction(() => window.__benchReadyAt, null, { timeout, polling: 50 });
      return await page.evaluate(() => window.__benchReadyAt);
    }
    if (what === 'dcl') {
      await page.waitForFunction(() => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart > 0, null, { timeout, polling: 20 });
      return await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventStart);
    }
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout, polling: 20 });
    return await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
  } catch {
    return undefined;
  } finally {
    await context.close().catch(() => {});
  }
}

const METRICS = { painted: 'watch', card: 'click', ready: 'watch', fcp: 'watch' };

/** `n` alternating pairs; each pair: a watching load then a clicking load of each page. */
export async function firstViewPairs(browser, base, n, opts) {
  const kinds = () => ({ viewer: [], leaflet: [] });
  const out = { done: 0, errors: [], clicks: [], resources: {}, namesShown: [] };
  for (const m of Object.keys(METRICS)) out[m] = { ...kinds(), ratios: [], timeouts: { viewer: 0, leaflet: 0 } };
  out.clickable = kinds();
  out.floors = Object.fromEntries(Object.keys(opts.floors ?? {}).map((k) => [k, { times: [], ratios: [] }]));
  for (let i = 0; i < n; i++) {
    if (i > 0 && opts.overBudget()) break;
    const order = i % 2 === 0 ? ['viewer', 'leaflet'] : ['leaflet', 'viewer'];
    const got = { viewer: {}, leaflet: {} };
    for (const mode of ['watch', 'click']) {
      for (const kind of order) {
        const r = await once(browser, base, kind, mode, opts);
        if (r.error) out.errors.push(`${kind} (${mode}): ${r.error}`);
        if (r.pageErrors) out.errors.push(...r.pageErrors.map((e) => `${kind}: ${e}`));
        for (const [m, md] of Object.entries(METRICS)) {
          if (md !== mode) continue;
          // A time-out counts as the time-out itself (a lower bound), as in the other scenarios.
          got[kind][m] = r[m] ?? (r.timeout ? (mode === 'click' ? opts.cardTimeout : opts.timeout) : undefined);
          if (r[m] !== undefined) out[m][kind].push(r[m]);
          else if (r.timeout) out[m].timeouts[kind]++;
        }
        if (mode === 'click' && r.clickable !== undefined) {
          out.clickable[kind].push(r.clickable);
          out.clicks.push(`${kind}: ${r.clicked ?? '?'} → ${r.cardName ?? '?'}`);
        }
        if (mode === 'watch' && !out.resources[kind] && r.doc) out.resources[kind] = r;
        if (r.names?.shown !== undefined) out.namesShown.push(r.names.shown);
      }
    }
    // A floor is a page's first contentful paint, against Leaflet's territories painted; or its
    // DOMContentLoaded or module ready (`{ url, what: 'dcl' | 'ready' }`), against Leaflet's
    // module ready.
    const said = { fcp: 'first contentful paint', dcl: 'DOMContentLoaded', ready: 'module ready' };
    for (const [k, floor] of Object.entries(opts.floors ?? {})) {
      const { url, what } = typeof floor === 'string' ? { url: floor, what: 'fcp' } : floor;
      const f = await floorOnce(browser, url, opts, what);
      const versus = what === 'fcp' ? got.leaflet.painted : got.leaflet.ready;
      if (f === undefined) out.errors.push(`${k}: no ${said[what]}`);
      else {
        out.floors[k].times.push(f);
        if (versus !== undefined) out.floors[k].ratios.push(f / versus);
      }
    }
    for (const m of Object.keys(METRICS)) {
      const [v, l] = [got.viewer[m], got.leaflet[m]];
      if (v !== undefined && l !== undefined) out[m].ratios.push(v / l);
    }
    out.done++;
    const f = (x) => (x === undefined ? '—' : `${x.toFixed(0)}`);
    const line = (k) => `painted ${f(got[k].painted)}, card ${f(got[k].card)}, ready ${f(got[k].ready)}`;
    process.stderr.write(`  first view pair ${i + 1}/${n} (ms): viewer ${line('viewer')}; leaflet ${line('leaflet')}\n`);
  }
  return out;
}

/** gzip -9 and raw sizes of what a watching load fetched before its first paint, and of its document. */
export async function firstViewBytes(res) {
  const cache = new Map();
  const get = async (url) => {
    if (!cache.has(url)) {
      const body = Buffer.from(await (await fetch(url)).arrayBuffer());
      cache.set(url, { raw: body.length, gz: execFileSync('gzip', ['-9', '-c'], { input: body, maxBuffer: 1 << 28 }).length });
    }
    return cache.get(url);
  };
  const sum = async (urls) => {
    let raw = 0, gz = 0;
    for (const u of new Set(urls)) { const s = await get(u); raw += s.raw; gz += s.gz; }
    return { raw, gz, files: [...new Set(urls)].map((u) => new URL(u).pathname.split('/').pop() || 'index.html') };
  };
  const out = {};
  for (const [kind, r] of Object.entries(res.resources)) {
    out[kind] = {
      html: await get(r.doc),
      firstPaint: await sum([r.doc, ...r.blocking]),
    };
  }
  return out;
}
