// <territoires-map>: the map as a custom element, for host pages. Two lines to embed it:
//   <script type="module" src="https://example.org/carte/territoires-map.js"></script>
//   <territoires-map src="https://example.org/carte/data/territoires-grand-est.geojson"></territoires-map>
// Attributes: src, context, lang (fr | en), selected (territory id), commune (INSEE code: its
//   territory's card, the commune marked; with the pasted snippet, whose search field it uses),
//   height (CSS length),
//   theme (light | dark | auto: the visitor's choice, or the host's data-fr-theme on <html>),
//   statuses (a CSV of statuses joined by id), id-property, name-property, status-property.
// Pre-rendered: `make dist` writes territoires-map.snippet.html, the default map as static HTML;
//   pasted inside <territoires-map>…</territoires-map>, it shows at once, and the module adopts it
//   where it is (the element's own map, in the light DOM), downloading nothing; with other data
//   (src, statuses, …) it shows until the module has drawn its own.
// Events (bubbling, composed): ready, error, territoryselect (detail.commune: {code, name} when
//   the commune search opened it). Methods: select(id), selectCommune(code), clear(), reload(), destroy().
// All map logic is in Rust; this file only ties the element's life cycle to it.
import { load } from './load.js';

// Two builds of the same Rust crate: the small module adopts a pasted snippet and downloads
// nothing; the full one draws any other map. Each is fetched the first time an element needs it.
// The two helpers are imported here rather than with `import … from`: a host page does not
// preload them, and a static import would hold this file until they had arrived, one round trip
// before the element could ask for its module. One that cannot be downloaded leaves the element
// without it (no commune search, or no image and no names once the map moves), not with an unhandled rejection.
// Addresses built at run time, which the bundler (.ci/build-site) leaves as separate files.
const [search, helpers] = ['search', 'helpers'].map((n) => import(new URL(`./${n}.js`, import.meta.url).href).catch(() => null));

const modules = {};
const start = (name) => (modules[name] ??= load(name).then((m) => m.TerritoiresMap));
const css = new URL('./map.css', import.meta.url).href;

class TerritoiresMapElement extends HTMLElement {
  static observedAttributes = ['src', 'context', 'lang', 'selected', 'commune', 'height', 'theme', 'statuses', 'id-property', 'name-property', 'status-property'];
  // The attributes that ask for other data than the snippet's.
  static #data = ['src', 'context', 'statuses', 'id-property', 'name-property', 'status-property'];
  #map = null;
  #root = null;
  #adopted = false;
  // The data files the pasted snippet was drawn from (absolute), else the Grand Est's beside this script.
  #own = {};
  #run = 0;
  #mirroring = false;
  // The pasted snippet's commune search, once its script is there (a promise), else null.
  #search = null;
  // The host's theme switch (the State's design system sets data-fr-theme on <html>).
  #hostTheme = new MutationObserver(() => this.#applyTheme());

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    // The small module's helpers: "Télécharger l'image", the names once the map moves (www/helpers.js).
    helpers.then((m) => m?.helpOnRequest(this));
    // The snippet of the default map is adopted in place: the module works in the light DOM,
    // the shadow root only shows it.
    const snippet = this.querySelector(':scope > .tim-map:has(> .tim-pre)');
    this.#own = { ...snippet?.querySelector(':scope > .tim-pre')?.dataset };
    const other = TerritoiresMapElement.#data.some((a) => this.hasAttribute(a)) || (this.getAttribute('lang') ?? 'fr') !== snippet?.lang;
    if (snippet && !other) {
      shadow.append(document.createElement('slot'));
      this.#root = snippet;
      this.#adopted = true;
      this.#search = search.then((m) => m?.attach(snippet, snippet.lang, () => this.#map) ?? null);
      this.#listen();
      return;
    }
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = css;
    this.#root = document.createElement('div');
    shadow.append(link, this.#root);
    // The host's pre-rendered markup (light DOM), shown through a slot that the module removes,
    // as any `.tim-pre`, once its own map is drawn; the slot passes on where the snippet says the
    // territory pages are, which the module's card and list then link to.
    if (this.firstElementChild) {
      const slot = Object.assign(document.createElement('slot'), { className: 'tim-pre' });
      const pages = this.querySelector(':scope > .tim-map > .tim-pre[data-pages]')?.dataset.pages;
      if (pages) slot.dataset.pages = pages;
      this.#root.append(slot);
    }
    this.#listen();
  }

  // Keep the host's state and selection in step with the map inside.
  #listen() {
    this.addEventListener('ready', () => { this.dataset.state = 'ready'; this.#applySelected(); this.#applyCommune(); });
    this.addEventListener('error', () => { this.dataset.state = 'error'; });
    this.addEventListener('territoryselect', (e) => {
      this.#mirroring = true;
      this.setAttribute('selected', e.detail.id);
      this.#mirroring = false;
    });
  }

  connectedCallback() {
    this.#hostTheme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-fr-theme'] });
    this.#applyTheme();
    this.#start();
  }
  disconnectedCallback() { this.#hostTheme.disconnect(); this.destroy(); }

  // theme="light" | "dark" forces the map's colours; otherwise it follows the host's
  // data-fr-theme when there is one, else the visitor's choice (map.css).
  #applyTheme() {
    const pick = (v) => (v === 'light' || v === 'dark' ? v : null);
    const theme = pick(this.getAttribute('theme')) ?? pick(document.documentElement.dataset.frTheme);
    if (theme) this.#root.dataset.theme = theme;
    else delete this.#root.dataset.theme;
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.isConnected) return;
    if (name === 'height') this.style.setProperty('--tim-stage-height', value || '');
    else if (name === 'theme') this.#applyTheme();
    else if (name === 'selected') { if (!this.#mirroring) this.#applySelected(); }
    else if (name === 'commune') this.#applyCommune();
    else this.#start();
  }

  async #start() {
    const run = ++this.#run;
    this.destroy();
    this.dataset.state = 'loading';
    if (this.hasAttribute('height')) this.style.setProperty('--tim-stage-height', this.getAttribute('height'));
    const small = this.#adopted && !TerritoiresMapElement.#data.some((a) => this.hasAttribute(a));
    // Where the small module cannot adopt the snippet (it refuses the data it holds), the full
    // one draws the map. The map is set in the task that creates it, before it says it is ready.
    const create = async (name) => {
      const TerritoiresMap = await start(name);
      if (run === this.#run && this.isConnected) this.#map = new TerritoiresMap(this.#root, options);
    };
    const own = this.#own;
    const options = {
      src: this.getAttribute('src') ?? own.src ?? new URL('./data/territoires-grand-est.geojson', import.meta.url).href,
      context: this.getAttribute('context')
        ?? (this.hasAttribute('src') ? undefined : own.context ?? new URL('./data/contexte-grand-est.geojson', import.meta.url).href),
      lang: this.getAttribute('lang') ?? 'fr',
      statuses: this.#url('statuses'),
      idProperty: this.getAttribute('id-property') ?? undefined,
      nameProperty: this.getAttribute('name-property') ?? undefined,
      statusProperty: this.getAttribute('status-property') ?? undefined,
      cooperative: true,
    };
    const warm = () => helpers.then((m) => m?.warmNames(this));
    await (small ? create('territoires_map_small').then(warm, () => create('territoires_map')) : create('territoires_map'));
  }

  // An attribute's address resolved against the host page, as `src` is by fetch().
  #url(name) {
    const v = this.getAttribute(name);
    return v ? new URL(v, document.baseURI).href : undefined;
  }

  #applySelected() {
    // An adopted snippet's card opened by its link (#territoire=<id>) stays open.
    const hash = this.#adopted ? new URLSearchParams(location.hash.slice(1)).get('territoire') : null;
    const id = this.getAttribute('selected') ?? hash;
    if (this.#map && this.dataset.state === 'ready') id ? this.#map.select(id) : this.#map.clear();
  }

  #applyCommune() {
    const code = this.getAttribute('commune');
    if (code && this.dataset.state === 'ready') this.selectCommune(code);
  }

  select(id) { return this.#map?.select(id) ?? false; }
  // Resolves to false where the element has no search (no pasted snippet, other data) or the
  // index has no such code.
  async selectCommune(code) { return (await (await this.#search)?.choose(code)) ?? false; }
  clear() { this.#map?.clear(); }
  reload() { return this.#map?.reload() ?? false; }
  get listenerCount() { return this.#map?.listenerCount ?? 0; }
  destroy() {
    this.#map?.destroy();
    this.#map?.free();
    this.#map = null;
  }
}

if (!customElements.get('territoires-map')) customElements.define('territoires-map', TerritoiresMapElement);
