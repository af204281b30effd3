// Someone hands the viewer a file whose every text and URL is an injection attempt
// (tests/fixtures/bad-xss-payloads.geojson, made by tests/fixtures/make-xss.mjs: 30 payloads in
// the title, legend, programme, ids, names, statuses, dates, places, projects, EPCI, notes and
// sources of 30 territories). A visitor hovers and opens every territory. Every payload must
// reach the page as text: no script runs, no dialog opens, no element is made from a payload,
// and the only links are http: or https:.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy, focused, panel, territorySelector } from './harness.mjs';
import { PAYLOADS, collection } from '../fixtures/make-xss.mjs';

const SRC = `?src=${encodeURIComponent('/__fixtures/bad-xss-payloads.geojson')}`;
/** Elements no payload may create (the page itself has none of them inside #carte). */
const FORBIDDEN = ['script', 'img', 'iframe', 'object', 'embed', 'video', 'audio', 'source', 'marquee',
  'details', 'math', 'input', 'body', 'style', 'link', 'meta', 'base', 'form', 'frame', 'frameset'];

let app;
let page;
let watch;
const dialogs = [];

before(async () => {
  app = await start();
  ({ page, watch } = await app.open(SRC, { prepare: watchForInjection }));
});
after(() => app?.close());

/**
 * Before the page loads: record any forbidden element or on* attribute the moment it appears
 * anywhere in the document, even if it is removed again, any call of alert & co., and dialogs.
 */
async function watchForInjection(page) {
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await page.addInitScript((forbidden) => {
    window.__xss = { created: [], calls: [] };
    for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
      const original = window[name];
      window[name] = function (...args) {
        window.__xss.calls.push(`${name}(${args.join(',')})`);
        return name === 'open' ? null : original?.apply(window, args);
      };
    }
    const inspect = (el) => {
      if (!(el instanceof Element)) return;
      for (const e of [el, ...el.querySelectorAll('*')]) {
        const tag = e.localName;
        // The viewer's own search box of the territory list and its commune search (a form and
        // its field, in the pre-rendered map) are the inputs allowed, and the pre-rendered page's
        // copy of its data the one script (JSON, never run; main.js removes both with the
        // pre-rendered map when another file is asked for).
        const own = (tag === 'input' && e.classList.contains('tim-search') && e.type === 'search')
          || (tag === 'form' && e.classList.contains('tim-commune-search'))
          || (tag === 'input' && e.parentElement?.classList.contains('tim-commune-search-box') && e.type === 'text')
          || (tag === 'script' && e.type === 'application/json' && e.classList.contains('tim-data'));
        if (forbidden.includes(tag) && !own && e.closest('#carte')) window.__xss.created.push(`<${tag}>`);
        for (const a of e.attributes) {
          if (/^on/i.test(a.name) && e.closest('#carte')) window.__xss.created.push(`${tag}[${a.name}]`);
        }
      }
    };
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') inspect(r.target);
        for (const n of r.addedNodes) inspect(n);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  }, FORBIDDEN);
}

test('the file carries at least 20 payloads in every text property', () => {
  assert.ok(PAYLOADS.length >= 20);
  const f = collection().features[0].properties;
  for (const key of ['projects', 'epci', 'sources']) assert.equal(f[key].length, PAYLOADS.length, key);
  assert.equal(collection().features.length, PAYLOADS.length, 'one territory (name, status, note…) per payload');
});

test('hovering and opening every territory shows each payload as text', async () => {
  const ids = await page.$$eval('#carte path.tim-territory', (ps) => ps.map((p) => p.getAttribute('data-id')));
  assert.equal(ids.length, PAYLOADS.length, 'every territory is drawn');

  for (const id of ids) {
    const box = await page.$eval(territorySelector(id), (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
  }

  // Keyboard: Tab into the map, then Enter / Escape / ArrowRight through all of them.
  let f = await focused(page);
  for (let i = 0; i < 30 && !f.territory; i++) {
    await page.keyboard.press('Tab');
    f = await focused(page);
  }
  assert.ok(f.territory, `Tab never focused a territory (last focus: ${f.other})`);
  const opened = new Set();
  for (let i = 0; i < ids.length; i++) {
    const here = (await focused(page)).territory;
    await page.keyboard.press('Enter');
    await page.waitForSelector('#carte .tim-panel:not([hidden])', { timeout: 3000 });
    const p = await panel(page);
    const n = Number(here.split('#').pop());
    assert.equal(p.title, `${PAYLOADS[n]} (n° ${n})`.replace(/\s+/g, ' ').trim(), 'the name is shown as written');
    assert.ok(p.projects.length >= PAYLOADS.length, 'every project is listed as text');
    assert.ok(p.sources.every((s) => /^https?:/i.test(s.href)), `links: ${JSON.stringify(p.sources)}`);
    opened.add(here);
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
  }
  assert.equal(opened.size, ids.length, 'every territory was opened');
});

test('no script ran, no dialog opened, no element came from a payload', async () => {
  await page.waitForTimeout(300); // let any onerror / onload / ontoggle that slipped through fire
  assert.deepEqual(dialogs, [], 'no dialog opened');
  const state = await page.evaluate(() => ({ pwned: window.__pwned, ...window.__xss }));
  assert.equal(state.pwned, undefined, 'window.__pwned was set by a payload');
  assert.deepEqual(state.calls, [], 'alert, confirm, prompt, print or open was called');
  assert.deepEqual(state.created, [], 'elements or on* attributes appeared while the map was used');

  const dom = await page.evaluate((forbidden) => {
    const root = document.querySelector('#carte');
    const all = [...root.querySelectorAll('*')];
    return {
      forbidden: all
        .filter((e) => forbidden.includes(e.localName) && !(e.localName === 'input' && e.classList.contains('tim-search')))
        .map((e) => e.localName),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}[${a.name}]`)),
      // The CSV download link is the viewer's own (a data: URL it builds), not a link from the data.
      links: [...root.querySelectorAll('a:not(.tim-csv)')].map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href')),
      hrefs: all.filter((e) => !e.matches('a.tim-csv')).flatMap((e) => [...e.attributes].filter((a) => /(^|:)href$|^src$/i.test(a.name)).map((a) => a.value)),
      styles: all.map((e) => e.getAttribute('style') ?? '').filter((s) => /javascript\s*:|url\s*\(|expression\s*\(|@import/i.test(s)),
      scripts: [...document.scripts].map((s) => s.src),
      text: root.textContent,
    };
  }, FORBIDDEN);
  assert.deepEqual(dom.forbidden, [], 'forbidden elements inside #carte');
  assert.deepEqual(dom.handlers, [], 'on* attributes inside #carte');
  for (const href of dom.links.filter((h) => h !== null)) assert.match(href, /^https?:/i, 'a link that is not http(s)');
  for (const v of dom.hrefs) assert.doesNotMatch(v.trim(), /^(javascript|data|vbscript):/i, 'a javascript:/data: address');
  assert.deepEqual(dom.styles, [], 'a style carrying a URL or script');
  assert.ok(dom.scripts.every((s) => s.startsWith(app.base)), `only the page's own scripts: ${dom.scripts}`);
  assert.ok(dom.text.includes('<script>window.__pwned=1</script>'), 'the payloads are visible as text');
  await assertHealthy(watch);
});
