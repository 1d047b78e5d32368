import * as d3 from 'd3';
import {
  aggregateLandscape,
  type LandscapeCell,
  type LandscapePoint,
  landscapePoints,
} from '../../src/batch/landscape.ts';
import type { RunMetrics } from '../../src/batch/metrics.ts';
import { ELEMENTS, type ElementId, MODES } from '../../src/model/elements.ts';
import type { ScenarioFile } from '../../src/model/scenario.ts';
import { h, svgEl } from '../dom.ts';
import { exportBar, toCsv } from '../export.ts';
import { lang, t } from '../i18n/index.ts';
import { localiseIssue } from '../issues.ts';
import { MODE_COLOUR } from '../palette.ts';
import { problemSlot } from '../problem.ts';
import type { RunPool } from '../worker/pool.ts';
import { panel } from './panel.ts';

const W = 640;
const H = 600;
const M = { top: 20, right: 20, bottom: 150, left: 80 };

/**
 * The strength landscape: two starting strengths on a grid, several seeds per cell, each cell coloured
 * by the practice model that emerges most often; cells fill in as the pool of workers finishes runs.
 */
export function landscapeView(
  pool: RunPool,
  current: () => ScenarioFile,
): { section: HTMLElement; relabel: () => void } {
  const { section, body } = panel('landscape', 'landscapeTitle', 'landscapeHelp');
  const xSel = h('select', { id: 'land-x' });
  const ySel = h('select', { id: 'land-y' });
  const steps = h('input', { id: 'land-steps', type: 'number', min: 2, max: 15, step: 1, value: 6 });
  const reps = h('input', { id: 'land-reps', type: 'number', min: 1, max: 20, step: 1, value: 3 });
  const go = h('button', {
    type: 'button',
    class: 'primary',
    i18n: 'runLandscape',
    'data-testid': 'landscape-run',
  });
  const cancel = h('button', { type: 'button', i18n: 'cancel', disabled: true });
  const problem = problemSlot('landscape-problem');
  problem.attach(go);
  const progress = h('p', { class: 'muted', 'aria-live': 'polite', 'data-testid': 'landscape-progress' });
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart landscape', role: 'img' });
  body.append(
    h(
      'div',
      { class: 'filters' },
      h('label', { for: 'land-x' }, h('span', { i18n: 'xAxis' }), xSel),
      h('label', { for: 'land-y' }, h('span', { i18n: 'yAxis' }), ySel),
      h('label', { for: 'land-steps' }, h('span', { i18n: 'steps' }), steps),
      h('label', { for: 'land-reps' }, h('span', { i18n: 'replicates' }), reps),
    ),
    h('div', { class: 'button-row' }, go, cancel),
    problem.el,
    progress,
    svg,
    h('p', { class: 'help', i18n: 'landscapeKey' }),
  );

  let points: LandscapePoint[] = [];
  let results: (RunMetrics | undefined)[] = [];
  let cells: LandscapeCell[] = [];
  let axes: { x: ElementId; y: ElementId; steps: number } = { x: 'organizations', y: 'volunteers', steps: 6 };
  let generation = 0;
  let done = 0;
  let pendingDraw = false;

  function fillSelects(): void {
    const keep = [xSel.value || 'organizations', ySel.value || 'volunteers'];
    for (const sel of [xSel, ySel])
      sel.replaceChildren(...ELEMENTS.map((e) => h('option', { value: e }, t(`el.${e}`))));
    [xSel.value, ySel.value] = keep;
  }

  function scheduleDraw(): void {
    if (pendingDraw) return;
    pendingDraw = true;
    requestAnimationFrame(() => {
      pendingDraw = false;
      cells = aggregateLandscape(points, results);
      draw();
    });
  }

  function start(): void {
    const x = xSel.value as ElementId;
    const y = ySel.value as ElementId;
    const base = current();
    const n = Math.round(Number(steps.value));
    try {
      points = landscapePoints(base, {
        x: `initial.${x}`,
        y: `initial.${y}`,
        steps: n,
        replicates: Math.round(Number(reps.value)),
        seed: base.seed,
      });
    } catch (e) {
      problem.show(
        String((e as Error).message)
          .split('\n')
          .map((l) => localiseIssue(l, lang())),
        t('errorScenario'),
      );
      return;
    }
    problem.show(undefined);
    const gen = ++generation;
    pool.clear();
    axes = { x, y, steps: n };
    results = new Array(points.length);
    done = 0;
    cancel.disabled = false;
    scheduleDraw();
    points.forEach((p, i) => {
      void pool
        .run((api) => api.metrics(p.scenario))
        .then((m) => {
          if (gen !== generation) return;
          results[i] = m;
          done++;
          if (done === points.length) cancel.disabled = true;
          scheduleDraw();
        });
    });
  }

  go.addEventListener('click', start);
  cancel.addEventListener('click', () => {
    generation++;
    pool.clear();
    cancel.disabled = true;
    draw();
  });

  function draw(): void {
    const root = d3.select(svg);
    root.selectAll('*').remove();
    progress.textContent = points.length ? t('progress', { done, total: points.length }) : t('landscapeIdle');
    const iw = W - M.left - M.right;
    const ih = H - M.top - M.bottom;
    const plot = root.append('g').attr('transform', `translate(${M.left},${M.top})`);
    const n = axes.steps;
    const cw = iw / n;
    const chh = ih / n;
    const x = d3
      .scaleLinear()
      .domain([0, 1])
      .range([cw / 2, iw - cw / 2]);
    const y = d3
      .scaleLinear()
      .domain([0, 1])
      .range([ih - chh / 2, chh / 2]);
    // layers: cells, then the current scenario's ring, then the percentages (never covered by the ring)
    const cellLayer = plot.append('g');
    const markLayer = plot.append('g');
    const textLayer = plot.append('g');
    for (const c of cells) {
      const at = `translate(${c.ix * cw},${ih - (c.iy + 1) * chh})`;
      const g = cellLayer.append('g').attr('transform', at);
      const share = c.dominant ? c.share[c.dominant] : 0;
      g.append('rect')
        .attr('width', cw - 2)
        .attr('height', chh - 2)
        .attr('class', 'cell')
        .attr('fill', c.dominant ? MODE_COLOUR[c.dominant] : '#eeeeee')
        .attr('fill-opacity', c.dominant ? 0.35 + 0.65 * share : 1);
      if (c.dominant) {
        g.append('title').text(
          t('cellTitle', {
            x: t(`short.${axes.x}`),
            xv: c.x.toFixed(2),
            y: t(`short.${axes.y}`),
            yv: c.y.toFixed(2),
            mode: t(`mode.${c.dominant}`),
            share: d3.format('.0%')(share),
            n: c.n,
          }),
        );
        if (cw > 40)
          textLayer
            .append('text')
            .attr('transform', at)
            .attr('class', 'cell-text')
            .attr('x', cw / 2)
            .attr('y', chh / 2 + 5)
            .attr('text-anchor', 'middle')
            .text(d3.format('.0%')(share));
      }
    }
    const fmt = d3.format('.1f');
    plot
      .append('g')
      .attr('class', 'axis')
      .attr('transform', `translate(0,${ih})`)
      .call(
        d3
          .axisBottom(x)
          .ticks(5)
          .tickFormat((d) => fmt(d as number)),
      );
    plot
      .append('g')
      .attr('class', 'axis')
      .call(
        d3
          .axisLeft(y)
          .ticks(5)
          .tickFormat((d) => fmt(d as number)),
      );
    plot
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', iw / 2)
      .attr('y', ih + 38)
      .attr('text-anchor', 'middle')
      .text(t('startStrengthOf', { name: t(`el.${axes.x}`) }));
    plot
      .append('text')
      .attr('class', 'axis-label')
      .attr('transform', `translate(-52,${ih / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle')
      .text(t('startStrengthOf', { name: t(`el.${axes.y}`) }));
    const file = current();
    const mark = markLayer
      .append('g')
      .attr('transform', `translate(${x(file.initial[axes.x])},${y(file.initial[axes.y])})`);
    mark.append('circle').attr('r', 9).attr('class', 'current-mark');
    mark.append('title').text(t('currentScenario'));
    const legend = root.append('g').attr('transform', `translate(${M.left},${H - 76})`);
    MODES.forEach((m, k) => {
      const g = legend.append('g').attr('transform', `translate(${(k % 2) * 280},${Math.floor(k / 2) * 26})`);
      g.append('rect').attr('width', 16).attr('height', 16).attr('y', -12).attr('fill', MODE_COLOUR[m]);
      g.append('text')
        .attr('class', 'legend-text')
        .attr('x', 22)
        .attr('y', 1)
        .text(t(`mode.${m}`));
    });
    const cur = legend.append('g').attr('transform', 'translate(0,52)');
    cur.append('circle').attr('r', 7).attr('cx', 8).attr('cy', -4).attr('class', 'current-mark');
    cur.append('text').attr('class', 'legend-text').attr('x', 22).attr('y', 1).text(t('currentScenario'));
  }

  section.append(
    exportBar({
      name: () => `landscape-${axes.x}-${axes.y}`,
      svg: () => svg,
      csv: () =>
        toCsv(
          ['x', 'y', 'n', 'dominant', ...MODES.map((m) => `share.${m}`), 'meanAllInvolvedTick'],
          cells.map((c) => [
            c.x,
            c.y,
            c.n,
            c.dominant,
            ...MODES.map((m) => c.share[m]),
            c.meanAllInvolvedTick,
          ]),
        ),
      json: () => ({ x: `initial.${axes.x}`, y: `initial.${axes.y}`, cells }),
    }),
  );

  fillSelects();
  draw();
  return {
    section,
    relabel: () => {
      fillSelects();
      draw();
    },
  };
}
