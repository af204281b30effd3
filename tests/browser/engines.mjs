// Firefox and WebKit for the main journeys (issue 23), both from Debian's packages, no browser
// download: Firefox ESR driven over WebDriver BiDi by puppeteer-core, WebKitGTK's MiniBrowser by
// its WebKitWebDriver (classic WebDriver, selenium-webdriver) in an Xvfb display of its own.
// Each engine is wrapped in the same few calls the journeys need (goto, run, click, keys, type,
// wait), so that a journey is written once for both; Chromium keeps playwright-core (harness.mjs).

import { spawn } from 'node:child_process';
import net from 'node:net';
import puppeteer from 'puppeteer-core';
import { Builder, By, Key } from 'selenium-webdriver';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER_PATH = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_PATH = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** A free TCP port on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Resolves once `port` on loopback accepts a connection, or rejects after `ms`. */
async function listening(port, ms = 10_000) {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise((r) => {
      const c = net.connect(port, '127.0.0.1', () => { c.end(); r(true); });
      c.on('error', () => r(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nothing listens on port ${port} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Polls `check` (async, truthy when done) every 50 ms for at most `ms`. */
async function poll(check, ms, what) {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const keyNames = { Enter: 'Enter', ArrowRight: 'ArrowRight', ArrowDown: 'ArrowDown', Tab: 'Tab', Escape: 'Escape' };

/**
 * Firefox ESR. `scripts: false` serves the pages with `script-src 'none'` (Firefox's BiDi cannot
 * turn scripts off and still read the page): the page's own scripts never run.
 */
export async function firefox({ scripts = true } = {}) {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
  if (!scripts) {
    await page.setRequestInterception(true);
    page.on('request', async (r) => {
      // BiDi requests have no resource type here: the pages are what ends in / or .html.
      if (!/(\/|\.html)$/.test(new URL(r.url()).pathname)) return r.continue();
      const res = await fetch(r.url());
      r.respond({ status: res.status, contentType: res.headers.get('content-type'), headers: { 'Content-Security-Policy': "script-src 'none'" }, body: await res.text() });
    });
  }
  return {
    name: 'Firefox',
    errors,
    goto: (url) => page.goto(url),
    run: (fn, ...args) => page.evaluate(fn, ...args),
    click: (selector) => page.click(selector),
    // Through the page: puppeteer's own focus() refuses SVG elements (the territories).
    focus: (selector) => page.evaluate((s) => document.querySelector(s).focus(), selector),
    press: (key) => page.keyboard.press(keyNames[key]),
    type: (selector, text) => page.type(selector, text),
    wait: (fn, ms = 15_000, ...args) => page.waitForFunction(fn, { timeout: ms }, ...args),
    close: () => browser.close(),
  };
}

/** The display number Xvfb writes on its fd 3 when ready (`-displayfd`), or an error. */
function xvfbDisplay(xvfb, ms) {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb gave no display in ${ms} ms`)), ms);
    xvfb.stdio[3].on('data', (b) => {
      out += b.toString();
      if (out.includes('\n')) { clearTimeout(timer); resolve(out.trim()); }
    });
    xvfb.once('exit', (code) => { clearTimeout(timer); reject(new Error(`Xvfb exited with ${code} before giving a display`)); });
  });
}

/** WebKitGTK's MiniBrowser under its own Xvfb display. `scripts: false`: JavaScript off. */
export async function webkit({ scripts = true } = {}) {
  // Xvfb picks a free display itself and writes its number once it accepts clients: a display
  // picked at random could be one an earlier, killed Xvfb left a lock and socket for, and then
  // this Xvfb exits, the socket looks ready, and the driver waits for ever on a dead display.
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  let driver;
  // SIGTERM: Xvfb then removes its lock and socket.
  const stop = () => { driver?.kill('SIGKILL'); xvfb.kill('SIGTERM'); };
  process.once('exit', stop);
  let d;
  try {
    const display = `:${await xvfbDisplay(xvfb, 10_000)}`;
    const port = await freePort();
    driver = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: display } });
    await listening(port);
    const args = ['--automation', ...(scripts ? [] : ['--enable-javascript=false'])];
    const caps = { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args } };
    d = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(caps).build();
    await d.manage().window().setRect({ width: 1280, height: 900 });
  } catch (e) {
    stop();
    throw e;
  }
  const keys = { Enter: Key.ENTER, ArrowRight: Key.ARROW_RIGHT, ArrowDown: Key.ARROW_DOWN, Tab: Key.TAB, Escape: Key.ESCAPE };
  const run = (fn, ...args) => d.executeScript(fn, ...args);
  return {
    name: 'WebKit',
    errors: [],
    goto: (url) => d.get(url),
    run,
    click: async (selector) => (await d.findElement(By.css(selector))).click(),
    focus: (selector) => run((s) => document.querySelector(s).focus(), selector),
    press: (key) => d.actions().sendKeys(keys[key]).perform(),
    type: async (selector, text) => (await d.findElement(By.css(selector))).sendKeys(text),
    wait: (fn, ms = 15_000, ...args) => poll(() => run(fn, ...args), ms, String(fn)),
    close: async () => {
      try { await d.quit(); } finally { stop(); process.removeListener('exit', stop); }
    },
  };
}
