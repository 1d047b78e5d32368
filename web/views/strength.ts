import * as d3 from 'd3';
import { SERIES_COLUMNS } from '../../src/engine/reporters.ts';
import { ELEMENTS } from '../../src/model/elements.ts';
import { svgEl } from '../dom.ts';
import { exportBar, toCsv } from '../export.ts';
import { t } from '../i18n/index.ts';
import { ELEMENT_COLOUR } from '../palette.ts';
import { type RunState, strengthColumns, type View } from '../player.ts';
import { panel } from './panel.ts';

const W = 480;
const H = 360;
const M = { top: 16, right: 18, bottom: 104, left: 54 };

/** Draws five strength lines of a run into `g` (also used by the comparison's small multiples). */
export function drawStrengthLines(
  g: d3.Selection<SVGGElement, unknown, null, undefined>,
  series: ArrayLike<number>[],
  upTo: number,
  ticks: number,
  width: number,
  height: number,
  withAxes = true,
): void {
  const x = d3.scaleLinear().domain([0, ticks]).range([0, width]);
  const y = d3.scaleLinear().domain([0, 1]).range([height, 0]);
  g.selectAll('*').remove();
  if (withAxes) {
    g.append('g')
      .attr('class', 'axis')
      .attr('transform', `translate(0,${height})`)
      .call(d3.axisBottom(x).ticks(Math.min(8, ticks)));
    g.append('g').attr('class', 'axis').call(d3.axisLeft(y).ticks(5));
    g.append('g')
      .attr('class', 'grid')
      .call(
        d3
          .axisLeft(y)
          .ticks(5)
          .tickSize(-width)
          .tickFormat(() => ''),
      );
  }
  const line = d3
    .line<number>()
    .x((_, i) => x(i))
    .y((d) => y(d));
  ELEMENTS.forEach((e, k) => {
    const values = Array.from(series[k]).slice(0, upTo + 1);
    g.append('path')
      .attr('class', `series s-${e}`)
      .attr('fill', 'none')
      .attr('stroke', ELEMENT_COLOUR[e])
      .attr('stroke-width', 3)
      .attr('stroke-dasharray', k % 2 ? '8 3' : null)
      .attr('d', line(values));
  });
}

/** Strength of the five elements week by week, with the scheduled interventions marked. */
export function strengthView(): { section: HTMLElement; view: View } {
  const { section, body } = panel('strength', 'strengthTitle');
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart strength', role: 'img' });
  body.append(svg);
  const root = d3.select(svg);
  const plot = root.append('g').attr('transform', `translate(${M.left},${M.top})`);
  const lines = plot.append('g');
  const marks = plot.append('g').attr('class', 'marks');
  const labels = root.append('g');
  const legend = root.append('g').attr('transform', `translate(${M.left - 20},${H - 44})`);
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  let run: RunState | undefined;

  function drawLabels(): void {
    labels.selectAll('*').remove();
    labels
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', M.left + iw / 2)
      .attr('y', M.top + ih + 40)
      .attr('text-anchor', 'middle')
      .text(t('axisWeek'));
    labels
      .append('text')
      .attr('class', 'axis-label')
      .attr('transform', `translate(14,${M.top + ih / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle')
      .text(t('axisStrength'));
    legend.selectAll('*').remove();
    ELEMENTS.forEach((e, k) => {
      const row = legend
        .append('g')
        .attr('transform', `translate(${(k % 3) * 142},${Math.floor(k / 3) * 26})`);
      row
        .append('line')
        .attr('x2', 26)
        .attr('y1', 0)
        .attr('y2', 0)
        .attr('stroke', ELEMENT_COLOUR[e])
        .attr('stroke-width', 3)
        .attr('stroke-dasharray', k % 2 ? '8 3' : null);
      row
        .append('text')
        .attr('class', 'legend-text')
        .attr('x', 32)
        .attr('y', 5)
        .text(t(`short.${e}`));
    });
  }

  function drawMarks(): void {
    if (!run) return;
    const x = d3.scaleLinear().domain([0, run.ticks]).range([0, iw]);
    marks.selectAll('*').remove();
    for (const iv of run.scenario.interventions) {
      const g = marks.append('g').attr('transform', `translate(${x(iv.tick)},0)`);
      g.append('line').attr('y1', 0).attr('y2', ih).attr('class', 'iv-line');
      g.append('title').text(`${t(`iv.${iv.type}`)} · ${t('weekN', { n: iv.tick })}`);
      g.append('text')
        .attr('class', 'iv-text')
        .attr('x', 3)
        .attr('y', 12)
        .text(t(`iv.${iv.type}`).slice(0, 14));
    }
  }

  /** Axes and empty lines once per run; each snapshot then only moves the five paths. */
  function draw(): void {
    if (!run) return;
    drawStrengthLines(lines, strengthColumns(run), run.tick, run.ticks, iw, ih);
  }

  function extend(): void {
    if (!run) return;
    const x = d3.scaleLinear().domain([0, run.ticks]).range([0, iw]);
    const y = d3.scaleLinear().domain([0, 1]).range([ih, 0]);
    const line = d3
      .line<number>()
      .x((_, i) => x(i))
      .y((d) => y(d));
    const tick = run.tick;
    const strength = strengthColumns(run);
    lines.selectAll<SVGPathElement, unknown>('path.series').each(function (_, k) {
      this.setAttribute('d', line(Array.from(strength[k].subarray(0, tick + 1))) ?? '');
    });
  }

  section.append(
    exportBar({
      name: () => `strength-${run?.file.id ?? 'run'}`,
      svg: () => svg,
      csv: () => {
        if (!run) return undefined;
        const rows = [];
        for (let k = 0; k <= run.tick; k++) rows.push([k, ...run.series.map((c) => c[k])]);
        return toCsv(['tick', ...SERIES_COLUMNS], rows);
      },
      json: () => {
        if (!run) return undefined;
        const out: Record<string, number[]> = { tick: Array.from({ length: run.tick + 1 }, (_, k) => k) };
        SERIES_COLUMNS.forEach((c, k) => {
          out[c] = Array.from(run!.series[k].subarray(0, run!.tick + 1));
        });
        return out;
      },
    }),
  );

  return {
    section,
    view: {
      reset(r) {
        run = r;
        drawLabels();
        drawMarks();
        draw();
      },
      update(r) {
        run = r;
        extend();
      },
      relabel(r) {
        run = r;
        drawLabels();
        drawMarks();
      },
    },
  };
}
