/**
 * The web simulator in a real Chromium (Debian's, or $CHROMIUM_PATH): the built app served by vite's
 * preview API, driven through the data-testid hooks. Skipped, with a message, when Chromium is absent.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/summary.ts';
import { type ScenarioFile, validateScenario } from '../../src/model/scenario.ts';
import { presetById } from '../../web/presets.ts';
import { encodeScenario } from '../../web/share.ts';
import { CHROMIUM, chromiumAvailable, launch, ready } from './harness.ts';
import { webSession } from './session.ts';

const available = chromiumAvailable();
if (!available)
  console.warn(
    `web tests skipped: no Chromium at ${CHROMIUM} (install Debian's chromium or set CHROMIUM_PATH)`,
  );

type Wushe = {
  wushe: {
    summary(): { final: { strength: Record<string, number> }; pathway: { mode: string } } | undefined;
    file(): ScenarioFile;
    timings(): { frames: number };
    resetTimings(): void;
  };
};

describe.skipIf(!available)('web simulator in Chromium', () => {
  const web = webSession();

  /** Opens the app (optionally with a language remembered, or a hash) and waits for the first run to load. */
  const open = (options: { lang?: 'zh' | 'en'; hash?: string } = {}) => web.open(options);
  const tick = async (page: Page) => Number(await page.textContent('[data-testid=tick]'));
  const summary = (page: Page) => page.evaluate(() => (window as unknown as Wushe).wushe.summary());

  async function runToEnd(page: Page) {
    await page.click('[data-testid=finish]');
    await page.waitForFunction(() => (window as unknown as Wushe).wushe.summary() !== undefined);
    return (await summary(page))!;
  }

  it('loads with no console errors; play advances, pause stops, step adds one week, reset returns to 0', async () => {
    const { page, errors } = await open();
    expect(await tick(page)).toBe(0);
    await expect(page.isVisible('[data-testid=linkage-diagram]')).resolves.toBe(true);
    await expect(page.isVisible('[data-testid=community-view]')).resolves.toBe(true);
    await expect(page.isHidden('[data-testid=error]')).resolves.toBe(true);
    await page.click('[data-testid=play]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=tick]')?.textContent) >= 3);
    await page.click('[data-testid=pause]');
    await page.waitForTimeout(300);
    const paused = await tick(page);
    await page.waitForTimeout(400);
    expect(await tick(page)).toBe(paused);
    await page.click('[data-testid=step]');
    await page.waitForFunction(
      (t) => Number(document.querySelector('[data-testid=tick]')?.textContent) === t + 1,
      paused,
    );
    // keyboard: → steps once more when the focus is not in a field
    await page.locator('h1').click();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (t) => Number(document.querySelector('[data-testid=tick]')?.textContent) === t + 2,
      paused,
    );
    await page.click('[data-testid=reset]');
    await page.waitForFunction(() => document.querySelector('[data-testid=tick]')?.textContent === '0');
    expect(await page.locator('[data-testid=event-log] li').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs its frame loop only while playing or animating: an idle page draws no frames', async () => {
    const { page, errors } = await open();
    /** Frames the player ran over the next `ms` milliseconds. */
    const framesOver = async (ms: number) => {
      await page.evaluate(() => (window as unknown as Wushe).wushe.resetTimings());
      await page.waitForTimeout(ms);
      return page.evaluate(() => (window as unknown as Wushe).wushe.timings().frames);
    };
    // dots leave over 0.7 s and fly for 1.1 s, rings pulse for 0.9 s: 2.5 s is enough to settle
    const SETTLE = 2500;
    const drawn = () =>
      page.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>('canvas.linkage-particles')!;
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        for (let k = 3; k < data.length; k += 4) if (data[k]) return true;
        return false;
      });
    await page.waitForTimeout(500);
    expect(await framesOver(1000)).toBeLessThanOrEqual(1);
    await page.click('[data-testid=play]');
    expect(await framesOver(1000)).toBeGreaterThan(10);
    await page.click('[data-testid=pause]');
    await page.waitForTimeout(SETTLE);
    expect(await framesOver(1000)).toBeLessThanOrEqual(1);
    expect(await drawn()).toBe(false);
    // a step sends dots along the links: frames run until they land, and the canvas is left clear
    const paused = await tick(page);
    await page.evaluate(() => (window as unknown as Wushe).wushe.resetTimings());
    await page.click('[data-testid=step]');
    await page.waitForFunction(
      (t) => Number(document.querySelector('[data-testid=tick]')?.textContent) === t + 1,
      paused,
    );
    let seen = false;
    for (let k = 0; k < 10 && !seen; k++) {
      seen = await drawn();
      await page.waitForTimeout(100);
    }
    expect(seen).toBe(true);
    await page.waitForTimeout(SETTLE);
    expect(await page.evaluate(() => (window as unknown as Wushe).wushe.timings().frames)).toBeGreaterThan(
      30,
    );
    expect(await drawn()).toBe(false);
    expect(await framesOver(1000)).toBeLessThanOrEqual(1);
    // a language switch redraws once and stops again
    await page.click('[data-testid=lang]');
    await page.waitForTimeout(300);
    expect(await framesOver(1000)).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a run to end asked for while a preset is still loading runs once it has loaded (not dropped)', async () => {
    const { page, errors } = await open();
    await page.selectOption('[data-testid=preset]', 'charity-led');
    // at once, without waiting for the load: the request waits for it instead of being lost
    await page.keyboard.press('e');
    await page.waitForFunction(
      () => {
        const w = (window as unknown as Wushe).wushe;
        return w.file().id === 'charity-led' && w.summary() !== undefined;
      },
      undefined,
      { timeout: 20_000 },
    );
    expect(await tick(page)).toBe(104);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ends each practice-model preset in its own mode', async () => {
    const { page, errors } = await open();
    const options = await page.$$eval('[data-testid=preset] option', (os) =>
      os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''),
    );
    expect(options.sort()).toEqual([
      'baseline',
      'charity-led',
      'dongting',
      'organization-led',
      'volunteer-led',
    ]);
    for (const id of ['organization-led', 'volunteer-led', 'charity-led']) {
      await page.selectOption('[data-testid=preset]', id);
      await page.waitForFunction(
        (i) =>
          (window as unknown as Wushe).wushe.file().id === i &&
          document.querySelector('[data-testid=tick]')?.textContent === '0',
        id,
      );
      await page.waitForFunction(
        () => !(document.querySelector('[data-testid=finish]') as HTMLButtonElement).disabled,
      );
      const s = await runToEnd(page);
      expect(s.pathway.mode).toBe(id);
      expect(await page.getAttribute('[data-testid=mode]', 'data-mode')).toBe(id);
      expect(await page.textContent('[data-testid=mode]')).not.toContain(id);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives exactly the numbers of the Node core (wushe run) for the same scenario and seed', async () => {
    const file = { ...presetById('volunteer-led')!, seed: 11 };
    const v = validateScenario(file);
    if (!v.ok) throw new Error(v.errors.join('\n'));
    const node = runScenario(v.scenario).summary;
    const { page } = await open({ hash: `#s=${encodeScenario(file)}` });
    const browserSummary = await runToEnd(page);
    expect(browserSummary.final.strength).toEqual(node.final.strength);
    expect(JSON.parse(JSON.stringify(browserSummary))).toEqual(JSON.parse(JSON.stringify(node)));
    await page.close();
  });

  it('reproduces a run from its share link in a fresh page', async () => {
    const { page } = await open();
    await page.locator('[data-testid=slider-volunteers]').fill('0.66');
    await page.fill('[data-testid=seed]', '7');
    await page.press('[data-testid=seed]', 'Enter');
    await page.waitForFunction(() => {
      const f = (window as unknown as Wushe).wushe.file();
      return f.seed === 7 && f.initial.volunteers === 0.66;
    });
    await page.waitForTimeout(300);
    await ready(page);
    const first = await runToEnd(page);
    const href = await page.getAttribute('[data-testid=share-link]', 'href');
    expect(href).toContain('#s=');
    await page.close();
    const fresh = await web.browser.context.newPage();
    await fresh.goto(href!);
    await ready(fresh);
    expect(Number(await fresh.inputValue('[data-testid=slider-volunteers]'))).toBe(0.66);
    const second = await runToEnd(fresh);
    expect(second.final.strength).toEqual(first.final.strength);
    await fresh.close();
  });

  it('shows a bad scenario file’s problems next to the import button and keeps running', async () => {
    const { page } = await open();
    const title = await page.textContent('[data-testid=scenario-title]');
    await page.setInputFiles('[data-testid=scenario-import]', {
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        '{ "id": "bad", "seed": 1, "ticks": 10,\n  "residents": 5000, "initial": { "community": 7 } ',
      ),
    });
    await page.waitForSelector('[data-testid=import-problem]', { state: 'visible' });
    expect(await page.textContent('[data-testid=import-problem]')).toContain('bad.json');
    expect(await page.getAttribute('[data-testid=import-problem]', 'role')).toBe('alert');
    await page.setInputFiles('[data-testid=scenario-import]', {
      name: 'bad2.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...presetById('baseline'), initial: { community: 7 } })),
    });
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=import-problem]')?.textContent?.includes('initial.community'),
    );
    expect(await page.textContent('[data-testid=scenario-title]')).toBe(title);
    await page.click('[data-testid=step]');
    await page.waitForFunction(() => document.querySelector('[data-testid=tick]')?.textContent === '1');
    await page.close();
  });

  it('shows an untrusted title as text', async () => {
    const { page } = await open();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const evil = '<img src=x onerror=alert(1)>';
    await page.setInputFiles('[data-testid=scenario-import]', {
      name: 'evil.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({ ...presetById('baseline'), id: 'evil', title: { zh: evil, en: evil } }),
      ),
    });
    await page.waitForFunction(() => (window as unknown as Wushe).wushe.file().id === 'evil');
    await ready(page);
    expect(await page.textContent('[data-testid=scenario-title]')).toBe(evil);
    expect(await page.locator('img').count()).toBe(0);
    await page.click('[data-testid=tab-compare]');
    await page.click('text=Add the current run');
    await page.waitForSelector('.compare-table td');
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toBe(0);
    await page.close();
  });

  it('switches every visible label to Chinese and back, and remembers the choice', async () => {
    const { page } = await open({ lang: 'en' });
    await runToEnd(page);
    expect(await page.textContent('[data-testid=lang]')).toBe('中文');
    const englishPlay = await page.textContent('[data-testid=play]');
    await page.click('[data-testid=lang]');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.textContent('[data-testid=play]')).not.toBe(englishPlay);
    await page.click('#advanced > summary');
    await page.click('#interventions > summary');
    await page.click('[data-testid=add-intervention]');
    const leftovers = await page.evaluate(() => {
      // visible text (and every option of every select) that still contains English words
      const allowed = new Set(['SVG', 'PNG', 'CSV', 'JSON']);
      const found: string[] = [];
      const skip = (el: Element | null) =>
        !el || el.closest('[translate=no], [data-testid=lang], script, style, [hidden]') !== null;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (skip(el)) continue;
        if (el instanceof HTMLOptionElement || !(el as HTMLElement).checkVisibility?.()) {
          if (!(el instanceof HTMLOptionElement)) continue;
        }
        for (const w of n.textContent?.match(/[A-Za-z]{2,}/g) ?? [])
          if (!allowed.has(w)) found.push(`${w} in “${n.textContent?.trim().slice(0, 60)}”`);
      }
      return found;
    });
    expect(leftovers).toEqual([]);
    await page.reload();
    await ready(page);
    expect(await page.textContent('[data-testid=play]')).toContain('播放');
    await page.click('[data-testid=lang]');
    expect(await page.textContent('[data-testid=play]')).toContain('Play');
    await page.close();
  });

  it('follows a Chinese browser language when nothing is remembered', async () => {
    const zhBrowser = await launch({ locale: 'zh-CN' });
    try {
      const page = await zhBrowser.context.newPage();
      await page.goto(web.app.url);
      await ready(page);
      expect(await page.textContent('h1')).toBe('五社联动模拟器');
    } finally {
      await zhBrowser.close();
    }
  });

  it('exports charts as SVG and PNG and data as CSV and JSON', async () => {
    const { page } = await open();
    await runToEnd(page);
    const get = async (selector: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      const path = await download.path();
      const { readFileSync } = await import('node:fs');
      return { name: download.suggestedFilename(), data: readFileSync(path!) };
    };
    const svg = await get('#strength .export-bar button >> nth=0');
    expect(svg.name).toMatch(/\.svg$/);
    expect(svg.data.toString()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await get('#linkage .export-bar button >> nth=1');
    expect(png.data.subarray(1, 4).toString()).toBe('PNG');
    const canvasPng = await get('#community .export-bar button >> nth=1');
    expect(canvasPng.data.subarray(1, 4).toString()).toBe('PNG');
    const csv = await get('#strength .export-bar button >> nth=2');
    expect(csv.data.toString().split('\n')[0]).toMatch(/^tick,strength\.community/);
    const json = await get('#pathway .export-bar button >> nth=3');
    expect(JSON.parse(json.data.toString()).mode).toBe('organization-led');
    await page.close();
  });

  it('compares the three strategies and fills a strength landscape on a pool of workers', async () => {
    const { page, errors } = await open();
    await page.click('[data-testid=tab-compare]');
    await expect(page.isHidden('[data-testid=linkage-diagram]')).resolves.toBe(true);
    await page.click('text=This community under the three strategies');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('.compare-table td').length === 15 &&
        ![...document.querySelectorAll('.compare-table td')].some((td) => td.textContent === '…'),
    );
    await page.click('[data-testid=tab-landscape]');
    await page.fill('#land-steps', '3');
    await page.fill('#land-reps', '1');
    await page.click('[data-testid=landscape-run]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=landscape-progress]')?.textContent === '9 of 9 runs',
    );
    expect(await page.locator('#landscape rect.cell').count()).toBe(9);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays fluid with 10,000 residents on screen (frame rate while playing)', async () => {
    const file = { ...presetById('organization-led')!, residents: 10000 };
    const { page } = await open({ hash: `#s=${encodeScenario(file)}` });
    await page.selectOption('[data-testid=speed]', '10');
    await page.click('[data-testid=play]');
    const measured = await page.evaluate(
      () =>
        new Promise<{ fps: number; weeks: number }>((resolve) => {
          const tickNow = () => Number(document.querySelector('[data-testid=tick]')?.textContent);
          const start = performance.now();
          const t0 = tickNow();
          let frames = 0;
          const count = (now: number) => {
            frames++;
            if (now - start < 3000) requestAnimationFrame(count);
            else resolve({ fps: (frames * 1000) / (now - start), weeks: tickNow() - t0 });
          };
          requestAnimationFrame(count);
        }),
    );
    // a loose floor that catches a page that freezes while playing, also on a busy machine (the
    // frame rate itself is a benchmark figure, not a test's)
    expect(measured.weeks).toBeGreaterThan(10);
    expect(measured.fps).toBeGreaterThan(5);
    await page.close();
  });
});
