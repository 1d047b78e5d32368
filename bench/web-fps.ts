/**
 * Frame rate of the web app while playing, and its cost while idle, in headless Chromium: `npm run bench:web`.
 * Builds the app, loads a scenario with 10,000 and then 100,000 residents and, before playing, measures
 * the idle page for as long as it then plays: frames the player drew, the renderer's CPU time (Chrome's
 * ProcessTime) and its main thread's busy time. Then plays at 10 weeks/s and prints
 * frames/s, the longest gap between frames, and the time per frame spent in each view (measured in
 * the page by the player) and by the browser itself (Chrome's own counters: script, style, layout).
 * Options: --residents 10000,100000  --seconds 5  --width 1600 --height 1000
 */
import type { Page } from 'playwright-core';
import { chromiumAvailable, launch, startApp } from '../test/web/harness.ts';
import { presetById } from '../web/presets.ts';
import { encodeScenario } from '../web/share.ts';

function option(name: string, fallback: string): string {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 && process.argv[k + 1] ? process.argv[k + 1] : fallback;
}
const sizes = option('residents', '10000,100000').split(',').map(Number);
const seconds = Number(option('seconds', '5'));
const width = Number(option('width', '1600'));
const height = Number(option('height', '1000'));

type Timings = { frames: number; ms: Record<string, number> };
type Wushe = { wushe: { timings(): Timings; resetTimings(): void } };

interface Measured {
  fps: number;
  maxGapMs: number;
  weeks: number;
}

/** In the page, as text: tsx names inner functions with a helper the page does not have. */
const MEASURE = `new Promise((resolve) => {
  const duration = DURATION;
  const tickNow = () => Number(document.querySelector('[data-testid=tick]')?.textContent);
  const t0 = tickNow();
  let start = 0, last = 0, maxGap = 0, frames = 0;
  const count = (now) => {
    if (!start) start = now;
    else { frames++; maxGap = Math.max(maxGap, now - last); }
    last = now;
    if (now - start < duration) requestAnimationFrame(count);
    else resolve({ fps: (frames * 1000) / (now - start), maxGapMs: maxGap, weeks: tickNow() - t0 });
  };
  requestAnimationFrame(count);
})`;

function measure(page: Page, ms: number): Promise<Measured> {
  return page.evaluate(MEASURE.replace('DURATION', String(ms))) as Promise<Measured>;
}

const CHROME_METRICS = ['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration'];

if (!chromiumAvailable()) {
  console.error('bench:web: no Chromium found (set CHROMIUM_PATH)');
  process.exit(2);
}
const app = await startApp();
const browser = await launch({ width, height });
try {
  for (const residents of sizes) {
    const file = { ...presetById('organization-led')!, residents, ticks: 520 };
    const page = await browser.context.newPage();
    await page.addInitScript(() => localStorage.setItem('wushe.lang', 'en'));
    await page.goto(`${app.url}#s=${encodeScenario(file)}`);
    await page.waitForFunction(() => document.querySelector('[data-testid=mode]')?.textContent !== '', null, {
      timeout: 120_000,
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = (list: { metrics: Array<{ name: string; value: number }> }, name: string) =>
      list.metrics.find((x) => x.name === name)?.value ?? 0;
    // idle: loaded, not playing, after a second to settle
    await page.waitForTimeout(1000);
    await page.evaluate(() => (window as unknown as Wushe).wushe.resetTimings());
    const idle0 = await cdp.send('Performance.getMetrics');
    await page.waitForTimeout(seconds * 1000);
    const idle1 = await cdp.send('Performance.getMetrics');
    const idleFrames = (await page.evaluate(() => (window as unknown as Wushe).wushe.timings())).frames;
    const idleSpan = metric(idle1, 'Timestamp') - metric(idle0, 'Timestamp');
    const perSecond = (k: string) => ((metric(idle1, k) - metric(idle0, k)) * 1000) / idleSpan;
    await page.selectOption('[data-testid=speed]', '10');
    await page.click('[data-testid=play]');
    await page.waitForTimeout(1000);
    await page.evaluate(() => (window as unknown as Wushe).wushe.resetTimings());
    const before = await cdp.send('Performance.getMetrics');
    const m = await measure(page, seconds * 1000);
    const after = await cdp.send('Performance.getMetrics');
    const t = await page.evaluate(() => (window as unknown as Wushe).wushe.timings());
    await page.click('[data-testid=pause]').catch(() => undefined);
    const perFrame = (x: number) => (x / Math.max(1, t.frames)).toFixed(2);
    console.log(
      `${residents.toLocaleString('en-US')} residents (${width}×${height}) idle: ` +
        `${(idleFrames / idleSpan).toFixed(1)} frames/s drawn by the player, ` +
        `renderer CPU ${(perSecond('ProcessTime') / 10).toFixed(2)} %, ` +
        `main thread busy ${perSecond('TaskDuration').toFixed(1)} ms/s (script ${perSecond('ScriptDuration').toFixed(1)} ms/s)`,
    );
    console.log(
      `${residents.toLocaleString('en-US')} residents (${width}×${height}): ${m.fps.toFixed(1)} frames/s, ` +
        `longest frame gap ${m.maxGapMs.toFixed(0)} ms, ${m.weeks} weeks in ${seconds} s`,
    );
    console.log(
      `  ms per frame in each view: ${Object.entries(t.ms)
        .map(([k, v]) => `${k} ${perFrame(v)}`)
        .join(', ')}`,
    );
    console.log(
      `  ms per frame in the browser's main thread: ${CHROME_METRICS.map(
        (k) => `${k.replace('Duration', '')} ${perFrame((metric(after, k) - metric(before, k)) * 1000)}`,
      ).join(', ')}`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  await app.close();
}
