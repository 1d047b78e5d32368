import * as d3 from 'd3';
import type { Interval, ProgrammeResult } from '../../src/batch/programme.ts';
import type { Programme } from '../../src/model/programmeCommunities.ts';
import { type Key, t } from '../i18n/index.ts';
import { OKABE_ITO } from '../palette.ts';

/**
 * A design's run in the browser: the programme as run, its result over the replicates, and per
 * community and week (means over the replicates) its mean strength and its active volunteers per
 * resident.
 */
export interface DesignRun {
  programme: Programme;
  result: ProgrammeResult;
  strength: number[][];
  volunteers: number[][];
}

/** What the small multiples draw per community and week. */
export const CELL_MEASURES = ['strength', 'volunteers'] as const;
export type CellMeasure = (typeof CELL_MEASURES)[number];

export const DESIGN_COLOUR = { A: OKABE_ITO.blue, B: OKABE_ITO.vermillion } as const;

type Format = 'pct' | 'int' | 'yuan' | 'ratio' | 'index';
/** The summary figure's metrics (names from src/analysis/programmeMetrics.ts) and how each is written. */
export const SUMMARY_METRICS: ReadonlyArray<{ name: string; format: Format }> = [
  { name: 'improvedShare', format: 'pct' },
  { name: 'helpedShare', format: 'pct' },
  { name: 'fullLinkageShare', format: 'pct' },
  { name: 'worstDecileImproved', format: 'pct' },
  { name: 'giniImproved', format: 'index' },
  { name: 'atFundingEnd.strength', format: 'index' },
  { name: 'atEnd.strength', format: 'index' },
  { name: 'atEnd.volunteers', format: 'int' },
  { name: 'remain.volunteers', format: 'ratio' },
  { name: 'yuanPerResidentImproved', format: 'yuan' },
];

export function formatValue(v: number | null, format: Format, signed = false): string {
  if (v === null || !Number.isFinite(v)) return '–';
  const sign = signed && v > 0 ? '+' : '';
  switch (format) {
    case 'pct':
      return sign + d3.format('.1%')(v);
    case 'int':
    case 'yuan':
      return sign + d3.format(',.0f')(v);
    case 'ratio':
      return sign + d3.format('.2f')(v);
    default:
      return sign + d3.format('.3f')(v);
  }
}

const interval = (i: Interval | undefined, format: Format, signed = false) =>
  !i || i.mean === null
    ? '–'
    : i.lo === null || i.hi === null
      ? formatValue(i.mean, format, signed)
      : `${formatValue(i.mean, format, signed)} [${formatValue(i.lo, format, signed)}, ${formatValue(i.hi, format, signed)}]`;

const SW = 980;
const ROW = 40;
const LABEL_W = 280;
const PLOT_W = 230;
/** Where the columns of A's and B's means and of the difference begin. */
const COL = { A: 540, B: 660, diff: 770 } as const;
const TOP = 34;

/** Each metric's mean and 95% interval for design A and B on one small scale, their means, and B − A paired over the common seeds. */
export function drawSummary(
  svg: SVGSVGElement,
  a: ProgrammeResult | undefined,
  b: ProgrammeResult | undefined,
  diff: Record<string, Interval> | undefined,
): void {
  const root = d3.select(svg);
  root.selectAll('*').remove();
  const metrics = SUMMARY_METRICS.filter((m) => a?.summary[m.name] ?? b?.summary[m.name]);
  const height = TOP + Math.max(1, metrics.length) * ROW + 16;
  svg.setAttribute('viewBox', `0 0 ${SW} ${height}`);
  if (!a && !b) {
    root.append('text').attr('class', 'muted-text').attr('x', 10).attr('y', 26).text(t('pmIdle'));
    return;
  }
  const head = root.append('g').attr('class', 'pm-head');
  head.append('text').attr('x', 10).attr('y', 20).attr('class', 'block-title').text(t('pmMetric'));
  (['A', 'B'] as const).forEach((d) => {
    const g = head.append('g').attr('transform', `translate(${COL[d] + 6},20)`);
    g.append('circle').attr('r', 6).attr('cy', -5).attr('fill', DESIGN_COLOUR[d]);
    g.append('text')
      .attr('x', 12)
      .attr('class', 'legend-text')
      .text(t(d === 'A' ? 'pmDesignA' : 'pmDesignB'));
  });
  head.append('text').attr('x', COL.diff).attr('y', 20).attr('class', 'block-title').text(t('pmDifference'));
  metrics.forEach((m, k) => {
    const y = TOP + k * ROW;
    const g = root.append('g').attr('transform', `translate(0,${y})`).attr('data-metric', m.name);
    if (k % 2 === 0) g.append('rect').attr('class', 'pm-stripe').attr('width', SW).attr('height', ROW);
    g.append('text')
      .attr('x', 10)
      .attr('y', ROW / 2 + 5)
      .text(t(`pmMetric.${m.name}` as Key));
    const ia = a?.summary[m.name];
    const ib = b?.summary[m.name];
    const values = [ia, ib]
      .flatMap((i) => (i ? [i.mean, i.lo, i.hi] : []))
      .filter((v) => v !== null) as number[];
    if (!values.length) return;
    let [lo, hi] = d3.extent(values) as [number, number];
    if (m.format === 'pct' || m.format === 'index') lo = Math.min(lo, hi - 0.01);
    const pad = (hi - lo || Math.abs(hi) || 1) * 0.15;
    const x = d3
      .scaleLinear()
      .domain([lo - pad, hi + pad])
      .range([LABEL_W + 10, LABEL_W + PLOT_W]);
    g.append('line')
      .attr('class', 'track')
      .attr('x1', LABEL_W + 10)
      .attr('x2', LABEL_W + PLOT_W)
      .attr('y1', ROW / 2)
      .attr('y2', ROW / 2);
    (
      [
        ['A', ia, -6],
        ['B', ib, 6],
      ] as const
    ).forEach(([d, i, dy]) => {
      if (!i || i.mean === null) return;
      const cy = ROW / 2 + dy;
      if (i.lo !== null && i.hi !== null)
        g.append('line')
          .attr('x1', x(i.lo))
          .attr('x2', x(i.hi))
          .attr('y1', cy)
          .attr('y2', cy)
          .attr('stroke', DESIGN_COLOUR[d])
          .attr('stroke-width', 2.5);
      g.append('circle')
        .attr('cx', x(i.mean))
        .attr('cy', cy)
        .attr('r', 5)
        .attr('fill', DESIGN_COLOUR[d])
        .append('title')
        .text(`${t(d === 'A' ? 'pmDesignA' : 'pmDesignB')}: ${interval(i, m.format)}`);
    });
    for (const [d, i] of [
      ['A', ia],
      ['B', ib],
    ] as const)
      g.append('text')
        .attr('x', COL[d])
        .attr('y', ROW / 2 + 5)
        .attr('class', 'pm-value')
        .text(formatValue(i?.mean ?? null, m.format));
    g.append('text')
      .attr('x', COL.diff)
      .attr('y', ROW / 2 + 5)
      .attr('class', 'pm-diff')
      .text(interval(diff?.[m.name], m.format, true));
  });
}
