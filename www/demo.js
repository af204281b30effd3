// The host snippet of the README, as a host page would copy it: sizes each map iframe to its
// content and mirrors the territory it shows (data-selected), trusting only the iframe's origin.
addEventListener('message', (e) => {
  const frame = [...document.querySelectorAll('iframe[data-territoires-map]')]
    .find((f) => f.contentWindow === e.source && new URL(f.src, location.href).origin === e.origin);
  if (!frame || e.data?.source !== 'territoires-map') return;
  if (e.data.type === 'height') frame.style.height = `${Math.ceil(e.data.height)}px`;
  if (e.data.type === 'select') frame.dataset.selected = e.data.id;
});
