import * as Comlink from 'comlink';
import {
  type Interval,
  pairedDifferences,
  replicateSeeds,
  summariseProgramme,
} from '../../src/batch/programme.ts';
import type { ReplicateResult } from '../../src/engine/districtTypes.ts';
import type { ProgrammeSpec } from '../../src/model/programme.ts';
import { h, svgEl } from '../dom.ts';
import { exportBar } from '../export.ts';
import { lang, t } from '../i18n/index.ts';
import { problemSlot } from '../problem.ts';
import {
  BASE_PROGRAMME,
  BROWSER_DEFAULTS,
  type BrowserScale,
  browserProgramme,
  browserScale,
  communityCount,
  type DesignBase,
  designFile,
  MAX_REPLICATES,
} from '../programmeDesign.ts';
import type { RunPool } from '../worker/pool.ts';
import { panel } from './panel.ts';
import { drawCommunities } from './programmeCells.ts';
import { designPanel } from './programmeDesignPanel.ts';
import { communitiesCsv, summaryCsv } from './programmeExports.ts';
import { CELL_MEASURES, type CellMeasure, type DesignRun, drawSummary } from './programmeSummary.ts';
import { formatYuan } from './programmeYuan.ts';

/**
 * The Programme view: two designs side by side, each starting from the shipped programme
 * (programmes/hubei-2020.json) or a programme file the user imports, each with its allocation rule
 * (a table of weights for the rule `table`) and instrument budgets, run on the page's worker pool
 * (one replicate per job, progress per week) on common replicate seeds; the summary with intervals
 * and the paired differences, and the communities as small multiples.
 */
export function programmeView(pool: RunPool): { section: HTMLElement; relabel: () => void } {
  const { section, body } = panel('programme', 'pmTitle', 'pmHelp');
  const communities = h('input', {
    id: 'pm-communities',
    type: 'number',
    min: 1,
    max: Number(BASE_PROGRAMME.communities),
    step: 1,
    value: BROWSER_DEFAULTS.communities,
    'data-testid': 'pm-communities',
  });
  const replicates = h('input', {
    id: 'pm-replicates',
    type: 'number',
    min: 1,
    max: MAX_REPLICATES,
    step: 1,
    value: BROWSER_DEFAULTS.replicates,
    'data-testid': 'pm-replicates',
  });
  const seed = h('input', {
    id: 'pm-seed',
    type: 'number',
    min: 0,
    step: 1,
    value: Number(BASE_PROGRAMME.seed),
    'data-testid': 'pm-seed',
  });
  const runProblem = problemSlot('pm-run-problem');
  for (const c of [communities, replicates, seed]) runProblem.attach(c);
  const scaleNote = h('p', { class: 'caveat', 'data-testid': 'pm-scale' });
  const go = h('button', { type: 'button', class: 'primary', i18n: 'pmRun', 'data-testid': 'pm-run' });
  const copy = h('button', { type: 'button', i18n: 'pmCopyAToB', 'data-testid': 'pm-copy' });
  const cancel = h('button', { type: 'button', i18n: 'cancel', disabled: true });
  const bar = h('progress', { max: 1, value: 0, 'data-testid': 'pm-progress-bar', class: 'pm-progress' });
  const progress = h('p', { class: 'muted', 'aria-live': 'polite', 'data-testid': 'pm-progress' });
  const stale = h('p', { class: 'muted', 'data-testid': 'pm-stale', hidden: true, i18n: 'pmStale' });

  const hooks = {
    seed: () => {
      const s = Number(seed.value);
      return Number.isInteger(s) && s >= 0 && s <= 4294967295 ? s : undefined;
    },
    onImport: (base: DesignBase) => {
      // the run's seed is the file's: what the command line runs for this file
      seed.value = String(base.file.seed);
      communities.max = String(maxCommunities());
    },
  };
  const designA = designPanel('a', 'pmDesignA', changed, hooks);
  const designB = designPanel('b', 'pmDesignB', changed, hooks);
  /** The most communities the run setting may ask for: the larger design's (each runs at most its own). */
  const maxCommunities = () =>
    Math.max(communityCount(designA.design().base.file), communityCount(designB.design().base.file));
  const summarySvg = svgEl('svg', { class: 'chart pm-summary', role: 'img', 'data-testid': 'pm-summary' });
  const cellsSvg = svgEl('svg', { class: 'chart pm-cells', role: 'img', 'data-testid': 'pm-cells' });
  const idle = [h('p', { class: 'muted pm-idle' }), h('p', { class: 'muted pm-idle' })];
  const measure = h('select', { id: 'pm-measure', 'data-testid': 'pm-measure' });
  measure.addEventListener('change', () => draw());

  body.append(
    h(
      'div',
      { class: 'filters' },
      h('label', { for: communities.id }, h('span', { i18n: 'pmCommunities' }), communities),
      h('label', { for: replicates.id }, h('span', { i18n: 'pmReplicates' }), replicates),
      h('label', { for: seed.id }, h('span', { i18n: 'seed' }), seed),
    ),
    runProblem.el,
    scaleNote,
    h('div', { class: 'pm-designs' }, designA.root, designB.root),
    h('div', { class: 'button-row' }, go, copy, cancel),
    h('div', { class: 'pm-progress-row' }, bar, progress),
    stale,
    h('h3', { i18n: 'pmSummaryTitle' }),
    h('p', { class: 'help', i18n: 'pmSummaryHelp' }),
    idle[0],
    summarySvg,
  );

  let runs: { A?: DesignRun; B?: DesignRun } = {};
  let diff: Record<string, Interval> | undefined;
  let generation = 0;
  let lastKey = '';
  /** Finished designs by what was run, so an unchanged design is not run again. */
  const cache = new Map<string, DesignRun>();

  function changed(): void {
    stale.hidden = !runs.A;
    showScale();
  }

  function settings(): { communities: number; replicates: number; seed: number } | undefined {
    const n = Number(communities.value);
    const r = Number(replicates.value);
    const s = Number(seed.value);
    const bad: string[] = [];
    const max = maxCommunities();
    if (!Number.isInteger(n) || n < 1 || n > max) bad.push(t('pmBadCommunities', { max }));
    if (!Number.isInteger(r) || r < 1 || r > MAX_REPLICATES)
      bad.push(t('pmBadReplicates', { max: MAX_REPLICATES }));
    if (!Number.isInteger(s) || s < 0 || s > 4294967295) bad.push(t('pmBadSeed'));
    runProblem.show(bad.length ? bad : undefined);
    return bad.length ? undefined : { communities: n, replicates: r, seed: s };
  }

  function showScale(): void {
    const s = settings();
    if (!s) return;
    designA.setRunCount(s.communities);
    designB.setRunCount(s.communities);
    const a = designA.check();
    const b = designB.check();
    if (!a.ok) return;
    const scale = browserScale(a.spec, s.communities);
    const other = b.ok ? browserScale(b.spec, s.communities) : undefined;
    const same = (p: BrowserScale, q: BrowserScale) =>
      p.communities === q.communities && p.of === q.of && p.budget === q.budget && p.agencies === q.agencies;
    scaleNote.textContent =
      t('pmScale', {
        n: scale.communities,
        of: scale.of,
        budget: formatYuan(scale.budget),
        agencies: scale.agencies,
        r: s.replicates,
      }) +
      (other && !same(scale, other)
        ? `${lang() === 'zh' ? '' : ' '}${t('pmScaleB', { n: other.communities, of: other.of, budget: formatYuan(other.budget), agencies: other.agencies })}`
        : '');
  }
  for (const c of [communities, replicates, seed]) c.addEventListener('change', showScale);

  async function runDesign(
    spec: ProgrammeSpec,
    base: DesignBase,
    n: number,
    seeds: number[],
    onWeeks: (delta: number) => void,
    gen: number,
  ): Promise<DesignRun | undefined> {
    const key = JSON.stringify({ spec, base: base.key, n, seeds });
    const hit = cache.get(key);
    if (hit) {
      onWeeks(hit.programme.weeks * seeds.length);
      return hit;
    }
    const programme = browserProgramme(spec, n, base);
    const outputs: ReplicateResult[] = await Promise.all(
      seeds.map((s) => {
        let last = 0;
        const onWeek = Comlink.proxy((week: number) => {
          if (gen !== generation) return;
          onWeeks(week - last);
          last = week;
        });
        // a job of a run since replaced or cancelled is skipped when its turn comes (the pool's
        // queue is shared with the other views, so it is not cleared)
        return pool.run((api) =>
          gen === generation
            ? api.programmeReplicateWithProgress(programme, s, onWeek)
            : Promise.reject(new Error('cancelled')),
        );
      }),
    );
    if (gen !== generation) return undefined;
    const result = summariseProgramme(programme, outputs);
    // per community and week, the mean over the replicates
    const mean = (get: (row: ReplicateResult['rows'][number], w: number) => number) =>
      programme.members.map((_, c) =>
        Array.from(
          { length: programme.weeks + 1 },
          (_, w) => outputs.reduce((sum, o) => sum + get(o.rows[c], w), 0) / outputs.length,
        ),
      );
    const run = {
      programme,
      result,
      strength: mean((row, w) => row.weekly.strength[w]),
      volunteers: mean((row, w) => row.weekly.volunteers[w] / row.residents),
    };
    cache.set(key, run);
    if (cache.size > 6) cache.delete(cache.keys().next().value as string);
    return run;
  }

  // the status line, kept as a function of the language so that switching language re-words it
  let status: () => string = () => '';
  const setStatus = (f: () => string) => {
    status = f;
    progress.textContent = f();
  };

  async function start(): Promise<void> {
    const a = designA.check();
    const b = designB.check();
    const s = settings();
    if (!a.ok || !b.ok || !s) {
      setStatus(() => t('pmFixFirst'));
      return;
    }
    const gen = ++generation;
    const seeds = replicateSeeds(s.seed, s.replicates);
    const specA = { ...a.spec, seed: s.seed };
    const specB = { ...b.spec, seed: s.seed };
    const baseA = designA.design().base;
    const baseB = designB.design().base;
    // the weeks every design runs, for the progress bar
    const total = (specA.weeks + specB.weeks) * seeds.length;
    let done = 0;
    let pending = false;
    let finished = false;
    const show = () => {
      bar.value = done / total;
      const pct = Math.floor((100 * done) / total);
      setStatus(() => t('pmProgress', { pct, r: seeds.length * 2, workers: pool.size }));
    };
    const onWeeks = (delta: number) => {
      done += delta;
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        if (gen === generation && !finished) show();
      });
    };
    runs = {};
    diff = undefined;
    cancel.disabled = false;
    go.disabled = true;
    stale.hidden = true;
    show();
    draw();
    try {
      const [ra, rb] = await Promise.all([
        runDesign(specA, baseA, s.communities, seeds, onWeeks, gen),
        runDesign(specB, baseB, s.communities, seeds, onWeeks, gen),
      ]);
      if (gen !== generation || !ra || !rb) return;
      runs = { A: ra, B: rb };
      diff = pairedDifferences(ra.result, rb.result);
      lastKey = JSON.stringify([specA, specB, s]);
      done = total;
      finished = true;
      show();
      const n = ra.result.communities;
      setStatus(() => t('pmDone', { r: seeds.length, n }));
      draw();
    } catch (e) {
      if (gen === generation) setStatus(() => `${t('pmFailed')} ${(e as Error).message}`);
    } finally {
      if (gen === generation) {
        cancel.disabled = true;
        go.disabled = false;
      }
    }
  }

  go.addEventListener('click', () => void start());
  copy.addEventListener('click', () => {
    designB.copyFrom(designA.design());
    changed();
  });
  cancel.addEventListener('click', () => {
    generation++;
    cancel.disabled = true;
    go.disabled = false;
    setStatus(() => t('pmCancelled'));
    draw();
  });

  /** Draws the figures; before the first results, a line saying what to do (or that it is running). */
  function draw(): void {
    const empty = !runs.A && !runs.B;
    for (const p of idle) {
      p.hidden = !empty;
      p.textContent = t(go.disabled ? 'running' : 'pmIdle');
    }
    summarySvg.style.display = empty ? 'none' : '';
    cellsSvg.style.display = empty ? 'none' : '';
    if (empty) return;
    drawSummary(summarySvg, runs.A?.result, runs.B?.result, diff);
    drawCommunities(cellsSvg, runs, measure.value as CellMeasure);
  }

  const fileOf = (d: ReturnType<typeof designA.design>) => designFile(d.values, d.base.file);
  const summary = () => summaryCsv(runs, diff);
  const communityRows = () => communitiesCsv(runs);
  const json = () =>
    runs.A && runs.B
      ? {
          run: lastKey ? JSON.parse(lastKey)[2] : undefined,
          designs: { A: fileOf(designA.design()), B: fileOf(designB.design()) },
          seeds: runs.A.result.seeds,
          A: { ...runs.A.result, replicates: undefined },
          B: { ...runs.B.result, replicates: undefined },
          differences: diff,
        }
      : undefined;

  section.append(
    exportBar({ name: () => 'programme-summary', svg: () => summarySvg, csv: summary, json }),
    h('h3', { i18n: 'pmCellsTitle' }),
    h('p', { class: 'help', i18n: 'pmCellsHelp' }),
    h('label', { for: measure.id, class: 'field inline' }, h('span', { i18n: 'pmMeasure' }), measure),
    idle[1],
    cellsSvg,
    exportBar({ name: () => 'programme-communities', svg: () => cellsSvg, csv: communityRows, json }),
  );

  function relabel(): void {
    const keep = measure.value || 'strength';
    measure.replaceChildren(...CELL_MEASURES.map((m) => h('option', { value: m }, t(`pmMeasure.${m}`))));
    measure.value = keep;
    summarySvg.setAttribute('aria-label', t('pmSummaryTitle'));
    cellsSvg.setAttribute('aria-label', t('pmCellsTitle'));
    designA.relabel();
    designB.relabel();
    progress.textContent = status();
    showScale();
    draw();
  }
  relabel();
  return { section, relabel };
}
