import * as d3 from 'd3';
import { MODES, type ModeId } from '../../src/model/elements.ts';
import { t } from '../i18n/index.ts';
import { MODE_COLOUR } from '../palette.ts';
import { type CellMeasure, DESIGN_COLOUR, type DesignRun, formatValue } from './programmeSummary.ts';

const SW = 980;
const CELL_W = 124;
const CELL_H = 112;
const IN = { left: 8, top: 26, right: 8, bottom: 26 };

/** The layout of the small multiples: side by side when both grids fit, else one above the other. */
function layout(n: number): { cols: number; rows: number; sideBySide: boolean } {
  if (n <= 16) {
    const cols = Math.min(4, n);
    return { cols, rows: Math.ceil(n / cols), sideBySide: true };
  }
  const cols = Math.min(8, Math.ceil(n / Math.ceil(n / 8)));
  return { cols, rows: Math.ceil(n / cols), sideBySide: false };
}

/**
 * The communities as small multiples, one grid per design: each community's mean strength (or its
 * active volunteers per resident, on a scale common to all cells) over the horizon (design B's cells also show design A's line, dashed), the weeks after the money shaded,
 * the frame in the colour of the community's pathway, a badge when it reached full linkage in most
 * replicates, and the share of its residents improved (marked ▼ in the worst-off tenth).
 */
export function drawCommunities(
  svg: SVGSVGElement,
  runs: { A?: DesignRun; B?: DesignRun },
  measure: CellMeasure = 'strength',
): void {
  const root = d3.select(svg);
  root.selectAll('*').remove();
  const n = Math.max(runs.A?.result.communities ?? 0, runs.B?.result.communities ?? 0);
  if (!n) {
    svg.setAttribute('viewBox', `0 0 ${SW} 40`);
    root.append('text').attr('class', 'muted-text').attr('x', 10).attr('y', 26).text(t('pmIdle'));
    return;
  }
  const { cols, rows, sideBySide } = layout(n);
  const gridW = cols * CELL_W;
  const gridH = 30 + rows * CELL_H;
  const width = sideBySide ? gridW * 2 + 40 : gridW;
  const legendY = sideBySide ? gridH + 10 : gridH * 2 + 32;
  svg.setAttribute('viewBox', `0 0 ${Math.max(width, 720)} ${legendY + 64}`);
  // one scale for every cell of both designs: strength 0–1, volunteers up to the largest share
  const top =
    measure === 'strength'
      ? 1
      : Math.max(0.01, ...(['A', 'B'] as const).flatMap((d) => runs[d]?.volunteers.flat() ?? []));
  (['A', 'B'] as const).forEach((d, k) => {
    const run = runs[d];
    const gx = sideBySide ? k * (gridW + 40) : 0;
    const gy = sideBySide ? 0 : k * (gridH + 20);
    const grid = root.append('g').attr('transform', `translate(${gx},${gy})`).attr('data-design', d);
    grid
      .append('text')
      .attr('class', 'facet-title')
      .attr('x', 2)
      .attr('y', 20)
      .attr('fill', DESIGN_COLOUR[d])
      .text(t(d === 'A' ? 'pmDesignA' : 'pmDesignB'));
    if (!run) {
      grid.append('text').attr('class', 'muted-text').attr('x', 2).attr('y', 50).text(t('running'));
      return;
    }
    const { weeks, fundingWeeks } = run.result;
    const pw = CELL_W - 6 - IN.left - IN.right;
    const ph = CELL_H - 6 - IN.top - IN.bottom;
    const x = d3.scaleLinear().domain([0, weeks]).range([0, pw]);
    const y = d3.scaleLinear().domain([0, top]).range([ph, 0]);
    const line = d3
      .line<number>()
      .x((_, i) => x(i))
      .y((v) => y(v));
    // the communities left behind: the worst-off tenth by share of residents improved (at least one)
    const shares = run.result.perCommunity.map((c) => c.improvedShare.mean ?? 0);
    const cut = [...shares].sort((p, q) => p - q)[Math.max(0, Math.ceil(shares.length / 10) - 1)];
    run.result.perCommunity.forEach((c, i) => {
      const behind = shares[i] <= cut;
      const cell = grid
        .append('g')
        .attr('class', 'pm-cell')
        .attr('data-testid', `pm-cell-${d}`)
        .attr('data-mode', c.mode)
        .attr('data-full', String((c.fullLinkage.mean ?? 0) >= 0.5))
        .attr('data-behind', String(behind))
        .attr('transform', `translate(${(i % cols) * CELL_W},${30 + Math.floor(i / cols) * CELL_H})`);
      const mode = c.mode as ModeId;
      cell
        .append('rect')
        .attr('class', 'pm-frame')
        .attr('width', CELL_W - 6)
        .attr('height', CELL_H - 6)
        .attr('rx', 4)
        .attr('stroke', MODE_COLOUR[mode])
        .attr('fill', MODE_COLOUR[mode])
        .attr('fill-opacity', 0.07);
      cell
        .append('text')
        .attr('class', 'pm-cell-name')
        .attr('x', IN.left)
        .attr('y', 19)
        .text(`#${i + 1}`);
      if ((c.fullLinkage.mean ?? 0) >= 0.5) {
        const badge = cell.append('g').attr('transform', `translate(${CELL_W - 6 - 50},5)`);
        badge.append('rect').attr('class', 'pm-badge').attr('width', 46).attr('height', 18).attr('rx', 9);
        badge
          .append('text')
          .attr('class', 'pm-badge-text')
          .attr('x', 23)
          .attr('y', 14)
          .attr('text-anchor', 'middle')
          .text(t('pmBadge'));
      }
      const plot = cell.append('g').attr('transform', `translate(${IN.left},${IN.top})`);
      plot
        .append('rect')
        .attr('class', 'pm-after')
        .attr('x', x(fundingWeeks))
        .attr('width', Math.max(0, pw - x(fundingWeeks)))
        .attr('height', ph);
      plot.append('line').attr('class', 'pm-axis').attr('x1', 0).attr('x2', pw).attr('y1', ph).attr('y2', ph);
      // design A's line for comparison, when both designs have the same horizon
      if (d === 'B' && runs.A?.[measure][i]?.length === run[measure][i].length)
        plot.append('path').attr('class', 'pm-line-ref').attr('d', line(runs.A[measure][i]));
      plot
        .append('path')
        .attr('class', 'pm-line')
        .attr('stroke', DESIGN_COLOUR[d])
        .attr('d', line(run[measure][i]))
        .attr('data-measure', measure);
      cell
        .append('text')
        .attr('class', behind ? 'pm-cell-outcome pm-behind' : 'pm-cell-outcome')
        .attr('x', IN.left)
        .attr('y', CELL_H - 13)
        .text(
          `${behind ? '▼ ' : ''}${t('pmImprovedShort', { v: formatValue(c.improvedShare.mean, 'pct') })}`,
        );
      cell.append('title').text(
        t('pmCellTitle', {
          n: i + 1,
          residents: c.residents.toLocaleString(),
          yuan: d3.format(',.0f')(c.budget),
          mode: t(`mode.${mode}`),
          share: d3.format('.0%')(c.modeShare),
          full: d3.format('.0%')(c.fullLinkage.mean ?? 0),
          improved: formatValue(c.improvedShare.mean, 'pct'),
        }),
      );
    });
  });
  drawLegend(root.append('g').attr('transform', `translate(2,${legendY})`));
}

type G = d3.Selection<SVGGElement, unknown, null, undefined>;

/** A row of legend items, each a mark drawn by `draw` and its label. */
function legendRow(g: G, items: Array<[(s: G) => void, string]>): void {
  let x = 0;
  for (const [draw, label] of items) {
    const s = g.append('g').attr('transform', `translate(${x},0)`);
    draw(s);
    const text = s.append('text').attr('class', 'legend-text').attr('x', 22).attr('y', 12).text(label);
    x += 34 + (text.node()?.getComputedTextLength?.() || label.length * 8);
  }
}

function drawLegend(g: G): void {
  legendRow(
    g,
    MODES.map((m) => [
      (s: G) =>
        s
          .append('rect')
          .attr('width', 16)
          .attr('height', 14)
          .attr('rx', 3)
          .attr('fill', 'none')
          .attr('stroke', MODE_COLOUR[m])
          .attr('stroke-width', 3),
      t(`mode.${m}`),
    ]),
  );
  legendRow(g.append('g').attr('transform', 'translate(0,28)'), [
    [
      (s) => s.append('rect').attr('class', 'pm-after').attr('width', 16).attr('height', 14),
      t('pmAfterFunding'),
    ],
    [
      (s) => s.append('rect').attr('class', 'pm-badge').attr('width', 16).attr('height', 14).attr('rx', 7),
      t('pmBadgeKey'),
    ],
    [
      (s) => s.append('text').attr('class', 'pm-behind').attr('x', 2).attr('y', 12).text('▼'),
      t('pmBehindKey'),
    ],
    [
      (s) =>
        s
          .append('line')
          .attr('class', 'pm-line-ref')
          .attr('x1', 0)
          .attr('x2', 16)
          .attr('y1', 7)
          .attr('y2', 7),
      t('pmRefKey'),
    ],
  ]);
}
