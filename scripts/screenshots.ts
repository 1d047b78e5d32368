/**
 * Screenshots of every view in English and Chinese (the programme lab included), the first screen
 * at projector sizes (1024×768, 1366×768, normal and large type), the lessons and the shortcuts
 * overlay, for looking at before a release:
 * `npm run screenshots` writes PNGs into screenshots/ (git-ignored). Needs Chromium ($CHROMIUM_PATH,
 * default /usr/bin/chromium).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { chromiumAvailable, launch, openPage, startApp } from '../test/web/harness.ts';
import { presetById } from '../web/presets.ts';
import { encodeScenario } from '../web/share.ts';

const OUT = 'screenshots';

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid=mode]')?.textContent !== '');
}

async function finish(page: Page): Promise<void> {
  await page.click('[data-testid=finish]');
  await page.waitForFunction(
    () => (window as unknown as { wushe: { summary(): unknown } }).wushe.summary() !== undefined,
  );
}

async function shoot(page: Page, name: string, selector?: string, fullPage = true): Promise<void> {
  const path = `${OUT}/${name}.png`;
  if (selector) await page.locator(selector).screenshot({ path });
  else await page.screenshot({ path, fullPage });
  console.log(path);
}

if (!chromiumAvailable()) {
  console.error('screenshots: no Chromium found (set CHROMIUM_PATH)');
  process.exit(2);
}
mkdirSync(OUT, { recursive: true });
const app = await startApp();
const browser = await launch();
try {
  for (const lang of ['en', 'zh'] as const) {
    const page = await browser.context.newPage();
    await page.addInitScript((l) => localStorage.setItem('wushe.lang', l), lang);
    await page.goto(app.url);
    await ready(page);
    await page.click('[data-testid=speed]');
    await page.selectOption('[data-testid=speed]', '10');
    await page.click('[data-testid=play]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=tick]')?.textContent) >= 30);
    await shoot(page, `${lang}-run-playing`, '#linkage');
    await page.click('[data-testid=pause]');
    await finish(page);
    await shoot(page, `${lang}-run-full`);
    for (const id of ['linkage', 'community', 'strength', 'pathway', 'outcomes', 'events'])
      await shoot(page, `${lang}-${id}`, `#${id}`);
    await page.locator('#controls').screenshot({ path: `${OUT}/${lang}-controls.png` });
    await page.click('#advanced > summary');
    await page.click('#interventions > summary');
    await page.click('[data-testid=add-intervention]');
    await shoot(page, `${lang}-controls-open`, '#controls');
    await shoot(page, `${lang}-advanced`, '#advanced');

    await page.click('[data-testid=tab-compare]');
    await page.click('#compare button >> nth=0');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('.compare-table td').length === 15 &&
        !document.querySelector('.compare-table td:empty') &&
        ![...document.querySelectorAll('.compare-table td')].some((td) => td.textContent === '…'),
    );
    await shoot(page, `${lang}-compare`, '#compare');

    await page.click('[data-testid=tab-landscape]');
    await page.fill('#land-steps', '5');
    await page.fill('#land-reps', '2');
    await page.click('[data-testid=landscape-run]');
    await page.waitForFunction(
      () =>
        /\b(50)\D+50\b/.test(document.querySelector('[data-testid=landscape-progress]')?.textContent ?? ''),
      null,
      { timeout: 120_000 },
    );
    await shoot(page, `${lang}-landscape`, '#landscape');

    await page.click('[data-testid=tab-programme]');
    await page.selectOption('[data-testid=pm-b-rule]', 'need');
    await page.click('[data-testid=pm-run]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=pm-cell-B]').length > 0, null, {
      timeout: 180_000,
    });
    await shoot(page, `${lang}-programme`, '#programme');

    await page.click('[data-testid=tab-about]');
    await shoot(page, `${lang}-about`);
    await page.click('[data-testid=tab-run]');

    await page.setInputFiles('[data-testid=scenario-import]', {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        '{"id": "x", "seed": 1, "ticks": 10, "residents": 5000, "initial": {"community": 2}}',
      ),
    });
    await page.waitForSelector('[data-testid=import-problem]:not([hidden])');
    await shoot(page, `${lang}-import-problem`, '.scenario-file');
    await page.close();
  }
  // projectors: the first screen, without scrolling, at common projector sizes, normal and large type
  for (const [width, height] of [
    [1024, 768],
    [1366, 768],
  ])
    for (const large of [false, true])
      for (const lang of ['zh', 'en'] as const) {
        const { page } = await openPage(browser, app, { lang, large, width, height });
        await page.click('[data-testid=finish]');
        await page.waitForFunction(
          () => (window as unknown as { wushe: { summary(): unknown } }).wushe.summary() !== undefined,
        );
        await shoot(page, `projector-${width}x${height}-${lang}${large ? '-large' : ''}`, undefined, false);
        await page.close();
      }
  // lessons, the shortcuts overlay, and 100,000 residents
  for (const lang of ['zh', 'en'] as const) {
    const { page } = await openPage(browser, app, { lang, width: 1366, height: 768 });
    await page.click('[data-testid=tab-lessons]');
    await page.click('[data-testid=lesson-grant-ends]');
    await shoot(page, `${lang}-lessons`);
    await page.click('[data-testid=lesson-run-grant-ends-week-52]');
    await page.click('[data-testid=finish]');
    await page.waitForFunction(
      () => !(document.querySelector('[data-testid=lesson-record]') as HTMLButtonElement).disabled,
    );
    await shoot(page, `${lang}-lesson-run`, undefined, false);
    await page.locator('h1').click();
    await page.keyboard.press('?');
    await shoot(page, `${lang}-shortcuts`, undefined, false);
    await page.close();
  }
  {
    const file = { ...presetById('organization-led')!, residents: 100000 };
    const { page } = await openPage(browser, app, {
      lang: 'en',
      hash: `#s=${encodeScenario(file)}`,
      width: 1366,
      height: 768,
    });
    await finish(page);
    await shoot(page, 'community-100k', '#community');
    await page.close();
  }
  // projection: large type and high contrast, 10,000 residents
  const page = await browser.context.newPage();
  await page.goto(app.url);
  await ready(page);
  await page.click('#large');
  await page.click('#contrast');
  await page.fill('[data-testid=residents]', '10000');
  await page.press('[data-testid=residents]', 'Enter');
  await page.waitForFunction(
    () =>
      (window as unknown as { wushe: { file(): { residents: number } } }).wushe.file().residents === 10000,
  );
  await ready(page);
  await page.waitForTimeout(500);
  await finish(page);
  await shoot(page, 'projection-10k');
  await page.close();
} finally {
  await browser.close();
  await app.close();
}
