import * as d3 from 'd3';
import type { RunSummary } from '../../src/engine/result.ts';
import { ELEMENTS, STRATEGIES } from '../../src/model/elements.ts';
import type { ScenarioFile } from '../../src/model/scenario.ts';
import { h, svgEl } from '../dom.ts';
import { exportBar, toCsv } from '../export.ts';
import { pick, t } from '../i18n/index.ts';
import { ELEMENT_COLOUR, MODE_COLOUR } from '../palette.ts';
import type { RunState } from '../player.ts';
import { PRACTICE_MODELS, presetById } from '../presets.ts';
import type { RunPool } from '../worker/pool.ts';
import { panel } from './panel.ts';
import { drawStrengthLines } from './strength.ts';

interface Entry {
  label: () => string;
  summary?: RunSummary;
}

const FACET_W = 300;
const FACET_H = 352;
const PLOT = { left: 40, top: 118, width: 240, height: 160 };

/** Two or three runs side by side: the same community under the three strategies, or the three practice models. */
export function compareView(
  pool: RunPool,
  current: () => { file: ScenarioFile; run?: RunState },
): { section: HTMLElement; relabel: () => void } {
  const { section, body } = panel('compare', 'compareTitle', 'compareHelp');
  const strategies = h('button', { type: 'button', i18n: 'compareStrategies' });
  const presets = h('button', { type: 'button', i18n: 'comparePresets' });
  const pin = h('button', { type: 'button', i18n: 'pinRun' });
  const clear = h('button', { type: 'button', i18n: 'clear' });
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const svg = svgEl('svg', { class: 'chart compare', role: 'img' });
  const table = h('table', { class: 'compare-table' });
  body.append(h('div', { class: 'button-row' }, strategies, presets, pin, clear), status, svg, table);
  let entries: Entry[] = [];
  let generation = 0;

  async function runAll(next: Array<{ label: () => string; file: ScenarioFile }>): Promise<void> {
    const gen = ++generation;
    entries = next.map((n) => ({ label: n.label }));
    status.textContent = `${t('running')} ${t('runOnPool', { n: pool.size })}`;
    draw();
    await Promise.all(
      next.map(async (n, k) => {
        const summary = await pool.run((api) => api.summarise(n.file));
        if (gen !== generation) return;
        entries[k].summary = summary;
        draw();
      }),
    );
    if (gen === generation) status.textContent = '';
  }

  strategies.addEventListener('click', () => {
    const base = current().file;
    void runAll(
      STRATEGIES.map((s) => ({
        label: () => t(`strategy.${s}`),
        file: { ...structuredClone(base), strategy: s },
      })),
    );
  });
  presets.addEventListener('click', () => {
    void runAll(
      PRACTICE_MODELS.map((id) => {
        const file = presetById(id)!;
        return { label: () => (file.title ? pick(file.title) : id), file };
      }),
    );
  });
  pin.addEventListener('click', async () => {
    const { file } = current();
    const label = () => `${file.title ? pick(file.title) : file.id} · ${t('seed')} ${file.seed}`;
    const gen = generation;
    const entry: Entry = { label };
    entries = [...entries.filter((e) => e.summary), entry].slice(-3);
    draw();
    entry.summary = await pool.run((api) => api.summarise(structuredClone(file)));
    if (gen === generation) draw();
  });
  clear.addEventListener('click', () => {
    generation++;
    entries = [];
    status.textContent = '';
    draw();
  });

  function draw(): void {
    const root = d3.select(svg);
    root.selectAll('*').remove();
    table.replaceChildren();
    if (!entries.length) {
      svg.setAttribute('viewBox', `0 0 ${FACET_W * 3} 40`);
      root.append('text').attr('class', 'muted-text').attr('x', 10).attr('y', 26).text(t('compareEmpty'));
      return;
    }
    svg.setAttribute('viewBox', `0 0 ${FACET_W * entries.length} ${FACET_H}`);
    entries.forEach((entry, k) => {
      const g = root.append('g').attr('transform', `translate(${k * FACET_W},0)`);
      g.append('text').attr('class', 'facet-title').attr('x', 10).attr('y', 24).text(entry.label());
      const s = entry.summary;
      if (!s) {
        g.append('text').attr('class', 'muted-text').attr('x', 10).attr('y', 56).text(t('running'));
        return;
      }
      g.append('rect')
        .attr('x', 10)
        .attr('y', 40)
        .attr('width', 16)
        .attr('height', 16)
        .attr('fill', MODE_COLOUR[s.pathway.mode]);
      g.append('text')
        .attr('class', 'facet-mode')
        .attr('x', 32)
        .attr('y', 54)
        .text(t(`mode.${s.pathway.mode}`));
      g.append('text')
        .attr('class', 'facet-line')
        .attr('x', 10)
        .attr('y', 80)
        .text(s.pathway.order.length ? s.pathway.order.map((e) => t(`short.${e}`)).join(' → ') : t('none'));
      g.append('text')
        .attr('class', 'facet-line')
        .attr('x', 10)
        .attr('y', 102)
        .text(
          s.pathway.allInvolvedTick === null
            ? t('allInvolvedNever')
            : t('allInvolvedAt', { n: s.pathway.allInvolvedTick }),
        );
      const plot = g.append('g').attr('transform', `translate(${PLOT.left},${PLOT.top})`);
      const series = ELEMENTS.map((e) => s.series[`strength.${e}`]);
      drawStrengthLines(plot, series, s.ticks, s.ticks, PLOT.width, PLOT.height);
      plot
        .append('text')
        .attr('class', 'axis-label')
        .attr('x', PLOT.width / 2)
        .attr('y', PLOT.height + 34)
        .attr('text-anchor', 'middle')
        .text(t('axisWeek'));
    });
    const legend = root.append('g').attr('transform', `translate(10,${FACET_H - 6})`);
    let x = 0;
    for (const e of ELEMENTS) {
      legend
        .append('rect')
        .attr('x', x)
        .attr('y', -10)
        .attr('width', 14)
        .attr('height', 10)
        .attr('fill', ELEMENT_COLOUR[e]);
      const text = legend
        .append('text')
        .attr('class', 'legend-text')
        .attr('x', x + 18)
        .attr('y', 0)
        .text(t(`short.${e}`));
      x += 26 + (text.node()?.getComputedTextLength() ?? 60);
    }
    const head = h('tr', {}, h('th', {}, ''), ...entries.map((e) => h('th', { scope: 'col' }, e.label())));
    const rows = ELEMENTS.map((el) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, t(`el.${el}`)),
        ...entries.map((e) => h('td', {}, e.summary ? e.summary.final.strength[el].toFixed(3) : '…')),
      ),
    );
    table.append(h('thead', {}, head), h('tbody', {}, ...rows));
  }

  section.append(
    exportBar({
      name: () => 'comparison',
      svg: () => svg,
      csv: () =>
        toCsv(
          ['run', 'mode', 'order', 'allInvolvedTick', ...ELEMENTS.map((e) => `final.${e}`)],
          entries
            .filter((e) => e.summary)
            .map((e) => [
              e.label(),
              e.summary!.pathway.mode,
              e.summary!.pathway.order.join(' > '),
              e.summary!.pathway.allInvolvedTick,
              ...ELEMENTS.map((el) => e.summary!.final.strength[el]),
            ]),
        ),
      json: () => entries.filter((e) => e.summary).map((e) => ({ label: e.label(), summary: e.summary })),
    }),
  );
  draw();
  return { section, relabel: draw };
}
