import { chromium } from 'playwright-core';
import { launchChromium, startServer, stopServer } from '../browser/launch.mjs';
const { child, base } = await startServer(process.env.SITE || '/work/main/target/site');
const browser = await launchChromium(chromium);
for (let r = 0; r < 4; r++) {
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'blink.user_timing,devtools.timeline,disabled-by-default-devtools.timeline,cc,loading,blink', transferMode: 'ReportEvents' });
  await page.goto(base + (process.env.PAGE || '/'));
  await page.waitForTimeout(800);
  await cdp.send('Tracing.end'); await done;
  const T = events.find((e) => e.name === 'navigationStart')?.ts;
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  const rel = (e) => ((e.ts - T) / 1000).toFixed(0);
  const before = events.filter((e) => e.ph === 'X' && e.ts > T && e.ts < (fcp?.ts ?? Infinity) && e.dur > 500);
  const sum = {};
  for (const e of before) sum[e.name] = (sum[e.name] ?? 0) + e.dur / 1000;
  console.log('FCP', fcp && rel(fcp), Object.entries(sum).sort((a, b) => b[1] - a[1]).slice(0, 16).map(([k, v]) => `${k}:${v.toFixed(1)}`).join(' '));
  console.log('  ', before.filter(e=>['ParseHTML','UpdateLayoutTree','Layout','Paint','PrePaint','RasterTask','Commit','Layerize'].includes(e.name)).map(e=>`${e.name}@${rel(e)}+${(e.dur/1000).toFixed(0)}`).join(' '));
  await ctx.close();
}
await browser.close(); stopServer(child);
