/**
 * The strength landscape as an SVG map, drawn with D3: one cell per grid point, coloured by the
 * dominant pathway and shaded by the share of runs that took it, with the mean week by which all
 * five elements were involved written in each cell when the grid is small enough. Takes the
 * document to draw in (the browser's, or linkedom's in Node; `SvgHost` is the little of it that is
 * used), so it has no Node or DOM dependency of its own, and its declaration needs no DOM types.
 */
import { axisBottom, axisLeft, scaleLinear } from 'd3';
import { MODES } from '../model/elements.ts';
import type { LandscapeCell } from './landscape.ts';
import { MODE_COLOUR } from './palette.ts';
import { svgDocument, svgHeading, svgMarkup } from './svgDocument.ts';
import type { SvgHost } from './svgHost.ts';

export interface LandscapeSvgOptions {
  /** Path of the x field, e.g. `initial.volunteers`. */
  x: string;
  y: string;
  title?: string;
  subtitle?: string;
}

/** Values of an axis in grid order, from the cells. */
function axisValues(cells: readonly LandscapeCell[], key: 'x' | 'y', index: 'ix' | 'iy'): number[] {
  const values: number[] = [];
  for (const c of cells) values[c[index]] = c[key];
  return values;
}

/** Half the distance between neighbouring grid values (cells are drawn centred on their value). */
function half(values: readonly number[]): number {
  return values.length > 1 ? Math.abs(values[1] - values[0]) / 2 : 0.5;
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(3)));
}

/**
 * The strength landscape (cells from `aggregateLandscape`) as the markup of a standalone SVG file,
 * drawn in `doc`: the page's `document` in a browser, linkedom's in Node.
 */
export function landscapeSvg(
  cells: readonly LandscapeCell[],
  opts: LandscapeSvgOptions,
  doc: SvgHost,
): string {
  const width = 720;
  const height = 640;
  const margin = { top: 70, right: 190, bottom: 60, left: 80 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;

  const xs = axisValues(cells, 'x', 'ix');
  const ys = axisValues(cells, 'y', 'iy');
  const hx = half(xs);
  const hy = half(ys);
  const x = scaleLinear()
    .domain([Math.min(...xs) - hx, Math.max(...xs) + hx])
    .range([0, plotW]);
  const y = scaleLinear()
    .domain([Math.min(...ys) - hy, Math.max(...ys) + hy])
    .range([plotH, 0]);

  const svg = svgDocument(doc, width, height);
  svgHeading(svg, margin.left, opts.title ?? 'Strength landscape: which pathway emerges', opts.subtitle);

  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  const cellW = Math.abs(x(xs[0] + hx) - x(xs[0] - hx));
  const cellH = Math.abs(y(ys[0] - hy) - y(ys[0] + hy));
  const labels = xs.length <= 15 && ys.length <= 15;

  const cell = plot
    .selectAll('g.cell')
    .data(cells)
    .join('g')
    .attr('class', 'cell')
    .attr('transform', (c) => `translate(${x(c.x - hx)},${y(c.y + hy)})`);
  cell
    .append('rect')
    .attr('width', cellW)
    .attr('height', cellH)
    .attr('fill', (c) => (c.dominant ? MODE_COLOUR[c.dominant] : '#eeeeee'))
    // shade: the share of runs in the dominant pathway (a clear winner is solid)
    .attr('fill-opacity', (c) => (c.dominant ? (0.25 + 0.75 * c.share[c.dominant]).toFixed(3) : '1'))
    .attr('stroke', '#ffffff')
    .attr('stroke-width', 1)
    .append('title')
    .text(
      (c) =>
        `${opts.x} = ${fmt(c.x)}, ${opts.y} = ${fmt(c.y)}: ` +
        (c.n === 0
          ? 'no runs'
          : `${c.dominant} (${MODES.map((m) => `${m} ${Math.round(100 * c.share[m])}%`).join(', ')}; ${c.n} runs)` +
            (c.meanAllInvolvedTick === null
              ? '; never all five involved'
              : `; all five involved by week ${Math.round(c.meanAllInvolvedTick)} on average`)),
    );
  if (labels)
    cell
      .append('text')
      .attr('x', cellW / 2)
      .attr('y', cellH / 2)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'middle')
      .attr('font-size', Math.max(8, Math.min(12, cellW / 3.2)))
      .attr('fill', '#1b1f24')
      .text((c) =>
        c.meanAllInvolvedTick === null ? (c.n > 0 ? '–' : '') : String(Math.round(c.meanAllInvolvedTick)),
      );

  const ticks = (values: readonly number[]) =>
    values.length <= 11 ? [...values] : values.filter((_, i) => i % Math.ceil(values.length / 10) === 0);
  plot
    .append('g')
    .attr('transform', `translate(0,${plotH})`)
    .call(
      axisBottom(x)
        .tickValues(ticks(xs))
        .tickFormat((v) => fmt(Number(v))),
    );
  plot.append('g').call(
    axisLeft(y)
      .tickValues(ticks(ys))
      .tickFormat((v) => fmt(Number(v))),
  );
  plot
    .append('text')
    .attr('x', plotW / 2)
    .attr('y', plotH + 44)
    .attr('text-anchor', 'middle')
    .attr('font-size', 13)
    .text(opts.x);
  plot
    .append('text')
    .attr('transform', `translate(${-56},${plotH / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('font-size', 13)
    .text(opts.y);

  const legend = svg.append('g').attr('transform', `translate(${width - margin.right + 24},${margin.top})`);
  legend.append('text').attr('font-weight', 'bold').text('Dominant pathway');
  const item = legend
    .selectAll('g.mode')
    .data(MODES)
    .join('g')
    .attr('class', 'mode')
    .attr('transform', (_, i) => `translate(0,${18 + i * 22})`);
  item
    .append('rect')
    .attr('width', 16)
    .attr('height', 16)
    .attr('fill', (m) => MODE_COLOUR[m]);
  item
    .append('text')
    .attr('x', 24)
    .attr('y', 12)
    .text((m) => m);
  const notes = [
    'Shade: share of runs',
    'in the dominant pathway.',
    ...(labels ? ['Number: mean week by', 'which all five elements', 'were involved (– never).'] : []),
  ];
  legend
    .append('g')
    .attr('transform', `translate(0,${18 + MODES.length * 22 + 16})`)
    .attr('fill', '#444')
    .attr('font-size', 11)
    .selectAll('text')
    .data(notes)
    .join('text')
    .attr('y', (_, i) => i * 15)
    .text((t) => t);

  return svgMarkup(svg);
}
