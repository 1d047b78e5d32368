/**
 * The charts of `wushe discover`, drawn with D3 into a `document` the caller passes (linkedom's in
 * Node, the browser's in a page), as src/batch/landscapeSvg.ts does: trajectory.svg (coverage
 * against density along each box's peeling trajectory, points coloured by how many inputs the box
 * restricts, the chosen boxes ringed) and box.svg (each chosen box's limits against each input's
 * whole range, with the quasi-p values). Pure: no Node or DOM API of its own.
 */
import { axisBottom, axisLeft, interpolateViridis, scaleLinear } from 'd3';
import { svgDocument, svgHeading, svgMarkup } from '../svgDocument.ts';
import type { Discovery } from './boxes.ts';
import type { InputSpec } from './ensemble.ts';
import { limitText, short } from './report.ts';

/** Colour for a number of restricted inputs (0 … most), from the viridis scale. */
function restrictedColour(most: number): (k: number) => string {
  return (k) => interpolateViridis(most > 0 ? 0.9 * (1 - k / most) : 0.5);
}

export interface DiscoverSvgOptions {
  title?: string;
  subtitle?: string;
}

/** The coverage–density trade-off of each box's trajectory. */
export function trajectorySvg(d: Discovery, opts: DiscoverSvgOptions, doc: Document): string {
  const width = 720;
  const height = 560;
  const margin = { top: 70, right: 180, bottom: 56, left: 64 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const svg = svgDocument(doc, width, height);
  svgHeading(svg, margin.left, opts.title ?? 'Peeling trajectory: coverage against density', opts.subtitle);
  const x = scaleLinear().domain([0, 1]).range([0, plotW]);
  const y = scaleLinear().domain([0, 1]).range([plotH, 0]);
  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  plot.append('g').attr('transform', `translate(0,${plotH})`).call(axisBottom(x).ticks(5));
  plot.append('g').call(axisLeft(y).ticks(5));
  plot
    .append('text')
    .attr('x', plotW / 2)
    .attr('y', plotH + 42)
    .attr('text-anchor', 'middle')
    .attr('font-size', 13)
    .text('coverage (share of all cases of interest inside the box)');
  plot
    .append('text')
    .attr('transform', `translate(-44,${plotH / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('font-size', 13)
    .text('density (share of the box’s cases of interest)');

  const most = Math.max(0, ...d.boxes.flatMap((b) => b.trajectory.map((s) => s.restricted.length)));
  const colour = restrictedColour(most);
  for (const b of d.boxes) {
    const g = plot.append('g').attr('class', 'trajectory').attr('data-box', b.box);
    g.append('path')
      .attr('fill', 'none')
      .attr('stroke', '#999')
      .attr('stroke-width', 1)
      .attr('stroke-dasharray', b.box === 1 ? null : '4 3')
      .attr(
        'd',
        b.trajectory.map((s, i) => `${i === 0 ? 'M' : 'L'}${x(s.coverage)},${y(s.density)}`).join(''),
      );
    g.selectAll('circle.step')
      .data(b.trajectory)
      .join('circle')
      .attr('class', 'step')
      .attr('cx', (s) => x(s.coverage))
      .attr('cy', (s) => y(s.density))
      .attr('r', 4)
      .attr('fill', (s) => colour(s.restricted.length))
      .append('title')
      .text(
        (s) =>
          `box ${b.box}, step ${s.step} (${s.action}): coverage ${short(s.coverage)}, density ${short(s.density)}, ` +
          `mass ${short(s.mass)}; restricts ${s.restricted.length === 0 ? 'nothing' : s.restricted.join(', ')}`,
      );
    const chosen = b.trajectory[b.step];
    if (b.lifted.length > 0) {
      // the box after lifting restrictions: off the trajectory, joined to the box it came from
      g.append('line')
        .attr('x1', x(chosen.coverage))
        .attr('y1', y(chosen.density))
        .attr('x2', x(b.coverage))
        .attr('y2', y(b.density))
        .attr('stroke', '#d55e00')
        .attr('stroke-dasharray', '2 2');
      g.append('rect')
        .attr('class', 'lifted')
        .attr('x', x(b.coverage) - 5)
        .attr('y', y(b.density) - 5)
        .attr('width', 10)
        .attr('height', 10)
        .attr('fill', colour(b.restricted.length))
        .attr('stroke', '#d55e00')
        .attr('stroke-width', 2)
        .append('title')
        .text(
          `box ${b.box} with ${b.lifted.join(', ')} lifted: coverage ${short(b.coverage)}, density ${short(b.density)}`,
        );
    }
    g.append('circle')
      .attr('class', 'chosen')
      .attr('cx', x(chosen.coverage))
      .attr('cy', y(chosen.density))
      .attr('r', 9)
      .attr('fill', 'none')
      .attr('stroke', '#d55e00')
      .attr('stroke-width', 2);
    g.append('text')
      .attr('x', x(chosen.coverage) + 12)
      .attr('y', y(chosen.density) - 8)
      .attr('fill', '#d55e00')
      .attr('font-weight', 'bold')
      .text(`box ${b.box}`);
  }

  const legend = svg.append('g').attr('transform', `translate(${width - margin.right + 24},${margin.top})`);
  legend.append('text').attr('font-weight', 'bold').text('Inputs restricted');
  const counts = Array.from({ length: most + 1 }, (_, k) => k);
  const item = legend
    .selectAll('g.count')
    .data(counts)
    .join('g')
    .attr('class', 'count')
    .attr('transform', (_, i) => `translate(0,${18 + i * 20})`);
  item
    .append('circle')
    .attr('cx', 6)
    .attr('cy', 6)
    .attr('r', 5)
    .attr('fill', (k) => colour(k));
  item
    .append('text')
    .attr('x', 18)
    .attr('y', 10)
    .text((k) => String(k));
  legend
    .append('g')
    .attr('transform', `translate(0,${18 + counts.length * 20 + 14})`)
    .attr('fill', '#444')
    .attr('font-size', 11)
    .selectAll('text')
    .data([
      'Ringed: the chosen box;',
      'a square: that box with',
      'its weak restrictions',
      'lifted (--max-p).',
      'Peeling starts at the',
      'bottom right (every',
      'case) and climbs left.',
    ])
    .join('text')
    .attr('y', (_, i) => i * 15)
    .text((t) => t);
  return svgMarkup(svg);
}

/** Each chosen box's limit on each input it restricts, against the input's whole range. */
export function boxSvg(
  d: Discovery,
  inputs: readonly InputSpec[],
  opts: DiscoverSvgOptions,
  doc: Document,
): string {
  const width = 760;
  const rowH = 30;
  const left = 200;
  const barW = 380;
  const headH = 44;
  const sections = d.boxes.map((b) => ({
    box: b,
    rows: inputs
      .map((input, j) => ({ input, limit: b.limits[j], whole: d.whole[j] }))
      .filter((r) => b.restricted.includes(r.input.name)),
  }));
  const height = 80 + sections.reduce((h, s) => h + headH + Math.max(1, s.rows.length) * rowH + 16, 0);
  const svg = svgDocument(doc, width, height);
  svgHeading(
    svg,
    20,
    opts.title ?? 'Boxes: the input conditions under which the outcome is common',
    opts.subtitle,
  );
  let top = 80;
  for (const { box: b, rows } of sections) {
    const g = svg.append('g').attr('class', 'box').attr('transform', `translate(20,${top})`);
    g.append('text')
      .attr('y', 16)
      .attr('font-weight', 'bold')
      .text(
        `Box ${b.box}: coverage ${short(b.coverage)}, density ${short(b.density)}, mass ${short(b.mass)} (${b.cases} cases)` +
          (b.lifted.length > 0 ? `; lifted: ${b.lifted.join(', ')}` : ''),
      );
    g.append('text')
      .attr('x', left + barW + 20)
      .attr('y', 36)
      .attr('fill', '#444')
      .attr('font-size', 11)
      .text('quasi-p');
    if (rows.length === 0)
      g.append('text')
        .attr('y', headH + 14)
        .attr('fill', '#444')
        .text('no restriction on any input');
    rows.forEach(({ input, limit, whole }, i) => {
      const r = g
        .append('g')
        .attr('class', 'limit')
        .attr('transform', `translate(0,${headH + i * rowH})`);
      r.append('text').attr('y', 14).text(input.name);
      if (input.kind === 'numeric' && limit.kind === 'numeric') {
        const x = scaleLinear()
          .domain(input.range)
          .range([left, left + barW]);
        r.append('rect')
          .attr('x', left)
          .attr('y', 4)
          .attr('width', barW)
          .attr('height', 14)
          .attr('fill', '#e6e6e6');
        r.append('rect')
          .attr('x', x(limit.min))
          .attr('y', 4)
          .attr('width', Math.max(2, x(limit.max) - x(limit.min)))
          .attr('height', 14)
          .attr('fill', '#0072b2');
        r.append('text')
          .attr('x', left - 6)
          .attr('y', 15)
          .attr('text-anchor', 'end')
          .attr('font-size', 10)
          .attr('fill', '#666')
          .text(short(input.range[0]));
        r.append('text')
          .attr('x', left + barW + 4)
          .attr('y', 15)
          .attr('font-size', 10)
          .attr('fill', '#666')
          .text(short(input.range[1]));
        r.append('text')
          .attr('x', (x(limit.min) + x(limit.max)) / 2)
          .attr('y', 28)
          .attr('text-anchor', 'middle')
          .attr('font-size', 10)
          .text(limitText(limit, whole));
      } else if (input.kind === 'categorical' && limit.kind === 'categorical') {
        const w = barW / input.categories.length;
        input.categories.forEach((c, k) => {
          const kept = limit.keep.includes(c);
          r.append('rect')
            .attr('x', left + k * w + 1)
            .attr('y', 2)
            .attr('width', w - 2)
            .attr('height', 18)
            .attr('fill', kept ? '#0072b2' : '#e6e6e6');
          r.append('text')
            .attr('x', left + (k + 0.5) * w)
            .attr('y', 15)
            .attr('text-anchor', 'middle')
            .attr('font-size', 10)
            .attr('fill', kept ? '#ffffff' : '#444')
            .text(c.length > 18 ? `${c.slice(0, 17)}…` : c);
        });
      }
      r.append('text')
        .attr('x', left + barW + 20)
        .attr('y', 15)
        .text(short(b.quasiP[input.name]));
    });
    top += headH + Math.max(1, rows.length) * rowH + 16;
  }
  return svgMarkup(svg);
}
