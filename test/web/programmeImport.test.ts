/**
 * The Programme view's programme files in Chromium: a file imported into a design (chosen, or
 * dropped with the scenario files it names) changes the design and runs; a bad file shows the core's
 * problems in the interface language next to the import, leaving the design and the app working; the
 * table of weights (rule `table`) edited from the keyboard gives a community with weight 0 no money in
 * the run; a saved design imports as the same design (same file again, same results).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './harness.ts';
import { download, parseCsv, runBoth } from './programmePage.ts';
import { webSession } from './session.ts';

const shipped = JSON.parse(readFileSync('programmes/hubei-2020.json', 'utf8'));
const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2));

/** A small district of three listed scenario files, two of them bundled with the app. */
const district = {
  $schema: './schema.json',
  id: 'three-streets',
  title: { zh: '三条街道', en: 'Three streets' },
  seed: 11,
  weeks: 30,
  fundingWeeks: 10,
  communities: ['../scenarios/dongting.json', 'surveys/my-street.json', 'baseline.json'],
  budget: 3_000_000,
  agencies: 2,
  allocation: { rule: 'need' },
};
const myStreet = {
  ...JSON.parse(readFileSync('scenarios/baseline.json', 'utf8')),
  id: 'my-street',
  initial: { community: 0.3, organizations: 0.4, socialWorkers: 0.2, volunteers: 0.1, charity: 0.1 },
};

async function settings(page: Page, communities: number, replicates: number): Promise<void> {
  await page.fill('[data-testid=pm-communities]', String(communities));
  await page.fill('[data-testid=pm-replicates]', String(replicates));
  await page.locator('[data-testid=pm-replicates]').dispatchEvent('change');
}

/** Drops files on a design as a user dragging them from the file manager would. */
async function drop(page: Page, selector: string, files: { name: string; text: string }[]): Promise<void> {
  const transfer = await page.evaluateHandle((fs) => {
    const dt = new DataTransfer();
    for (const f of fs) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    return dt;
  }, files);
  for (const type of ['dragenter', 'dragover', 'drop'])
    await page.dispatchEvent(selector, type, { dataTransfer: transfer });
}

describe.skipIf(!chromiumAvailable())('programme files in the Programme view', () => {
  const web = webSession();

  it('imports a valid file into a design and runs it; a bad file shows an alert and changes nothing', async () => {
    const { page, errors } = await web.open({ lang: 'zh', width: 1366, height: 768 });
    await page.click('[data-testid=tab-programme]');
    const problem = page.locator('[data-testid=pm-b-import-problem]');
    const source = page.locator('[data-testid=pm-b-source]');
    const shippedTitle = await source.textContent();
    expect(shippedTitle).toBe(shipped.title.zh);

    // a bad file: the core's messages in Chinese, next to the import; the design as it was
    await page.setInputFiles('[data-testid=pm-b-import]', {
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: json({ ...district, budget: -1, agencys: 3 }),
    });
    await expect.poll(() => problem.isVisible()).toBe(true);
    expect(await problem.getAttribute('role')).toBe('alert');
    const bad = await problem.textContent();
    expect(bad).toContain('无法导入“bad.json”');
    expect(bad).toContain('budget：应在 0 与 100000000000 之间');
    expect(bad).toContain('agencys：未知字段 (是否想写 "agencies"?)');
    expect(await source.textContent()).toBe(shippedTitle);
    expect(await page.inputValue('[data-testid=pm-b-budget]')).toBe('10000000');
    // not JSON at all
    await page.setInputFiles('[data-testid=pm-b-import]', {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"id": "x",'),
    });
    await expect.poll(() => problem.textContent()).toContain('broken.json:1:12：JSON 格式错误');
    // a scenario file the app does not have: which file, and what to do
    await page.setInputFiles('[data-testid=pm-b-import]', {
      name: 'three-streets.json',
      mimeType: 'application/json',
      buffer: json(district),
    });
    await expect
      .poll(() => problem.textContent())
      .toContain(
        'communities[1]：网页版没有情景文件“surveys/my-street.json”。请把 my-street.json 与项目文件一起选择',
      );
    // switching the language shows the same problem in English
    await page.click('[data-testid=lang]');
    await expect
      .poll(() => problem.textContent())
      .toContain('communities[1]: the scenario file “surveys/my-street.json” is not part of the web app.');
    await page.click('[data-testid=lang]');
    expect(await source.textContent()).toBe(shippedTitle);
    // the app still runs the shipped designs
    await settings(page, 2, 1);
    await runBoth(page, 2);

    // the programme dropped with the scenario file it names: design B is the file's
    await drop(page, '[data-testid=pm-design-b]', [
      { name: 'three-streets.json', text: JSON.stringify(district) },
      { name: 'my-street.json', text: JSON.stringify(myStreet) },
    ]);
    await expect.poll(() => source.textContent()).toBe('三条街道');
    await expect.poll(() => problem.isVisible()).toBe(false);
    expect(await page.textContent('[data-testid=pm-b-import-status]')).toContain(
      '已导入“three-streets.json”：3 个社区',
    );
    expect(await page.inputValue('[data-testid=pm-seed]')).toBe('11');
    expect(await page.inputValue('[data-testid=pm-b-rule]')).toBe('need');
    expect(await page.inputValue('[data-testid=pm-b-budget]')).toBe('3000000');
    expect(await page.inputValue('[data-testid=pm-b-fundingWeeks]')).toBe('10');
    // design A is untouched
    expect(await page.textContent('[data-testid=pm-a-source]')).toBe(shippedTitle);
    expect(await page.inputValue('[data-testid=pm-a-budget]')).toBe('10000000');
    await settings(page, 3, 1);
    await runBoth(page, 3);
    const cells = parseCsv((await download(page, '#programme .export-bar >> nth=1 >> text=CSV')).text);
    const b = cells.filter((r) => r.design === 'B');
    expect(b).toHaveLength(3);
    // all of B's money goes to its three communities (by need); A's communities get the shipped share
    expect(b.reduce((s, r) => s + Number(r.budget), 0)).toBeCloseTo(3_000_000, -1);
    for (const r of cells.filter((r) => r.design === 'A'))
      expect(Number(r.budget)).toBeCloseTo(10_000_000 / 35, 0);
    // B's weeks after the money are shaded from week 10 of 30
    expect(await page.locator('[data-testid=pm-cell-B] .pm-after').count()).toBe(3);
    // another bad import now leaves the imported design as it is
    await page.setInputFiles('[data-testid=pm-b-import]', {
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: json({ ...district, weeks: 5 }),
    });
    await expect
      .poll(() => problem.textContent())
      .toContain('fundingWeeks：10 周的资助超出了规划期（weeks = 5）');
    expect(await source.textContent()).toBe('三条街道');
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('edits the table of weights from the keyboard; a community with weight 0 gets no money in the run', async () => {
    const { page, errors } = await web.open({ lang: 'en', width: 1366, height: 768 });
    await page.click('[data-testid=tab-programme]');
    const editor = page.locator('[data-testid=pm-b-table-editor]');
    expect(await editor.isVisible()).toBe(false);
    await page.selectOption('[data-testid=pm-b-rule]', 'table');
    expect(await editor.isVisible()).toBe(true);
    // one row per community of the programme, each labelled, 1 to start with (equal shares)
    expect(await page.locator('[data-testid=pm-b-table] tbody tr').count()).toBe(35);
    expect(await page.getAttribute('[data-testid=pm-b-table-2]', 'aria-label')).toBe('Weight of community 2');
    expect(await page.inputValue('[data-testid=pm-b-table-35]')).toBe('1');
    await settings(page, 4, 1);
    expect(await page.textContent('[data-testid=pm-b-table-note]')).toBe(
      'The browser runs communities 1–4; all 35 are saved in the file.',
    );
    expect(await page.locator('[data-testid=pm-b-table] tr.pm-not-run').count()).toBe(31);
    // the keyboard: ↓ to community 2, type a negative weight: the core's problem, live
    await page.focus('[data-testid=pm-b-table-1]');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'pm-b-table-2',
    );
    await page.keyboard.type('-1');
    const problem = page.locator('[data-testid=pm-b-problem-table]');
    await expect.poll(() => problem.textContent()).toContain('allocation.table[1]: must not be negative');
    expect(await problem.getAttribute('role')).toBe('alert');
    expect(await page.getAttribute('[data-testid=pm-b-table-2]', 'aria-invalid')).toBe('true');
    await page.click('[data-testid=pm-run]');
    expect(await page.textContent('[data-testid=pm-progress]')).toContain('Fix the problems');
    await page.focus('[data-testid=pm-b-table-2]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('x');
    await expect.poll(() => problem.textContent()).toContain('Community 2: enter a number, 0 or more.');
    await page.focus('[data-testid=pm-b-table-2]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'pm-b-table-3',
    );
    await page.keyboard.type('2');
    await expect.poll(() => problem.isVisible()).toBe(false);
    // community 3 now has weight 2 (its 1 was selected on arrival, so typing replaced it)
    expect(await page.inputValue('[data-testid=pm-b-table-3]')).toBe('2');
    const row2 = await page.locator('[data-testid=pm-b-table] tbody tr >> nth=1').textContent();
    expect(row2).toContain('0%');
    await runBoth(page, 4);
    const cells = parseCsv((await download(page, '#programme .export-bar >> nth=1 >> text=CSV')).text);
    const b = cells.filter((r) => r.design === 'B');
    const total = 34 + 1; // 33 weights of 1, one of 2, one of 0
    expect(Number(b[1].budget)).toBe(0);
    expect(Number(b[1].allocation)).toBe(0);
    expect(Number(b[0].budget)).toBeCloseTo(10_000_000 / total, 0);
    expect(Number(b[2].budget)).toBeCloseTo((2 * 10_000_000) / total, 0);
    expect(Number(b[3].budget)).toBeCloseTo(10_000_000 / total, 0);
    // Chinese labels
    await page.click('[data-testid=lang]');
    expect(await page.getAttribute('[data-testid=pm-b-table-2]', 'aria-label')).toBe('社区 2 的权重');
    expect(await page.textContent('[data-testid=pm-b-table] thead')).toBe('社区权重占比资金');
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('saves a design as a file that imports as the same design: the same file again, the same results', async () => {
    const { page, errors } = await web.open({ lang: 'en', width: 1366, height: 768 });
    await page.click('[data-testid=tab-programme]');
    await page.selectOption('[data-testid=pm-a-rule]', 'table');
    await page.fill('[data-testid=pm-a-table-1]', '3');
    await page.fill('[data-testid=pm-a-table-3]', '0.5');
    await page.locator('[data-testid=pm-a-slider-instruments-projectGrants-share]').fill('0.2');
    await page.fill('[data-testid=pm-seed]', '5');
    await settings(page, 3, 1);
    const saved = await download(page, '[data-testid=pm-a-save]');
    expect(saved.name).toBe('hubei-2020-design-a.json');
    const file = JSON.parse(saved.text);
    expect(file.seed).toBe(5);
    expect(file.allocation.rule).toBe('table');
    expect(file.allocation.table.slice(0, 4)).toEqual([3, 1, 0.5, 1]);
    expect(file.instruments.projectGrants.share).toBe(0.2);
    await page.setInputFiles('[data-testid=pm-b-import]', {
      name: saved.name,
      mimeType: 'application/json',
      buffer: Buffer.from(saved.text),
    });
    await expect
      .poll(() => page.textContent('[data-testid=pm-b-import-status]'))
      .toContain('hubei-2020-design-a.json');
    expect(await page.inputValue('[data-testid=pm-b-rule]')).toBe('table');
    expect(await page.inputValue('[data-testid=pm-b-table-3]')).toBe('0.5');
    const again = await download(page, '[data-testid=pm-b-save]');
    expect(again.name).toBe(saved.name);
    expect(again.text).toBe(saved.text);
    // the same design on the same seeds: B's results are A's
    await runBoth(page, 3);
    const summary = parseCsv((await download(page, '#programme .export-bar >> nth=0 >> text=CSV')).text);
    for (const r of summary) expect(r['B.mean'], r.metric).toBe(r['A.mean']);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
