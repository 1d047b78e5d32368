/**
 * The built web app and a Chromium for the tests of one file: started before all of them, closed
 * after, with `open` for a fresh tab (harness.ts `openPage`).
 */
import { afterAll, beforeAll } from 'vitest';
import { type App, type Browser, launch, openPage, startApp } from './harness.ts';

export interface WebSession {
  readonly app: App;
  readonly browser: Browser;
  open(options?: Parameters<typeof openPage>[2]): ReturnType<typeof openPage>;
}

/** Registers the file's setup and teardown; `before` runs first (e.g. to make an output folder). */
export function webSession(before?: () => void): WebSession {
  let app: App | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    before?.();
    app = await startApp();
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  const started = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('webSession: used before the app started');
    return x;
  };
  return {
    get app() {
      return started(app);
    },
    get browser() {
      return started(browser);
    },
    open: (options) => openPage(started(browser), started(app), options),
  };
}
