/**
 * Shared by the browser tests and scripts/screenshots.ts: build the web app into a temporary folder,
 * serve it with vite's preview API on 127.0.0.1, and drive Debian's Chromium with playwright-core.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';

/** Chromium to drive: $CHROMIUM_PATH, else Debian's package. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface App {
  url: string;
  close(): Promise<void>;
}

/** Builds the web app into `outDir` (a new temporary folder if not given) and returns the folder. */
export async function buildApp(outDir = mkdtempSync(join(tmpdir(), 'wushe-web-'))): Promise<string> {
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/**
 * Serves the app: the build the tests' global setup made (`WUSHE_WEB_BUILD`, shared by the browser
 * test files and left for the global setup to remove), else a build of its own in a temporary folder;
 * `close` stops the server (and removes a folder of its own).
 */
export async function startApp(): Promise<App> {
  const shared = process.env.WUSHE_WEB_BUILD;
  const outDir = shared ?? (await buildApp());
  const server = await preview({
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0 },
  });
  const { port } = server.httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await server.close();
      if (!shared) rmSync(outDir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh Chromium profile (persistent context, so the profile folder is ours and removed after). */
export async function launch(
  options: { locale?: string; width?: number; height?: number } = {},
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'wushe-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    locale: options.locale ?? 'en-US',
    viewport: { width: options.width ?? 1600, height: options.height ?? 1000 },
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the first run of a page is loaded (the pathway's name is shown). */
export function ready(page: Page): Promise<unknown> {
  return page.waitForFunction(() => document.querySelector('[data-testid=mode]')?.textContent !== '', null, {
    timeout: 60_000,
  });
}

/**
 * Opens the app in a new tab with a clean profile on its first load (language, large type and other
 * remembered settings as given), and collects console errors.
 */
export async function openPage(
  browser: Browser,
  app: App,
  options: { lang?: 'zh' | 'en'; large?: boolean; hash?: string; width?: number; height?: number } = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  if (options.width) await page.setViewportSize({ width: options.width, height: options.height ?? 768 });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(
    ([l, large]) => {
      if (sessionStorage.getItem('wushe.test')) return;
      sessionStorage.setItem('wushe.test', '1');
      localStorage.clear();
      if (l) localStorage.setItem('wushe.lang', l as string);
      if (large) localStorage.setItem('wushe.large-type', '1');
    },
    [options.lang ?? null, options.large ?? false] as const,
  );
  await page.goto(app.url + (options.hash ?? ''));
  await ready(page);
  return { page, errors };
}
