// A web editor puts the map in an article twice — as <territoires-map> and as an iframe — on a
// page with a strict Content-Security-Policy (www/demo.html), and a reader uses both.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy } from './harness.mjs';

let app;
let page;
let watch;
let context;

/** A point inside the shape `selector` of the element's shadow root, found by hit-testing. */
async function pointInside(selector) {
  const p = await page.evaluate((sel) => {
    const host = document.querySelector('territoires-map');
    const el = host.shadowRoot.querySelector(sel);
    const r = el.getBoundingClientRect();
    // On each scan line, the middle of the longest run of hits: well inside, not on an edge.
    for (let fy = 0.5; fy < 1; fy += 0.05) {
      for (const f of [fy, 1 - fy]) {
        const y = r.top + r.height * f;
        let best = null;
        let run = [];
        for (let x = r.left + 1; x < r.right; x += 2) {
          if (host.shadowRoot.elementFromPoint(x, y) === el) run.push(x);
          else run = [];
          if (run.length > (best?.length ?? 4)) best = [...run];
        }
        if (best) return { x: best[Math.floor(best.length / 2)], y };
      }
    }
    return null;
  }, selector);
  assert.ok(p, `no visible point inside ${selector}`);
  return p;
}

const element = () => page.locator('territoires-map');
const frame = () => page.frameLocator('#carte-cadre');
const viewOf = () => element().locator('g.tim-view').getAttribute('transform');

before(async () => {
  app = await start();
  ({ page, watch, context } = await app.open('demo.html', { state: null, viewport: { width: 1100, height: 800 } }));
  await page.waitForSelector('territoires-map[data-state="ready"]', { timeout: 20_000 });
  await frame().locator('#carte[data-state="ready"]').waitFor({ state: 'attached', timeout: 20_000 });
});
after(() => app?.close());

test('both maps of the article become ready, each with its 15 territories', async () => {
  assert.equal(await element().locator('path.tim-territory').count(), 15);
  assert.equal(await frame().locator('path.tim-territory').count(), 15);
});

test('the strict CSP of the page is never violated, in the page or in the iframe', async () => {
  const inFrame = await page.frame({ url: /embed\.html/ }).evaluate(() => window.__tim?.csp ?? ['no recorder']);
  assert.deepEqual(await watch.cspViolations(), []);
  assert.deepEqual(inFrame, []);
});

test('the iframe deep link opened its territory, and the host page was told so', async () => {
  assert.equal(await frame().locator('.tim-panel:not([hidden])').count(), 1);
  assert.equal(await frame().locator('.tim-panel:not([hidden]) .tim-panel-title').textContent(), 'Vosges');
  await page.waitForFunction(() => document.querySelector('#carte-cadre').dataset.selected === 'vosges');
});

test('a click in the element fires territoryselect on the host, and leaves the other map alone', async () => {
  await page.evaluate(() => {
    window.__selects = [];
    document.addEventListener('territoryselect', (e) => window.__selects.push({ target: e.target.id, detail: e.detail }));
  });
  const before = await frame().locator('.tim-panel:not([hidden]) .tim-panel-title').textContent();
  await element().locator('svg.tim-svg').scrollIntoViewIfNeeded();
  const p = await pointInside('path.tim-territory[data-id="sud-alsace"]');
  await page.mouse.click(p.x, p.y);
  const got = await page.evaluate(() => window.__selects);
  assert.deepEqual(got, [{ target: 'carte-element', detail: { id: 'sud-alsace', name: 'Sud-Alsace', status: 'signed-earlier' } }]);
  assert.equal(await element().locator('.tim-panel:not([hidden]) .tim-panel-title').textContent(), 'Sud-Alsace');
  assert.equal(await element().getAttribute('selected'), 'sud-alsace', 'the host attribute follows');
  assert.equal(await frame().locator('.tim-panel:not([hidden]) .tim-panel-title').textContent(), before, 'the iframe map did not change');
});

test('setting the selected attribute opens that territory', async () => {
  await element().evaluate((el) => el.setAttribute('selected', 'moselle-est'));
  assert.equal(await element().locator('.tim-panel:not([hidden]) .tim-panel-title').textContent(), 'Moselle Est');
});

test('the host page styles do not reach into the map, and the map adds no global name', async () => {
  await page.evaluate(() => {
    const s = new CSSStyleSheet();
    s.replaceSync('path { fill: rgb(255, 0, 0) !important; stroke: rgb(255, 0, 0) !important } button { display: none !important }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];
  });
  const fill = await element().locator('path.tim-territory').first().evaluate((p) => getComputedStyle(p).fill);
  assert.notEqual(fill, 'rgb(255, 0, 0)');
  assert.equal(await element().locator('button.tim-zoom-in').isVisible(), true);
  const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href ?? 'inline'));
  assert.ok(!sheets.some((h) => /map\.css/.test(h)), `the map's stylesheet stays in its shadow root: ${sheets}`);
  // A page of the same origin without the map (the server's 404 page) has the same browser API.
  const plain = await context.newPage();
  await plain.goto(new URL('/no-map-here.html', page.url()).href);
  const blank = await plain.evaluate(() => Object.keys(window));
  const extra = await page.evaluate((known) => Object.keys(window).filter((k) => !known.includes(k)), blank);
  // Index keys are the page's frames; __* are the tests' own recorders.
  assert.deepEqual(extra.filter((k) => !/^\d+$/.test(k) && !k.startsWith('__')), [], 'globals added by the page');
});

test('the wheel scrolls the page over the map; Ctrl + wheel zooms it', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await element().scrollIntoViewIfNeeded();
  const box = await element().locator('svg.tim-svg').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const view0 = await viewOf();
  const y0 = await page.evaluate(() => scrollY);
  await page.mouse.wheel(0, 200);
  await page.waitForFunction((y) => scrollY > y, y0);
  assert.equal(await viewOf(), view0, 'the map did not zoom');
  assert.equal(await element().locator('.tim-hint').isHidden(), false, 'a hint says how to zoom');
  const box2 = await element().locator('svg.tim-svg').boundingBox();
  await page.mouse.move(box2.x + box2.width / 2, box2.y + box2.height / 2);
  const y1 = await page.evaluate(() => scrollY);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await page.waitForTimeout(100);
  assert.notEqual(await viewOf(), view0, 'Ctrl + wheel zoomed');
  assert.equal(await page.evaluate(() => scrollY), y1, 'and the page did not scroll');
});

test('the iframe height follows its content', async () => {
  const sizes = async () => page.evaluate(() => {
    const f = document.querySelector('#carte-cadre');
    return { frame: f.clientHeight, content: Math.ceil(f.contentDocument.body.getBoundingClientRect().height) };
  });
  await page.waitForFunction(() => {
    const f = document.querySelector('#carte-cadre');
    return Math.abs(f.clientHeight - f.contentDocument.body.getBoundingClientRect().height) <= 2;
  });
  const wide = await sizes();
  await page.setViewportSize({ width: 600, height: 800 });
  await page.waitForFunction((h) => {
    const f = document.querySelector('#carte-cadre');
    const c = Math.ceil(f.contentDocument.body.getBoundingClientRect().height);
    return c !== h && Math.abs(f.clientHeight - c) <= 2;
  }, wide.content);
  const narrow = await sizes();
  assert.notEqual(narrow.frame, wide.frame, `the frame was resized: ${JSON.stringify({ wide, narrow })}`);
  assert.ok(Math.abs(narrow.frame - narrow.content) <= 2, `and fits its content: ${JSON.stringify(narrow)}`);
  await page.setViewportSize({ width: 1100, height: 800 });
});

test('removing the element releases every listener it registered', async () => {
  const session = await context.newCDPSession(page);
  const count = async () => {
    const { result } = await session.send('Runtime.evaluate', {
      expression: 'window.__svg',
    });
    const { listeners } = await session.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return listeners.length;
  };
  await page.evaluate(() => { window.__svg = document.querySelector('territoires-map').shadowRoot.querySelector('svg'); });
  const el = element();
  assert.ok((await el.evaluate((e) => e.listenerCount)) >= 10);
  assert.ok((await count()) >= 6, 'pointer, wheel and focus listeners on the svg');
  await el.evaluate((e) => { window.__el = e; e.remove(); });
  assert.equal(await page.evaluate(() => window.__el.listenerCount), 0);
  assert.equal(await count(), 0, 'no listener left on the map svg');
  // Put back, it starts again.
  await page.evaluate(() => document.querySelector('#carte-cadre').before(window.__el));
  await page.waitForSelector('territoires-map[data-state="ready"]');
  assert.equal(await element().locator('path.tim-territory').count(), 15);
});

test('destroy() empties the map and drops its listeners', async () => {
  await element().evaluate((e) => e.destroy());
  assert.equal(await element().evaluate((e) => e.listenerCount), 0);
  assert.equal(await element().locator('path.tim-territory').count(), 0);
});

test('a deep link opens its territory in the iframe page, and the hash follows the selection', async () => {
  const { page: p2, watch: w2 } = await app.open('embed.html?minimal#territoire=bazancourt-pomacle', { state: 'ready' });
  assert.equal(await p2.locator('.tim-panel:not([hidden]) .tim-panel-title').textContent(), 'Bazancourt-Pomacle');
  await p2.evaluate(() => { location.hash = '#territoire=val-de-lorraine'; });
  await p2.waitForFunction(() => document.querySelector('.tim-panel:not([hidden]) .tim-panel-title')?.textContent === 'Val de Lorraine');
  await p2.locator('path.tim-territory[data-id="vosges"]').focus();
  await p2.keyboard.press('Enter');
  assert.equal(await p2.evaluate(() => location.hash), '#territoire=vosges');
  assert.equal(await p2.locator('.tim-header').isHidden(), true, 'minimal: no header');
  await assertHealthy(w2);
});

test('nothing went wrong in the demo page', async () => {
  await assertHealthy(watch);
});
