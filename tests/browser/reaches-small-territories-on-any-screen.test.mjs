// A visitor on a screen the pre-render did not foresee (a short laptop window, 900 × 450: the
// stage is a little over half the desktop's) finds a round 24 px marker on each territory too
// small to click, the same ones as where the module draws its own map, and clicks one. The
// small module carries no placement of markers: outside the sizes the page's markers hold for
// (`data-fit`, src/hydrate/fit.rs), the names' module draws them, while the names stay as the
// page holds them. On a phone of the size the page foresaw, its markers stay, nothing fetched.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(() => app?.close());

const SHORT = { width: 900, height: 450 };

/** The shown markers: id and centre, in pixels of the map's stage. */
const markers = (page) => page.$$eval('#carte .tim-markers circle[data-id]', (cs) => cs.map((c) => {
  const [r, s] = [c.getBoundingClientRect(), c.closest('svg').getBoundingClientRect()];
  return { id: c.dataset.id, x: r.left + r.width / 2 - s.left, y: r.top + r.height / 2 - s.top, size: r.width };
}));

/** Each name's text and position as written, from the shown layer. */
const names = (page) => page.$$eval('#carte .tim-labels text', (ts) => ts.map((t) => `${t.textContent}@${t.getAttribute('x')},${t.getAttribute('y')}`));

test('on a short window, the markers are the ones the stage needs, the names untouched, and a marker opens its card', async () => {
  const { page, watch } = await app.open('', {
    viewport: SHORT,
  });
  const { requests } = watch;
  const written = await page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const shown = document.querySelector('#carte .tim-overlay-wide, #carte .tim-overlay-narrow, #carte .tim-overlay');
    const layout = shown.classList.contains('tim-overlay-narrow') ? 'narrow' : 'wide';
    const layer = doc.querySelector(`#carte .tim-overlay-${layout}`);
    return {
      fit: layer.querySelector('.tim-markers').getAttribute('data-fit'),
      ids: [...layer.querySelectorAll('.tim-markers circle')].map((c) => c.dataset.id),
      names: [...layer.querySelectorAll('.tim-labels text')].map((t) => `${t.textContent}@${t.getAttribute('x')},${t.getAttribute('y')}`),
    };
  });
  await page.waitForFunction(() => document.querySelector('#carte .tim-markers circle') && !document.querySelector('#carte .tim-markers.tim-moving'));
  const drawn = await markers(page);
  assert.ok(requests.includes('/pkg/territoires_names_bg.wasm'), "the names' module draws the markers this stage needs");
  assert.notDeepEqual(drawn.map((m) => m.id).sort(), written.ids.sort(), `the page's markers (for ${written.fit} of their size) are not this stage's`);
  assert.deepEqual(await names(page), written.names, 'the names stay as the page holds them');
  assert.ok(!(await page.$('#carte .tim-labels.tim-moving')), 'the names stay shown');
  for (const m of drawn) assert.ok(m.size >= 23.5, `${m.id}: ${m.size} px across`);

  // The module that draws its own map, on the same stage, gives the same markers, at the same places.
  const { page: own } = await app.open('?src=data/territoires-grand-est.geojson', { viewport: SHORT });
  const theirs = await markers(own);
  assert.deepEqual(drawn.map((m) => m.id).sort(), theirs.map((m) => m.id).sort());
  for (const m of drawn) {
    const t = theirs.find((t) => t.id === m.id);
    // Within 3 px: the view box the page fits is written to a hundredth of its units.
    assert.ok(Math.hypot(m.x - t.x, m.y - t.y) < 3, `${m.id}: ${m.x},${m.y} vs ${t.x},${t.y}`);
  }

  // One step of zoom on both: the markers follow the view, drawn in the stage's pixels again.
  for (const p of [page, own]) {
    const view = await p.getAttribute('#carte .tim-view', 'transform');
    await p.click('#carte button.tim-zoom-in');
    await p.waitForFunction((v) => document.querySelector('#carte .tim-view')?.getAttribute('transform') !== v
      && !document.querySelector('#carte .tim-markers.tim-moving'), view);
  }
  const [zoomed, theirsZoomed] = [await markers(page), await markers(own)];
  assert.ok(zoomed.length > 0, 'markers remain after one step of zoom');
  assert.deepEqual(zoomed.map((m) => m.id).sort(), theirsZoomed.map((m) => m.id).sort(), 'the same markers after a zoom');
  for (const m of zoomed) {
    const t = theirsZoomed.find((t) => t.id === m.id);
    assert.ok(Math.hypot(m.x - t.x, m.y - t.y) < 3, `after a zoom, ${m.id}: ${m.x},${m.y} vs ${t.x},${t.y}`);
  }

  // The smallest's marker, off its shape, opens its card.
  const target = zoomed.find((m) => m.id === 'sel-et-vermois') ?? zoomed[0];
  await page.locator(`#carte circle[data-id="${target.id}"]`).scrollIntoViewIfNeeded();
  const stage = await page.locator('#carte svg.tim-svg').boundingBox();
  await page.mouse.click(stage.x + target.x + 8, stage.y + target.y);
  const title = await page.locator('#carte .tim-panel:not([hidden]) .tim-panel-title').textContent({ timeout: 3000 }).catch((e) => e.message);
  const selected = await page.$$eval('#carte path.tim-territory.tim-selected', (ps) => ps.map((p) => p.dataset.id));
  assert.deepEqual(selected, [target.id], `the click opened ${title}`);
  await assertHealthy(watch);
});

test("on a phone the page foresaw, the page's markers stay and the names' module is not fetched", async () => {
  const { page, watch } = await app.open('', {
    viewport: { width: 390, height: 844 },
  });
  const { requests } = watch;
  const before = await page.$$eval('#carte .tim-markers circle', (cs) => cs.map((c) => c.outerHTML.replace(/ class="[^"]*"/, '')));
  await page.waitForTimeout(300);
  assert.ok(before.length > 0, 'the page holds markers at this size');
  assert.deepEqual(requests.filter((r) => r.startsWith('/pkg/territoires_names')), []);
  await assertHealthy(watch);
});
