// Many visitors of a regional page read it on an iPhone (Safari's engine, WebKit) or in Firefox
// (Gecko). The main journeys, in both, from Debian's packages (engines.mjs): the map loads and a
// click or Enter opens a card, every territory is named on the map (the names as wide as they
// were placed), the arrows visit every territory, the list filters, a commune is
// found and answered on the map, the iframe
// reports its height, another file with a status table, the pre-rendered page without scripts,
// and the image export. Every other test runs in Chromium.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, stopServer } from './launch.mjs';
import { siteDir, fixturesDir, squish } from './harness.mjs';
import { firefox, webkit } from './engines.mjs';

let server;
before(async () => { server = await startServer(siteDir, [`/__fixtures=${fixturesDir}`]); });
after(() => stopServer(server.child));

const ready = (b) => b.wait(() => document.querySelector('#carte')?.dataset.state === 'ready');
const cardTitle = (b) => b.run(() => document.querySelector('#carte .tim-panel:not([hidden]) .tim-panel-title')?.textContent ?? null);

for (const [name, open] of [['Firefox', firefox], ['WebKit', webkit]]) {
  test(`${name}: the map is adopted, a click and Enter open cards, the arrows visit every territory, the list filters`, async () => {
    const b = await open();
    try {
      await b.goto(`${server.base}/`);
      await ready(b);
      assert.equal(await b.run(() => document.querySelectorAll('#carte path.tim-territory[role="button"]').length), 15);
      await b.click('#carte path.tim-territory[data-id="vosges"]');
      await b.wait(() => !!document.querySelector('#carte .tim-panel:not([hidden]) .tim-panel-title'));
      assert.equal(squish(await cardTitle(b)), 'Vosges');

      await b.focus('#carte path.tim-territory[tabindex="0"]');
      const seen = new Set();
      for (let i = 0; i < 15; i++) {
        await b.press('ArrowRight');
        seen.add(await b.run(() => document.activeElement?.getAttribute('data-id')));
      }
      assert.equal(seen.size, 15, `arrows visit all 15: ${[...seen]}`);
      const focused = await b.run(() => document.activeElement.getAttribute('aria-label').split(' : ')[0]);
      await b.press('Enter');
      await b.wait((t) => document.querySelector('#carte .tim-panel:not([hidden]) .tim-panel-title')?.textContent.trim() === t, 5000, focused);

      await b.type('#carte .tim-search', 'vosg');
      await b.wait(() => [...document.querySelectorAll('#carte .tim-table tbody tr')].filter((r) => !r.hidden).length === 1);
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  test(`${name}: every territory is named on the map, names apart and as wide as placed, also once zoomed`, async () => {
    const b = await open();
    try {
      await b.goto(`${server.base}/`);
      await ready(b);
      // Each name's box as drawn, and the widths it was placed with (textLength, per line).
      const names = () => b.run(() => {
        const g = [...document.querySelectorAll('#carte .tim-labels')].find((l) => l.getBoundingClientRect().width > 0);
        return [...g.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => {
          const r = t.getBoundingClientRect();
          const lines = t.querySelectorAll('tspan').length ? [...t.querySelectorAll('tspan')] : [t];
          const scale = t.getScreenCTM().a;
          const drawn = Math.max(...lines.map((l) => l.getComputedTextLength()));
          const placed = Math.max(...lines.map((l) => parseFloat(l.getAttribute('textLength') ?? 'NaN')));
          // Gecko's box of a text is its font's whole ascent and descent (19 px for 12 px text),
          // Blink's and WebKit's nearer the glyphs: the line box placed (14 px) is compared.
          const mid = (r.top + r.bottom) / 2;
          const half = Math.min(r.height, 14 * lines.length * t.getScreenCTM().d) / 2;
          return { index: t.dataset.index, text: t.textContent, box: [r.left, mid - half, r.right, mid + half], drawn: drawn * scale, placed: placed * scale, number: t.classList.contains('tim-key-number') };
        });
      });
      const check = (list, where) => {
        for (const [k, a] of list.entries()) {
          if (!a.number) assert.ok(Math.abs(a.drawn - a.placed) <= 1.5 + a.placed * 0.01, `${where}: "${a.text}" drawn ${a.drawn.toFixed(1)} px, placed ${a.placed.toFixed(1)}`);
          for (const c of list.slice(k + 1)) {
            const apart = a.box[2] <= c.box[0] + 0.5 || c.box[2] <= a.box[0] + 0.5 || a.box[3] <= c.box[1] + 0.5 || c.box[3] <= a.box[1] + 0.5;
            assert.ok(apart, `${where}: "${a.text}" ${a.box.map(Math.round)} and "${c.text}" ${c.box.map(Math.round)} overlap`);
          }
        }
      };
      const first = await names();
      assert.equal(first.filter((n) => !n.number).length, 15, `all 15 by name: ${first.map((n) => n.text)}`);
      check(first, 'adopted');
      const t = await b.run(() => document.querySelector('#carte .tim-view').getAttribute('transform'));
      await b.click('#carte button.tim-zoom-in');
      await b.wait((t) => document.querySelector('#carte .tim-view').getAttribute('transform') !== t, 5000, t);
      await b.wait(() => !document.querySelector('#carte .tim-labels.tim-moving'));
      check(await names(), 'zoomed in');
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  test(`${name}: "Votre commune" suggests, answers in the card and marks the commune`, async () => {
    const b = await open();
    try {
      await b.goto(`${server.base}/`);
      await ready(b);
      await b.type('#carte .tim-commune-search input', 'st die');
      await b.wait(() => !!document.querySelector('.tim-commune-search-options [role="option"]'));
      await b.press('ArrowDown');
      await b.press('Enter');
      const said = 'Saint-Dié-des-Vosges (88100) fait partie du territoire Vosges.';
      await b.wait((t) => document.querySelector('#carte .tim-card-commune')?.textContent === t, 5000, said);
      assert.equal(squish(await cardTitle(b)), 'Vosges');
      assert.equal(await b.run(() => document.querySelector('#carte .tim-svg .tim-commune')?.textContent), 'Saint-Dié-des-Vosges');
      assert.equal(await b.run(() => document.activeElement?.getAttribute('role')), 'combobox');
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  test(`${name}: the iframe reports its height; another file with a status table is drawn and coloured`, async () => {
    const b = await open();
    try {
      await b.goto(`${server.base}/demo.html`);
      await b.wait(() => parseFloat(document.querySelector('#carte-cadre')?.style.height) > 300);
      const q = new URLSearchParams({ src: '/__fixtures/good-departements-grand-est.geojson', statuts: '/__fixtures/good-statuts-departements-utf8-bom.csv' });
      await b.goto(`${server.base}/?${q}`);
      await ready(b);
      assert.equal(await b.run(() => document.querySelectorAll('#carte path.tim-territory').length), 10);
      const legend = await b.run(() => [...document.querySelectorAll('#carte .tim-legend-label')].map((l) => l.textContent));
      assert.ok(legend.includes('Protocole signé (exemple)') && legend.includes('Sans statut'), legend.join(' | '));
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  test(`${name}: "Télécharger l'image" makes the SVG and the PNG`, async () => {
    const b = await open();
    try {
      await b.goto(`${server.base}/`);
      await ready(b);
      // What each download would save: the blob behind the <a download> the module follows
      // (kept when its URL is made: the page's CSP lets no fetch() read a blob: URL).
      await b.run(() => {
        window.__saved = [];
        const blobs = new Map();
        const make = URL.createObjectURL;
        URL.createObjectURL = (blob) => { const url = make(blob); blobs.set(url, blob); return url; };
        HTMLAnchorElement.prototype.click = function click() {
          const [name, blob] = [this.download, blobs.get(this.href)];
          window.__saved.push(blob.slice(0, 200).text().then((head) => ({ name, type: blob.type, size: blob.size, head })));
        };
      });
      for (const format of ['svg', 'png']) {
        // The menu stays open after a format is chosen.
        if (await b.run(() => document.querySelector('#carte .tim-export-menu').hidden)) await b.click('#carte .tim-export-toggle');
        await b.click(`#carte .tim-export-${format}`);
      }
      await b.wait(() => window.__saved.length === 2, 15_000);
      const saved = await b.run(() => Promise.all(window.__saved));
      assert.equal(saved[0].name, 'carte.svg');
      assert.match(saved[0].head, /<svg/);
      assert.equal(saved[1].name, 'carte.png');
      assert.equal(saved[1].type, 'image/png');
      assert.ok(saved[1].size > 10_000, `PNG of ${saved[1].size} B`);
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  test(`${name}: without scripts, the pre-rendered map is there and a territory's link opens its card`, async () => {
    const b = await open({ scripts: false });
    try {
      await b.goto(`${server.base}/`);
      assert.equal(await b.run(() => document.querySelector('#carte').dataset.state), 'loading', 'no script ran');
      assert.equal(await b.run(() => document.querySelectorAll('#carte .tim-territories a[href^="#territoire="]').length), 15);
      await b.click('#carte .tim-territories a[href="#territoire=vosges"] > path');
      await b.wait(() => getComputedStyle(document.getElementById('territoire=vosges')).display !== 'none', 5000);
      assert.equal(await b.run(() => location.hash), '#territoire=vosges');
    } finally {
      await b.close();
    }
  });
}
