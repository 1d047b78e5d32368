import * as d3 from 'd3';
import { HUBEI_2020 } from '../../src/analysis/published.ts';
import { ELEMENTS, type ElementId } from '../../src/model/elements.ts';
import { fill, h, svgEl } from '../dom.ts';
import { exportBar, toCsv } from '../export.ts';
import { type Key, t } from '../i18n/index.ts';
import { ELEMENT_COLOUR, OKABE_ITO } from '../palette.ts';
import type { RunState, View } from '../player.ts';
import { panel } from './panel.ts';

/** Published figures (src/analysis/published.ts, the Hubei 2020 survey): a point, a range, or a note. */
type Published = { value: number } | { range: [number, number] } | { note: Key };

export const PUBLISHED_COVERAGE = Object.fromEntries(
  ELEMENTS.map((e) => {
    const value = HUBEI_2020.coverage[e];
    const range = HUBEI_2020.coverageRange[e];
    return [e, value !== undefined ? { value } : range ? { range } : { note: 'notReported' }];
  }),
) as Record<ElementId, Published>;
const NEEDS = ['psychological', 'social', 'material'] as const;
const I = HUBEI_2020.improved;
export const PUBLISHED_IMPROVEMENT: Record<(typeof NEEDS)[number], Published> = {
  psychological: { range: [I.depression, I.anxiety] },
  social: { range: [I.socialRelations, I.integration] },
  material: { note: 'publishedMaterial' },
};
const IMPROVEMENT_NOTE: Record<(typeof NEEDS)[number], Key> = {
  psychological: 'publishedImprovements',
  social: 'publishedSocial',
  material: 'publishedMaterial',
};

const W = 480;
const ROW = 36;
const M = { left: 118, right: 56 };

/** Service coverage and improvements, next to the Hubei survey's published figures. */
export function outcomesView(): { section: HTMLElement; view: View } {
  const { section, body } = panel('outcomes', 'outcomesTitle');
  const svg = svgEl('svg', { class: 'chart outcomes', role: 'img' });
  const facts = h('div', { class: 'facts-line' });
  const notes = h('ul', { class: 'published-notes' });
  const caveat = h('p', { class: 'caveat', i18n: 'outcomesCaveat' });
  body.append(svg, notes, facts, caveat);
  const root = d3.select(svg);
  let run: RunState | undefined;

  function block(
    g: d3.Selection<SVGGElement, unknown, null, undefined>,
    title: string,
    rows: Array<{ label: string; color: string; value: number | null; published: Published }>,
    note?: string,
  ): number {
    const iw = W - M.left - M.right;
    const x = d3.scaleLinear().domain([0, 1]).range([0, iw]);
    g.append('text').attr('class', 'block-title').attr('x', 0).attr('y', 16).text(title);
    let top = 30;
    if (note) {
      g.append('text').attr('class', 'note').attr('x', 0).attr('y', 40).text(note);
      top = 50;
    }
    g.append('g')
      .attr('class', 'axis')
      .attr('transform', `translate(${M.left},${top + rows.length * ROW})`)
      .call(d3.axisBottom(x).ticks(5).tickFormat(d3.format('.0%')));
    rows.forEach((r, i) => {
      const y = top + i * ROW;
      g.append('text')
        .attr('class', 'row-label')
        .attr('x', M.left - 10)
        .attr('y', y + 20)
        .attr('text-anchor', 'end')
        .text(r.label);
      g.append('rect')
        .attr('class', 'track')
        .attr('x', M.left)
        .attr('y', y + 6)
        .attr('width', iw)
        .attr('height', 20);
      const pub = r.published;
      if ('range' in pub)
        g.append('rect')
          .attr('class', 'published-range')
          .attr('x', M.left + x(pub.range[0]))
          .attr('y', y + 2)
          .attr('width', x(pub.range[1]) - x(pub.range[0]))
          .attr('height', 28);
      if (r.value !== null) {
        g.append('rect')
          .attr('x', M.left)
          .attr('y', y + 9)
          .attr('width', x(Math.min(1, r.value)))
          .attr('height', 14)
          .attr('fill', r.color);
        // the figure to the right of the bar and of the published box or point, never over them
        const pubEnd = 'range' in pub ? pub.range[1] : 'value' in pub ? pub.value + 0.02 : 0;
        g.append('text')
          .attr('class', 'value')
          .attr('x', M.left + x(Math.min(1, Math.max(r.value, pubEnd))) + 5)
          .attr('y', y + 21)
          .text(d3.format('.1%')(r.value));
      }
      if ('value' in pub)
        g.append('path')
          .attr('class', 'published-point')
          .attr('d', d3.symbol(d3.symbolDiamond, 140)())
          .attr('transform', `translate(${M.left + x(pub.value)},${y + 16})`);
    });
    return top + rows.length * ROW + 30;
  }

  function legendRow(g: d3.Selection<SVGGElement, unknown, null, undefined>): void {
    g.append('rect')
      .attr('x', 0)
      .attr('y', -10)
      .attr('width', 22)
      .attr('height', 12)
      .attr('fill', OKABE_ITO.blue);
    g.append('text').attr('class', 'legend-text').attr('x', 28).attr('y', 1).text(t('simulated'));
    // second row: the published point and range
    g.append('path')
      .attr('class', 'published-point')
      .attr('d', d3.symbol(d3.symbolDiamond, 120)())
      .attr('transform', 'translate(6,22)');
    g.append('rect')
      .attr('class', 'published-range')
      .attr('x', 16)
      .attr('y', 14)
      .attr('width', 18)
      .attr('height', 16);
    g.append('text').attr('class', 'legend-text').attr('x', 40).attr('y', 27).text(t('published'));
  }

  function draw(): void {
    if (!run) return;
    root.selectAll('*').remove();
    const coverage = run.summary?.outcomes.coverage;
    const improved = run.summary?.outcomes.improved;
    const legend = root.append('g').attr('transform', 'translate(8,18)');
    legendRow(legend);
    const g1 = root.append('g').attr('transform', 'translate(0,60)');
    const h1 = block(
      g1,
      t('coverage'),
      ELEMENTS.map((e, i) => ({
        label: t(`short.${e}`),
        color: ELEMENT_COLOUR[e],
        value: coverage ? coverage[e] : run!.snapshot.coverage[i],
        published: PUBLISHED_COVERAGE[e],
      })),
    );
    const g2 = root.append('g').attr('transform', `translate(0,${60 + h1})`);
    const h2 = block(
      g2,
      t('improvements'),
      NEEDS.map((k) => ({
        label: t(`need.${k}`),
        color: OKABE_ITO.blue,
        value: improved ? improved[k] : null,
        published: PUBLISHED_IMPROVEMENT[k],
      })),
      improved ? undefined : t('atEnd'),
    );
    const total = 60 + h1 + h2;
    svg.setAttribute('viewBox', `0 0 ${W} ${total}`);
    notes.replaceChildren(
      h('li', {}, h('strong', {}, `${t('published')}: `)),
      h('li', {}, `${t('coverage')}: ${t('publishedRange')}`),
      ...NEEDS.map((k) => h('li', {}, `${t(`need.${k}`)}: ${t(IMPROVEMENT_NOTE[k])}`)),
    );
    const o = run.summary?.outcomes;
    fill(
      facts,
      h('span', {}, `${t('servedAny')}: ${d3.format('.1%')(o ? o.servedAny : run.snapshot.servedAny)}`),
      o ? h('span', {}, `${t('belonging')}: ${o.meanBelonging.toFixed(3)}`) : null,
      o ? h('span', {}, `${t('trust')}: ${o.meanTrust.toFixed(3)}`) : null,
      o ? h('span', {}, t('projectsLine', o.projects)) : null,
    );
  }

  section.append(
    exportBar({
      name: () => `outcomes-${run?.file.id ?? 'run'}`,
      svg: () => svg,
      csv: () => {
        if (!run) return undefined;
        const o = run.summary?.outcomes;
        const rows: Array<Array<string | number | null>> = ELEMENTS.map((e, i) => [
          'coverage',
          e,
          o ? o.coverage[e] : run!.snapshot.coverage[i],
          pubValue(PUBLISHED_COVERAGE[e], 0),
          pubValue(PUBLISHED_COVERAGE[e], 1),
        ]);
        for (const k of NEEDS)
          rows.push([
            'improved',
            k,
            o ? o.improved[k] : null,
            pubValue(PUBLISHED_IMPROVEMENT[k], 0),
            pubValue(PUBLISHED_IMPROVEMENT[k], 1),
          ]);
        return toCsv(['indicator', 'key', 'simulated', 'publishedLow', 'publishedHigh'], rows);
      },
      json: () =>
        run && {
          outcomes: run.summary?.outcomes ?? null,
          coverageNow: run.snapshot.coverage,
          published: { coverage: PUBLISHED_COVERAGE, improvement: PUBLISHED_IMPROVEMENT },
        },
    }),
  );

  function show(r: RunState): void {
    run = r;
    clearTimeout(trailing);
    draw();
  }

  // while playing, redraw at most a few times a second (the bars barely move week to week)
  let last = 0;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  function update(r: RunState): void {
    run = r;
    clearTimeout(trailing);
    const now = performance.now();
    if (r.done || now - last > 400) {
      last = now;
      draw();
    } else trailing = setTimeout(() => update(r), 400);
  }

  return {
    section,
    view: { reset: show, update, relabel: show },
  };
}

function pubValue(p: Published, side: 0 | 1): number | null {
  if ('value' in p) return p.value;
  if ('range' in p) return p.range[side];
  return null;
}
