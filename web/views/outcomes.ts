import * as d3 from 'd3';
import { ELEMENTS, type ElementId } from '../../src/model/elements.ts';
import { fill, h, svgEl } from '../dom.ts';
import { exportBar, toCsv } from '../export.ts';
import { type Key, t } from '../i18n/index.ts';
import { ELEMENT_COLOR, OKABE_ITO } from '../palette.ts';
import type { RunState, View } from '../player.ts';
import { panel } from './panel.ts';

/** Published figures (domain.md, "What the report measured"): a point, a range, or a note. */
type Published = { value: number } | { range: [number, number] } | { note: Key };

export const PUBLISHED_COVERAGE: Record<ElementId, Published> = {
  community: { value: 0.8155 },
  organizations: { range: [0.3, 0.5] },
  socialWorkers: { value: 0.9887 },
  volunteers: { note: 'weakest' },
  charity: { range: [0.3, 0.5] },
};
const NEEDS = ['psychological', 'social', 'material'] as const;
export const PUBLISHED_IMPROVEMENT: Record<(typeof NEEDS)[number], Published> = {
  psychological: { range: [0.154, 0.311] },
  social: { range: [0.149, 0.165] },
  material: { note: 'publishedMaterial' },
};
const IMPROVEMENT_NOTE: Record<(typeof NEEDS)[number], Key> = {
  psychological: 'publishedImprovements',
  social: 'publishedSocial',
  material: 'publishedMaterial',
};

const W = 640;
const ROW = 34;
const M = { left: 150, right: 60 };

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
    rows: Array<{ label: string; color: string; value: number | null; published: Published; note?: string }>,
  ): number {
    const iw = W - M.left - M.right;
    const x = d3.scaleLinear().domain([0, 1]).range([0, iw]);
    g.append('text').attr('class', 'block-title').attr('x', 0).attr('y', 16).text(title);
    const top = 30;
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
        g.append('text')
          .attr('class', 'value')
          .attr('x', M.left + x(Math.min(1, r.value)) + 4)
          .attr('y', y + 21)
          .text(d3.format('.1%')(r.value));
      }
      if ('value' in pub)
        g.append('path')
          .attr('class', 'published-point')
          .attr('d', d3.symbol(d3.symbolDiamond, 140)())
          .attr('transform', `translate(${M.left + x(pub.value)},${y + 16})`);
      if ('note' in pub || r.note)
        g.append('text')
          .attr('class', 'note')
          .attr('x', W - M.right + 4)
          .attr('y', y + 21)
          .attr('text-anchor', 'end')
          .text(r.note ?? ('note' in pub ? t(pub.note) : ''));
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
    const x2 = 230;
    g.append('path')
      .attr('class', 'published-point')
      .attr('d', d3.symbol(d3.symbolDiamond, 120)())
      .attr('transform', `translate(${x2 + 6},-4)`);
    g.append('rect')
      .attr('class', 'published-range')
      .attr('x', x2 + 16)
      .attr('y', -12)
      .attr('width', 18)
      .attr('height', 16);
    g.append('text')
      .attr('class', 'legend-text')
      .attr('x', x2 + 40)
      .attr('y', 1)
      .text(t('published'));
  }

  function draw(): void {
    if (!run) return;
    root.selectAll('*').remove();
    const coverage = run.summary?.outcomes.coverage;
    const improved = run.summary?.outcomes.improved;
    const legend = root.append('g').attr('transform', 'translate(8,18)');
    legendRow(legend);
    const g1 = root.append('g').attr('transform', 'translate(0,34)');
    const h1 = block(
      g1,
      t('coverage'),
      ELEMENTS.map((e, i) => ({
        label: t(`short.${e}`),
        color: ELEMENT_COLOR[e],
        value: coverage ? coverage[e] : run!.snapshot.coverage[i],
        published: PUBLISHED_COVERAGE[e],
      })),
    );
    const g2 = root.append('g').attr('transform', `translate(0,${34 + h1})`);
    const h2 = block(
      g2,
      t('improvements'),
      NEEDS.map((k) => ({
        label: t(`need.${k}`),
        color: OKABE_ITO.blue,
        value: improved ? improved[k] : null,
        published: PUBLISHED_IMPROVEMENT[k],
        note: improved ? undefined : t('atEnd'),
      })),
    );
    const total = 34 + h1 + h2;
    svg.setAttribute('viewBox', `0 0 ${W} ${total}`);
    notes.replaceChildren(
      h('li', {}, h('strong', {}, `${t('published')}: `)),
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
