import { MECHANISMS } from '../../src/engine/mechanisms.ts';
import { ELEMENTS, type ElementId } from '../../src/model/elements.ts';
import { svgEl } from '../dom.ts';
import { exportBar, toCsv } from '../export.ts';
import { t } from '../i18n/index.ts';
import { ELEMENT_COLOR, PROJECT_DASH } from '../palette.ts';
import type { RunState, View } from '../player.ts';
import type { Snapshot } from '../worker/protocol.ts';
import { panel } from './panel.ts';

const W = 720;
const H = 630;
/** Carriers on top, the base (committee and social workers) side by side at the bottom. */
const POS: Record<ElementId, [number, number]> = {
  charity: [360, 108],
  organizations: [115, 228],
  volunteers: [605, 228],
  community: [240, 395],
  socialWorkers: [480, 395],
};
const MAX_PARTICLES = 140;
const FLIGHT_MS = 1100;

interface Particle {
  el: SVGElement;
  path: SVGPathElement;
  length: number;
  start: number;
}

const radius = (s: number) => 18 + 42 * Math.sqrt(Math.max(0, s));

/** Point on a quadratic Bézier, and the curve split at its middle (de Casteljau) so a marker sits mid-way. */
function curve(s: ElementId, t: ElementId, bend: number): string {
  const [x0, y0] = POS[s];
  const [x2, y2] = POS[t];
  const mx = (x0 + x2) / 2;
  const my = (y0 + y2) / 2;
  const dx = x2 - x0;
  const dy = y2 - y0;
  const len = Math.hypot(dx, dy) || 1;
  // control point to the left of the direction s → t, so the two directions take different sides
  const cx = mx + (dy / len) * bend;
  const cy = my - (dx / len) * bend;
  const ax = (x0 + cx) / 2;
  const ay = (y0 + cy) / 2;
  const bx = (cx + x2) / 2;
  const by = (cy + y2) / 2;
  const px = (ax + bx) / 2;
  const py = (ay + by) / 2;
  return `M${x0},${y0}Q${ax},${ay} ${px},${py}Q${bx},${by} ${x2},${y2}`;
}

/** The signature view: five elements sized by strength, flows animated as they happen (联中动 vs 动中联). */
export function linkageView(): { section: HTMLElement; view: View } {
  const { section, body } = panel('linkage', 'linkageTitle', 'linkageHelp');
  const svg = svgEl('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'chart linkage',
    role: 'img',
    'data-testid': 'linkage-diagram',
  });
  const desc = svgEl('title');
  svg.append(desc);
  const defs = svgEl('defs');
  for (const e of ELEMENTS) {
    const marker = svgEl('marker', {
      id: `arrow-${e}`,
      viewBox: '0 0 10 10',
      refX: 5,
      refY: 5,
      markerWidth: 5,
      markerHeight: 5,
      orient: 'auto',
    });
    marker.append(svgEl('path', { d: 'M0,0L10,5L0,10z', fill: ELEMENT_COLOR[e] }));
    defs.append(marker);
  }
  svg.append(defs);

  const week = svgEl('text', { x: 16, y: 30, class: 'week-label' });
  const baseBand = svgEl('rect', { x: 130, y: 322, width: 460, height: 186, rx: 24, class: 'base-band' });
  const baseLabel = svgEl('text', { x: 360, y: 530, 'text-anchor': 'middle', class: 'base-label' });
  svg.append(week, baseBand, baseLabel);

  // one path per (mechanism kind, source, target): kind 0 联中动 (solid, near), 1 动中联 (dashed, wider)
  const links = svgEl('g', { class: 'links' });
  const paths = new Map<string, SVGPathElement>();
  for (const kind of [0, 1])
    for (const s of ELEMENTS)
      for (const tt of ELEMENTS) {
        if (s === tt) continue;
        const p = svgEl('path', {
          d: curve(s, tt, kind === 0 ? 26 : 58),
          class: `link ${kind ? 'project' : 'cultivation'}`,
          stroke: ELEMENT_COLOR[s],
          'stroke-dasharray': kind ? PROJECT_DASH : undefined,
          'marker-mid': `url(#arrow-${s})`,
          opacity: 0,
        });
        paths.set(`${kind}:${s}:${tt}`, p);
        links.append(p);
      }
  svg.append(links);

  const nodes = new Map<
    ElementId,
    {
      circle: SVGCircleElement;
      value: SVGTextElement;
      name: SVGTextElement;
      when: SVGTextElement;
      pulse: SVGCircleElement;
    }
  >();
  const nodeLayer = svgEl('g', { class: 'nodes' });
  for (const e of ELEMENTS) {
    const [x, y] = POS[e];
    const g = svgEl('g', { class: 'node' });
    const pulse = svgEl('circle', {
      cx: x,
      cy: y,
      r: 0,
      class: 'pulse',
      stroke: ELEMENT_COLOR[e],
      opacity: 0,
    });
    const circle = svgEl('circle', { cx: x, cy: y, r: 30, fill: ELEMENT_COLOR[e], class: 'element' });
    const value = svgEl('text', { x, y: y + 7, 'text-anchor': 'middle', class: 'node-value' });
    const name = svgEl('text', { x, 'text-anchor': 'middle', class: 'node-name' });
    const when = svgEl('text', { x, 'text-anchor': 'middle', class: 'node-when' });
    g.append(pulse, circle, value, name, when);
    nodeLayer.append(g);
    nodes.set(e, { circle, value, name, when, pulse });
  }
  // particles travel under the circles, so the strength values stay readable
  const particleLayer = svgEl('g', { class: 'particles' });
  svg.append(particleLayer, nodeLayer);

  const legend = svgEl('g', { class: 'legend', transform: 'translate(20,560)' });
  svg.append(legend);

  const particles: Particle[] = [];
  const pulses = new Map<ElementId, number>();
  let pending: Array<{ at: number; kind: number; s: ElementId; t: ElementId }> = [];
  let run: RunState | undefined;

  function drawLegend(): void {
    legend.replaceChildren();
    const row = (y: number, kind: number, label: string) => {
      const g = svgEl('g', { transform: `translate(0,${y})` });
      if (kind < 2)
        g.append(
          svgEl('line', {
            x1: 0,
            x2: 40,
            y1: 0,
            y2: 0,
            stroke: '#555',
            'stroke-width': 3,
            'stroke-dasharray': kind ? PROJECT_DASH : undefined,
          }),
          kind
            ? svgEl('rect', {
                x: -6,
                y: -6,
                width: 12,
                height: 12,
                transform: 'translate(20,0) rotate(45)',
                fill: '#555',
              })
            : svgEl('circle', { cx: 20, cy: 0, r: 6, fill: '#555' }),
        );
      else
        g.append(svgEl('circle', { cx: 20, cy: 0, r: 10, fill: 'none', stroke: '#555', 'stroke-width': 3 }));
      const text = svgEl('text', { x: 52, y: 5, class: 'legend-text' });
      text.textContent = label;
      g.append(text);
      legend.append(g);
    };
    row(0, 0, t('legendCultivation'));
    row(26, 1, t('legendProject'));
    row(52, 2, t('legendGrowth'));
  }

  function drawLabels(): void {
    if (!run) return;
    desc.textContent = t('linkageTitle');
    baseLabel.textContent = t('base');
    week.textContent = `${t('axisWeek')} ${run.tick}`;
    drawLegend();
    drawNodes();
  }

  function drawNodes(): void {
    if (!run) return;
    const tick = run.tick;
    ELEMENTS.forEach((e, i) => {
      const n = nodes.get(e)!;
      const s = run!.series[i][tick];
      const r = radius(s);
      const [, y] = POS[e];
      n.circle.setAttribute('r', r.toFixed(1));
      n.value.textContent = s.toFixed(2);
      n.name.textContent = t(`el.${e}`);
      const nameY = e === 'charity' ? y - r - 12 : y + r + 20;
      n.name.setAttribute('y', nameY.toFixed(1));
      const rolled = run!.pathway.rollIn[e];
      n.when.textContent = rolled === null ? t('notYet') : t('joinedWeek', { n: rolled });
      n.when.setAttribute('y', (e === 'charity' ? y - r - 34 : nameY + 18).toFixed(1));
      n.circle.classList.toggle('rolled', rolled !== null);
    });
  }

  function drawLinks(): void {
    if (!run) return;
    const totals = new Map<string, number>();
    for (let m = 0; m < MECHANISMS.length; m++) {
      const kind = MECHANISMS[m].project ? 1 : 0;
      for (let s = 0; s < 5; s++)
        for (let tt = 0; tt < 5; tt++) {
          if (s === tt) continue;
          const c = run.flowCount[(m * 5 + s) * 5 + tt];
          if (c <= 0) continue;
          const key = `${kind}:${ELEMENTS[s]}:${ELEMENTS[tt]}`;
          totals.set(key, (totals.get(key) ?? 0) + c);
        }
    }
    for (const [key, p] of paths) {
      const c = totals.get(key) ?? 0;
      p.setAttribute('opacity', c > 0 ? '0.75' : '0');
      p.setAttribute('stroke-width', (1.5 + 2.2 * Math.log10(1 + c)).toFixed(2));
    }
  }

  function spawn(now: number, snap: Snapshot): void {
    const spread = 700;
    for (const f of snap.flows) {
      const s = ELEMENTS[f.source];
      const tt = ELEMENTS[f.target];
      if (s === tt) {
        pulses.set(s, now);
        continue;
      }
      const kind = MECHANISMS[f.mechanism].project ? 1 : 0;
      const count = Math.min(6, Math.ceil(Math.log2(f.count + 1)));
      for (let k = 0; k < count; k++) pending.push({ at: now + Math.random() * spread, kind, s, t: tt });
    }
  }

  function frame(now: number): void {
    if (pending.length) {
      const due = pending.filter((p) => p.at <= now);
      pending = pending.filter((p) => p.at > now);
      for (const p of due) {
        if (particles.length >= MAX_PARTICLES) break;
        const path = paths.get(`${p.kind}:${p.s}:${p.t}`)!;
        const el = p.kind
          ? svgEl('rect', {
              x: -6,
              y: -6,
              width: 12,
              height: 12,
              class: 'particle',
              fill: ELEMENT_COLOR[p.s],
            })
          : svgEl('circle', { r: 6, class: 'particle', fill: ELEMENT_COLOR[p.s] });
        particleLayer.append(el);
        particles.push({ el, path, length: path.getTotalLength(), start: now });
      }
    }
    for (let k = particles.length - 1; k >= 0; k--) {
      const p = particles[k];
      const u = (now - p.start) / FLIGHT_MS;
      if (u >= 1) {
        p.el.remove();
        particles.splice(k, 1);
        continue;
      }
      const pt = p.path.getPointAtLength(u * p.length);
      const rot = p.el.tagName === 'rect' ? ' rotate(45)' : '';
      p.el.setAttribute('transform', `translate(${pt.x.toFixed(1)},${pt.y.toFixed(1)})${rot}`);
    }
    for (const [e, start] of pulses) {
      const n = nodes.get(e)!;
      const u = (now - start) / 900;
      if (u >= 1) {
        n.pulse.setAttribute('opacity', '0');
        pulses.delete(e);
        continue;
      }
      const r = Number(n.circle.getAttribute('r'));
      n.pulse.setAttribute('r', (r + 4 + 16 * u).toFixed(1));
      n.pulse.setAttribute('opacity', (0.8 * (1 - u)).toFixed(2));
    }
  }

  function clearParticles(): void {
    for (const p of particles) p.el.remove();
    particles.length = 0;
    pending = [];
  }

  body.append(svg);
  section.append(
    exportBar({
      name: () => `linkage-${run?.file.id ?? 'run'}-week${run?.tick ?? 0}`,
      svg: () => svg,
      csv: () => {
        if (!run) return undefined;
        const rows: Array<Array<string | number>> = [];
        for (let m = 0; m < MECHANISMS.length; m++)
          for (let s = 0; s < 5; s++)
            for (let tt = 0; tt < 5; tt++) {
              const c = run.flowCount[(m * 5 + s) * 5 + tt];
              if (c > 0)
                rows.push([
                  ELEMENTS[s],
                  ELEMENTS[tt],
                  MECHANISMS[m].id,
                  MECHANISMS[m].project ? 'project' : 'cultivation',
                  c,
                ]);
            }
        return toCsv(['from', 'to', 'mechanism', 'kind', 'count'], rows);
      },
      json: () =>
        run && {
          tick: run.tick,
          pathway: run.pathway,
          strength: ELEMENTS.map((e, i) => [e, run!.series[i][run!.tick]]),
        },
    }),
  );

  return {
    section,
    view: {
      reset(r) {
        run = r;
        clearParticles();
        drawLabels();
        drawLinks();
      },
      update(r, snap) {
        run = r;
        week.textContent = `${t('axisWeek')} ${r.tick}`;
        drawNodes();
        drawLinks();
        spawn(performance.now(), snap);
      },
      relabel(r) {
        run = r;
        drawLabels();
      },
      frame,
    },
  };
}
