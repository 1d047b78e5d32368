import * as d3 from 'd3';
import { CARRIER_ELEMENTS, ELEMENTS } from '../../src/model/elements.ts';
import { h, svgEl } from '../dom.ts';
import { exportBar, toCsv } from '../export.ts';
import { t } from '../i18n/index.ts';
import { ELEMENT_COLOUR, MODE_COLOUR } from '../palette.ts';
import type { RunState, View } from '../player.ts';
import { whyText } from '../why.ts';
import { panel } from './panel.ts';

const W = 480;
const H = 260;
const M = { top: 14, right: 20, bottom: 44, left: 128 };

/** Who moved first, the order of roll-in, and the practice-model verdict with its reason in words. */
export function pathwayView(): { section: HTMLElement; view: View } {
  const { section, body } = panel('pathway', 'pathwayTitle', 'pathwayHelp');
  const verdict = h('div', { class: 'verdict' });
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart pathway', role: 'img' });
  body.append(verdict, svg);
  const root = d3.select(svg);
  const plot = root.append('g').attr('transform', `translate(${M.left},${M.top})`);
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  let run: RunState | undefined;

  let shown = '';
  function drawVerdict(): void {
    if (!run) return;
    const p = run.pathway;
    // rebuilt only when something in it changed (the chart moves every week, the verdict rarely)
    const why = whyText(p, run.scenario.parameters.pathway.leadWeeks, run.tick);
    const key = JSON.stringify([p.mode, p.firstMover, p.order, p.allInvolvedTick, run.done, why, t('final')]);
    if (key === shown) return;
    shown = key;
    const name = (e: string) => t(`short.${e}` as 'short.community');
    verdict.replaceChildren(
      h(
        'p',
        { class: 'mode-line' },
        h('span', { class: 'swatch', style: `background:${MODE_COLOUR[p.mode]}` }),
        h('strong', {}, t(`mode.${p.mode}`)),
        ' ',
        h('span', { class: 'badge' }, run.done ? t('final') : t('provisional')),
      ),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, t('firstMover')),
        h('dd', {}, p.firstMover ? name(p.firstMover) : t('none')),
        h('dt', {}, t('order')),
        h('dd', {}, p.order.length ? p.order.map(name).join(' → ') : t('none')),
        h('dt', {}, t('allInvolved')),
        h('dd', {}, p.allInvolvedTick === null ? t('never') : t('weekN', { n: p.allInvolvedTick })),
        h('dt', {}, t('why')),
        h('dd', { class: 'reason' }, why),
      ),
    );
  }

  function drawChart(): void {
    if (!run) return;
    const p = run.pathway;
    const x = d3.scaleLinear().domain([0, run.ticks]).range([0, iw]);
    const y = d3
      .scaleBand<string>()
      .domain([...ELEMENTS])
      .range([0, ih])
      .padding(0.35);
    plot.selectAll('*').remove();
    plot
      .append('g')
      .attr('class', 'axis')
      .attr('transform', `translate(0,${ih})`)
      .call(d3.axisBottom(x).ticks(Math.min(8, run.ticks)));
    plot
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', iw / 2)
      .attr('y', ih + 40)
      .attr('text-anchor', 'middle')
      .text(t('axisWeek'));
    for (const e of ELEMENTS) {
      const yy = y(e)!;
      const bh = y.bandwidth();
      plot
        .append('text')
        .attr('class', 'row-label')
        // clear of the roll-in dot, which can sit at week 0
        .attr('x', -(bh / 2 + 3) - 8)
        .attr('y', yy + bh / 2 + 5)
        .attr('text-anchor', 'end')
        .text(t(`short.${e}`));
      plot
        .append('rect')
        .attr('class', 'track')
        .attr('x', 0)
        .attr('y', yy)
        .attr('width', iw)
        .attr('height', bh);
      const at = p.rollIn[e];
      if (at === null) continue;
      plot
        .append('rect')
        .attr('x', x(at))
        .attr('y', yy)
        .attr('width', Math.max(0, x(run.tick) - x(at)))
        .attr('height', bh)
        .attr('fill', ELEMENT_COLOUR[e])
        .attr('opacity', 0.55);
      plot
        .append('circle')
        .attr('cx', x(at))
        .attr('cy', yy + bh / 2)
        .attr('r', bh / 2 + 3)
        .attr('fill', ELEMENT_COLOUR[e])
        .attr('stroke', '#fff')
        .attr('stroke-width', 2);
      const rank = p.order.indexOf(e);
      if (CARRIER_ELEMENTS.includes(e) && rank >= 0)
        plot
          .append('text')
          .attr('class', 'rank')
          .attr('x', x(at))
          .attr('y', yy + bh / 2 + 5)
          .attr('text-anchor', 'middle')
          .text(String(rank + 1));
    }
    plot
      .append('line')
      .attr('class', 'now')
      .attr('x1', x(run.tick))
      .attr('x2', x(run.tick))
      .attr('y1', 0)
      .attr('y2', ih);
  }

  function draw(): void {
    drawVerdict();
    drawChart();
  }

  section.append(
    exportBar({
      name: () => `pathway-${run?.file.id ?? 'run'}`,
      svg: () => svg,
      csv: () =>
        run &&
        toCsv(
          ['element', 'rollInWeek', 'carrierRank'],
          ELEMENTS.map((e) => [e, run!.pathway.rollIn[e], run!.pathway.order.indexOf(e) + 1 || null]),
        ),
      json: () => run?.pathway,
    }),
  );

  function show(r: RunState): void {
    run = r;
    clearTimeout(trailing);
    draw();
  }

  // while playing, the chart is redrawn at most five times a second
  let last = 0;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  function update(r: RunState): void {
    run = r;
    clearTimeout(trailing);
    const now = performance.now();
    if (r.done || now - last > 200) {
      last = now;
      draw();
    } else trailing = setTimeout(() => update(r), 200);
  }

  return {
    section,
    view: { reset: show, update, relabel: show },
  };
}
