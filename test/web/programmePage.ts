/** Steps the Programme view's browser tests share. */
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import type { Page } from 'playwright-core';

/** Runs both designs and waits until each shows `communities` cells and the run button is free again. */
export async function runBoth(page: Page, communities: number): Promise<void> {
  await page.click('[data-testid=pm-run]');
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('[data-testid=pm-cell-A]').length === n &&
      document.querySelectorAll('[data-testid=pm-cell-B]').length === n &&
      !document.querySelector<HTMLButtonElement>('[data-testid=pm-run]')!.disabled,
    communities,
    { timeout: 180_000 },
  );
}

/** Clicks `selector` and returns the file it downloads. */
export async function download(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
}

/** A downloaded CSV as rows keyed by column (the app writes it with d3-dsv too). */
export function parseCsv(text: string): Record<string, string>[] {
  return csvParse(text) as unknown as Record<string, string>[];
}
