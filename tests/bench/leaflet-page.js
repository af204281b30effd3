// The Leaflet 1.9 side of `make bench`: loads ?src=<GeoJSON> (the viewer's territory schema) and
// shows it with the viewer's interactions — status colours from the file's legend, a tooltip with
// the name and status on hover, a highlight, a panel on click. ?canvas=1 uses the canvas renderer
// (preferCanvas: true), else Leaflet's default SVG renderer. No tiles: the viewer has none.
// ?fit=west,south,east,north frames those bounds instead of the whole file (the national file: the
// mainland, as a Leaflet page of France shows it; the overseas départements then lie off screen).
// window.__bench.onScreen counts the territories whose bounds meet the view: the ones the page
// shows, which the first-view probe waits for.
// #carte[data-state=ready] is set one requestAnimationFrame after L.geoJSON(...).addTo(map), and
// window.__bench.readyAt holds performance.now() at that moment.
/* global L */
'use strict';

(async () => {
  const el = document.getElementById('carte');
  const params = new URLSearchParams(location.search);
  window.__bench = {};
  try {
    const res = await fetch(params.get('src'));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const fc = await res.json();
    // Colours as the viewer picks them: the legend's, else a default per status met.
    const DEFAULTS = ['#1d4f91', '#c0392b', '#2e8540', '#8e44ad', '#d35400', '#16a085'];
    const statuses = new Map((fc.legend?.statuses ?? []).map((s) => [s.id, s]));
    const colour = (id) => {
      if (!statuses.has(id)) statuses.set(id, { id, label: id, color: DEFAULTS[statuses.size % DEFAULTS.length] });
      return statuses.get(id).color;
    };
    const labelOf = (id) => statuses.get(id)?.label ?? id;
    const map = L.map(el, { preferCanvas: params.get('canvas') === '1', zoomSnap: 0 });
    const style = (f) => ({ color: '#ffffff', weight: 1, fillColor: colour(f.properties.status), fillOpacity: 0.85 });
    const panel = document.getElementById('fiche');
    const layer = L.geoJSON(fc, {
      style,
      onEachFeature(f, l) {
        const text = () => `${f.properties.name} : ${labelOf(f.properties.status)}`;
        l.bindTooltip(() => {
          const span = document.createElement('span');
          span.textContent = text();
          return span;
        }, { sticky: true });
        l.on('mouseover', () => { l.setStyle({ weight: 3, color: '#111111' }); window.__bench.hovered = f.properties.id; });
        l.on('mouseout', () => { l.setStyle({ weight: 1, color: '#ffffff' }); window.__bench.hovered = null; });
        l.on('click', () => {
          document.getElementById('fiche-nom').textContent = f.properties.name;
          document.getElementById('fiche-statut').textContent = labelOf(f.properties.status);
          panel.hidden = false;
        });
      },
    });
    document.getElementById('fermer').addEventListener('click', () => { panel.hidden = true; });
    const fit = params.get('fit')?.split(',').map(Number);
    const bounds = fit?.length === 4 && fit.every(Number.isFinite) ? L.latLngBounds([fit[1], fit[0]], [fit[3], fit[2]]) : layer.getBounds();
    map.fitBounds(bounds, { animate: false });
    const view = map.getBounds();
    window.__bench.onScreen = layer.getLayers().filter((l) => view.intersects(l.getBounds())).length;
    layer.addTo(map);
    window.__bench.map = map;
    requestAnimationFrame(() => {
      window.__bench.readyAt = performance.now();
      el.dataset.state = 'ready';
    });
  } catch (e) {
    el.dataset.state = 'error';
    el.textContent = `Leaflet : ${e}`;
  }
})();
