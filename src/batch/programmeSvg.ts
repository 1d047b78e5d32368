/**
 * Designs of a programme side by side as an SVG chart, drawn with D3: one panel per metric, one
 * row per design, its mean as a dot and its 95% interval over replicates as a bar. Takes the
 * `document` to draw in (the browser's, or linkedom's in Node), as landscapeSvg.ts does.
 */
import { axisBottom, scaleLinear } from 'd3';
import { OKABE_ITO } from './palette.ts';
import type { ProgrammeResult } from './programme.ts';
import { svgDocument, svgMarkup } from './svgDocument.ts';

/** Okabe & Ito colours for the designs, in order. */
const COLOURS = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.yellow,
  OKABE_ITO.black,
];

/** The metrics drawn by default, with their labels. */
export const COMPARE_METRICS: readonly { name: string; label: string }[] = [
  { name: 'improvedShare', label: 'share of residents improved' },
  { name: 'fullLinkageShare', label: 'share of communities at full linkage' },
  { name: 'yuanPerResidentImproved', label: 'yuan per resident improved' },
  { name: 'atEnd.volunteers', label: 'volunteers at the end' },
  { name: 'atEnd.strength', label: 'mean strength at the end' },
  { name: 'worstDecileImproved', label: 'improved, worst-off tenth of communities' },
];

export function programmeCompareSvg(
  designs: readonly { name: string; result: ProgrammeResult }[],
  doc: Document,
  metrics: readonly { name: string; label: string }[] = COMPARE_METRICS,
  title = 'Programme designs compared',
): string {
  const panelW = 300;
  const rowH = 22;
  const panelH = 40 + designs.length * rowH + 30;
  const labelW = 170;
  const cols = 2;
  const rows = Math.ceil(metrics.length / cols);
  const width = labelW + cols * (panelW + 30);
  const height = 70 + rows * panelH;
  const svg = svgDocument(doc, width, height, 11);
  svg
    .append('text')
    .attr('x', 12)
    .attr('y', 24)
    .attr('font-size', 15)
    .attr('font-weight', 'bold')
    .text(title);
  const seeds = designs[0]?.result.seeds.length ?? 0;
  svg
    .append('text')
    .attr('x', 12)
    .attr('y', 44)
    .attr('fill', '#555')
    .text(`mean and 95% interval over ${seeds} replicate seeds (the same seeds for every design)`);
  metrics.forEach((metric, m) => {
    const x0 = labelW + (m % cols) * (panelW + 30);
    const y0 = 60 + Math.floor(m / cols) * panelH;
    const values = designs.flatMap((d) => {
      const i = d.result.summary[metric.name];
      return [i?.lo, i?.hi, i?.mean].filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    });
    const lo = Math.min(0, ...values);
    const hi = Math.max(...values, lo + 1e-9);
    const x = scaleLinear().domain([lo, hi]).nice().range([0, panelW]);
    const g = svg.append('g').attr('transform', `translate(${x0},${y0})`);
    g.append('text').attr('y', 12).attr('font-weight', 'bold').text(metric.label);
    designs.forEach((d, k) => {
      const i = d.result.summary[metric.name];
      const y = 30 + k * rowH;
      const colour = COLOURS[k % COLOURS.length];
      if (m % cols === 0)
        svg
          .append('text')
          .attr('x', 12)
          .attr('y', y0 + y + 4)
          .attr('fill', colour)
          .text(d.name.length > 26 ? `${d.name.slice(0, 25)}…` : d.name);
      if (!i || i.mean === null) return;
      if (i.lo !== null && i.hi !== null)
        g.append('line')
          .attr('x1', x(i.lo))
          .attr('x2', x(i.hi))
          .attr('y1', y)
          .attr('y2', y)
          .attr('stroke', colour)
          .attr('stroke-width', 2);
      g.append('circle').attr('cx', x(i.mean)).attr('cy', y).attr('r', 4).attr('fill', colour);
    });
    g.append('g')
      .attr('transform', `translate(0,${30 + designs.length * rowH})`)
      .call(axisBottom(x).ticks(5));
  });
  return svgMarkup(svg);
}
