// A visitor wants the map bigger: the full-screen button beside the zoom buttons, reached and
// pressed with the keyboard, shows the map on the whole screen, refitted to it, with the focus
// still on the button; pressed again, it gives the page back. Where the browser has no full
// screen to give (an iframe without allow="fullscreen"), there is no button.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertHealthy } from './harness.mjs';

let app;
before(async () => {
  app = await start();
});
after(() => app?.close());

const button = '#carte .tim-controls > button.tim-fullscreen';
const state = (page) => page.evaluate((sel) => {
  const b = document.querySelector(sel);
  const svg = document.querySelector('#carte .tim-svg').getBoundingClientRect();
  return {
    full: document.fullscreenElement?.id ?? null,
    pressed: b.getAttribute('aria-pressed'),
    name: b.getAttribute('aria-label'),
    focused: document.activeElement === b,
    svgHeight: Math.round(svg.height),
    screenHeight: innerHeight,
  };
}, button);

test('the full-screen button, by keyboard: the map fills the screen, refitted, and the focus stays on the button', async () => {
  for (const query of ['', '?src=data/territoires-grand-est.geojson']) {
    const { page, watch } = await app.open(query);
    const before = await state(page);
    assert.deepEqual([before.full, before.pressed, before.name], [null, 'false', 'Plein écran']);
    await page.focus(button);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.fullscreenElement?.id === 'carte');
    await page.waitForTimeout(200);
    const full = await state(page);
    assert.deepEqual([full.pressed, full.name, full.focused], ['true', 'Quitter le plein écran', true], query);
    assert.ok(full.svgHeight >= full.screenHeight - 4, `the map takes the screen's height: ${JSON.stringify(full)}`);
    // The 15 territories fit inside the screen: the map refitted to it.
    const box = await page.evaluate(() => {
      const r = [...document.querySelectorAll('#carte path.tim-territory')].map((p) => p.getBoundingClientRect());
      return { top: Math.min(...r.map((b) => b.top)), bottom: Math.max(...r.map((b) => b.bottom)), left: Math.min(...r.map((b) => b.left)), right: Math.max(...r.map((b) => b.right)) };
    });
    assert.ok(box.top >= -1 && box.bottom <= full.screenHeight + 1 && box.bottom - box.top > full.screenHeight * 0.6, JSON.stringify(box));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.fullscreenElement);
    await page.waitForTimeout(100);
    const after = await state(page);
    assert.deepEqual([after.pressed, after.name, after.focused], ['false', 'Plein écran', true], query);
    assert.equal(after.svgHeight, before.svgHeight, 'the page is given back as it was');
    await assertHealthy(watch);
    await page.close();
  }
});

test('in an iframe allowed full screen the button is there; in one denied it, it is not', async () => {
  const { page, watch } = await app.open('');
  // A host page with two frames of the map: the snippet's, and one the host denies full screen
  // (as a frame of another origin without allow="fullscreen" is; a same-origin one, as here,
  // has it by default, hence the explicit 'none').
  await page.evaluate(() => {
    document.body.innerHTML = '';
    for (const allow of ['fullscreen', "fullscreen 'none'"]) {
      const f = Object.assign(document.createElement('iframe'), { src: 'embed.html', title: 'carte', allow });
      f.dataset.allow = allow === 'fullscreen' ? 'fullscreen' : 'none';
      document.body.append(f);
    }
  });
  const visible = async (allow) => {
    const frame = (await page.$(`iframe[data-allow="${allow}"]`)).contentFrame();
    const f = await frame;
    await f.waitForSelector('#carte[data-state="ready"]');
    return f.locator('.tim-controls > button.tim-fullscreen').isVisible();
  };
  assert.equal(await visible('fullscreen'), true);
  assert.equal(await visible('none'), false);
  await assertHealthy(watch);
});
