// The one way the browser tests and `make bench` start a server and a browser: .ci/serve.py on a
// free loopback port, and Debian's Chromium with the flags this machine needs. Node built-ins
// only: each caller passes the `chromium` of its own playwright-core (tests/browser and
// tests/bench have their own node_modules).

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox', // Chromium refuses to start its sandbox as root
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // The machine has no network: without these Chromium keeps trying to reach Google's hosts.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium 156 opens a renderer for the address bar's WebUI popup (chrome://omnibox-popup) in
  // every new window, which a new browser context is, even headless: some 400 ms of CPU taken
  // while the page under test loads, on a two-core machine. A visitor's browser does it once per
  // window, not per page (see docs/performance.md, "Le bruit du navigateur lui-même").
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];

/** Debian's Chromium, driven by the caller's playwright-core `chromium`. */
export function launchChromium(chromium) {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * Serves `site` with .ci/serve.py; `mounts` are extra `/prefix=folder` arguments. Resolves
 * `{ child, base, log }` once it listens (`log`: its last 200 stderr lines), and kills it when the
 * process exits.
 */
export function startServer(site, mounts = []) {
  const child = spawn('python3', [path.join(repoRoot, '.ci/serve.py'), site, '0', ...mounts], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = [];
  child.stderr.on('data', (b) => {
    log.push(...b.toString().split('\n').filter(Boolean));
    if (log.length > 200) log.splice(0, log.length - 200);
  });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  child.once('exit', () => process.removeListener('exit', kill));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`serve.py did not start in 10 s:\n${log.join('\n')}`));
    }, 10_000);
    child.stdout.on('data', (b) => {
      out += b.toString();
      const m = out.match(/serving (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1], log });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.py exited with ${code} before serving:\n${log.join('\n')}`));
    });
  });
}

/** Stops a server started by startServer: SIGTERM, then SIGKILL after 3 s. */
export function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
