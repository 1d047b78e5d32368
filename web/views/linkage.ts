import { MECHANISMS } from '../../src/engine/mechanisms.ts';
import { ELEMENTS, type ElementId } from '../../src/model/elements.ts';
import { h, svgEl } from '../dom.ts';
import { exportBar, toCsv } from '../export.ts';
import { t } from '../i18n/index.ts';
import { ELEMENT_COLOUR, PROJECT_DASH } from '../palette.ts';
import { column, type RunState, type View } from '../player.ts';
import type { Snapshot } from '../worker/protocol.ts';
import { panel } from './panel.ts';
import { type Obstacles, ParticleLayer, type Route, samplePath } from './particles.ts';

const W = 720;
const H = 700;
/** Carriers on top, the base (committee and social workers) side by side at the bottom. */
const POS: Record<ElementId, [number, number]> = {
  charity: [360, 150],
  organizations: [125, 262],
  volunteers: [595, 262],
  community: [245, 410],
  socialWorkers: [475, 410],
};
/** The base pair, labelled below their circles; the three carriers are labelled above. */
const BASE: readonly ElementId[] = ['community', 'socialWorkers'];
/** Label sizes in diagram units (the .node-name and .node-when rules in styles.css). */
const NAME_PX = 22;
const WHEN_PX = 20;
/** Padding around a label's background, in diagram units. */
const PAD = 4;

const radius = (s: number) => 18 + 42 * Math.sqrt(Math.max(0, s));

/** Control points of a link: a curve to the left of s → t, so the two directions take different sides. */
function controls(
  s: ElementId,
  t: ElementId,
  bend: number,
): [number, number, number, number, number, number] {
  const [x0, y0] = POS[s];
  const [x2, y2] = POS[t];
  const dx = x2 - x0;
  const dy = y2 - y0;
  const len = Math.hypot(dx, dy) || 1;
  return [x0, y0, (x0 + x2) / 2 + (dy / len) * bend, (y0 + y2) / 2 - (dx / len) * bend, x2, y2];
}

/** The curve as two halves split at its middle (de Casteljau), so an arrow marker sits mid-way. */
function curve(s: ElementId, t: ElementId, bend: number): string {
  const [x0, y0, cx, cy, x2, y2] = controls(s, t, bend);
  const ax = (x0 + cx) / 2;
  const ay = (y0 + cy) / 2;
  const bx = (cx + x2) / 2;
  const by = (cy + y2) / 2;
  const px = (ax + bx) / 2;
  const py = (ay + by) / 2;
  return `M${x0},${y0}Q${ax},${ay} ${px},${py}Q${bx},${by} ${x2},${y2}`;
}

interface Label {
  g: SVGGElement;
  bg: SVGRectElement;
  text: SVGTextElement;
  /** Width of the current text in diagram units (measured once per text, 0 until measured). */
  width: number;
  /** Top and bottom of the text's box relative to its baseline, in diagram units. */
  above: number;
  below: number;
  box: [number, number, number, number];
}

/**
 * The signature view: five elements sized by strength, flows animated as they happen (联中动 vs 动中联).
 * Links, circles and labels are SVG and change only when a new week arrives; the moving dots are
 * drawn on a canvas laid over the SVG, clipped so that they never pass over a circle or a label, so
 * each animation frame repaints one small canvas and not the diagram.
 */
export function linkageView(): { section: HTMLElement; view: View } {
  const { section, body } = panel('linkage', 'linkageTitle', 'linkageHelp');
  const svg = svgEl('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'chart linkage',
    role: 'img',
    'data-testid': 'linkage-diagram',
  });
  const overlay = h('canvas', { class: 'linkage-particles', 'aria-hidden': 'true' });
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
    marker.append(svgEl('path', { d: 'M0,0L10,5L0,10z', fill: ELEMENT_COLOUR[e] }));
    defs.append(marker);
  }
  svg.append(defs);

  const week = svgEl('text', { x: 16, y: 34, class: 'week-label' });
  const baseBand = svgEl('rect', { x: 120, y: 318, width: 480, height: 230, rx: 24, class: 'base-band' });
  const baseLabel = svgEl('text', { x: 360, y: 574, 'text-anchor': 'middle', class: 'base-label' });
  svg.append(week, baseBand, baseLabel);

  // one path per (mechanism kind, source, target): kind 0 联中动 (solid, near), 1 动中联 (dashed, wider)
  const links = svgEl('g', { class: 'links' });
  const paths = new Map<string, SVGPathElement>();
  const routes: Route[] = [];
  const routeIndex = new Map<string, number>();
  for (const kind of [0, 1])
    for (const s of ELEMENTS)
      for (const tt of ELEMENTS) {
        if (s === tt) continue;
        const bend = kind === 0 ? 26 : 58;
        const key = `${kind}:${s}:${tt}`;
        const p = svgEl('path', {
          d: curve(s, tt, bend),
          class: `link ${kind ? 'project' : 'cultivation'}`,
          stroke: ELEMENT_COLOUR[s],
          'stroke-dasharray': kind ? PROJECT_DASH : undefined,
          'marker-mid': `url(#arrow-${s})`,
          opacity: 0,
        });
        paths.set(key, p);
        routeIndex.set(key, routes.length);
        routes.push({ points: samplePath(...controls(s, tt, bend)), colour: ELEMENT_COLOUR[s], kind });
        links.append(p);
      }
  svg.append(links);
  const particles = new ParticleLayer(
    overlay,
    svg,
    W,
    routes,
    ELEMENTS.map((e) => ({
      at: POS[e],
      colour: ELEMENT_COLOUR[e],
      radius: () => nodes.get(e)!.r,
    })),
  );

  const label = (cls: string): Label => {
    const g = svgEl('g', { class: 'label' });
    const bg = svgEl('rect', { class: 'label-bg', rx: 4 });
    const text = svgEl('text', { 'text-anchor': 'middle', class: cls });
    g.append(bg, text);
    return { g, bg, text, width: 0, above: 0, below: 0, box: [0, 0, 0, 0] };
  };
  const nodes = new Map<
    ElementId,
    { circle: SVGCircleElement; value: SVGTextElement; name: Label; when: Label; r: number }
  >();
  // labels sit above every link, on a background of their own, so no arrow crosses them
  const nodeLayer = svgEl('g', { class: 'nodes' });
  for (const e of ELEMENTS) {
    const [x, y] = POS[e];
    const g = svgEl('g', { class: 'node' });
    const circle = svgEl('circle', { cx: x, cy: y, r: 30, fill: ELEMENT_COLOUR[e], class: 'element' });
    const value = svgEl('text', { x, y: y + 8, 'text-anchor': 'middle', class: 'node-value' });
    const name = label('node-name');
    const when = label('node-when');
    g.append(circle, value, name.g, when.g);
    nodeLayer.append(g);
    nodes.set(e, { circle, value, name, when, r: 30 });
  }
  svg.append(nodeLayer);

  const legend = svgEl('g', { class: 'legend', transform: `translate(16,${H - 72})` });
  svg.append(legend);

  let run: RunState | undefined;

  /** A label's width and its extent above and below the baseline (estimated until it can be measured). */
  function extent(l: Label, size: number): { w: number; above: number; below: number } {
    if (!l.width) measure(l);
    return l.width
      ? { w: l.width, above: l.above, below: l.below }
      : { w: l.text.textContent!.length * size * 0.62, above: size * 1.16, below: size * 0.3 };
  }

  /** Places a label centred at x with its baseline at y, kept inside the diagram, on its background. */
  function place(l: Label, x: number, y: number, size: number): void {
    const { w, above, below } = extent(l, size);
    const cx = Math.max(w / 2 + PAD, Math.min(W - w / 2 - PAD, x));
    l.text.setAttribute('x', cx.toFixed(1));
    l.text.setAttribute('y', y.toFixed(1));
    const box: [number, number, number, number] = [
      cx - w / 2 - PAD,
      y - above - 1,
      w + 2 * PAD,
      above + below + 2,
    ];
    l.box = box;
    l.bg.setAttribute('x', box[0].toFixed(1));
    l.bg.setAttribute('y', box[1].toFixed(1));
    l.bg.setAttribute('width', box[2].toFixed(1));
    l.bg.setAttribute('height', box[3].toFixed(1));
  }

  /** Sets a label's text; it is measured again when next placed. */
  function setText(l: Label, text: string): void {
    if (l.text.textContent === text) return;
    l.text.textContent = text;
    l.width = 0;
  }

  /** Measures a label's text box (only possible while the diagram is on screen). */
  function measure(l: Label): void {
    if (!svg.isConnected || !svg.getClientRects().length) return;
    const y = Number(l.text.getAttribute('y') ?? 0);
    const b = l.text.getBBox();
    l.width = b.width;
    l.above = y - b.y;
    l.below = b.y + b.height - y;
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

  function drawLegend(): void {
    legend.replaceChildren();
    const row = (y: number, kind: number, text: string) => {
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
        g.append(svgEl('circle', { cx: 20, cy: 0, r: 9, fill: 'none', stroke: '#555', 'stroke-width': 3 }));
      const label = svgEl('text', { x: 52, y: 6, class: 'legend-text' });
      label.textContent = text;
      g.append(label);
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
    for (const n of nodes.values()) n.name.width = n.when.width = 0;
    drawNodes();
  }

  /** Circles sized by strength; names and roll-in weeks above the upper three, below the base pair. */
  function drawNodes(): void {
    if (!run) return;
    const tick = run.tick;
    ELEMENTS.forEach((e) => {
      const n = nodes.get(e)!;
      const s = column(run!, `strength.${e}`)[tick];
      const r = radius(s);
      n.r = r;
      const [x, y] = POS[e];
      n.circle.setAttribute('r', r.toFixed(1));
      n.value.textContent = s.toFixed(2);
      const rolled = run!.pathway.rollIn[e];
      setText(n.name, t(`el.${e}`));
      setText(n.when, rolled === null ? t('notYet') : t('joinedWeek', { n: rolled }));
      if (BASE.includes(e)) {
        // the pair's labels meet in the middle: each keeps to its own side of the centre line
        const side = (l: Label, size: number) => {
          const w = extent(l, size).w / 2 + PAD + 4;
          return e === 'community' ? Math.min(x, W / 2 - w) : Math.max(x, W / 2 + w);
        };
        const a = extent(n.name, NAME_PX);
        const b = extent(n.when, WHEN_PX);
        const nameLine = y + r + 4 + a.above;
        place(n.name, side(n.name, NAME_PX), nameLine, NAME_PX);
        place(n.when, side(n.when, WHEN_PX), nameLine + a.below + 4 + b.above, WHEN_PX);
      } else {
        const a = extent(n.name, NAME_PX);
        const b = extent(n.when, WHEN_PX);
        const whenLine = y - r - 4 - b.below;
        place(n.when, x, whenLine, WHEN_PX);
        place(n.name, x, whenLine - b.above - 4 - a.below, NAME_PX);
      }
      n.circle.classList.toggle('rolled', rolled !== null);
    });
  }

  function spawn(now: number, snap: Snapshot): void {
    for (const f of snap.flows) {
      const s = ELEMENTS[f.source];
      const tt = ELEMENTS[f.target];
      if (s === tt) {
        particles.pulse(ELEMENTS.indexOf(s), now);
        continue;
      }
      const kind = MECHANISMS[f.mechanism].project ? 1 : 0;
      particles.launch(
        routeIndex.get(`${kind}:${s}:${tt}`)!,
        Math.min(6, Math.ceil(Math.log2(f.count + 1))),
        now,
      );
    }
  }

  /** The circles and label boxes the moving dots pass under, in diagram units. */
  function obstacles(): Obstacles {
    const circles: Obstacles['circles'] = [];
    const boxes: Obstacles['boxes'] = [];
    for (const e of ELEMENTS) {
      const n = nodes.get(e)!;
      circles.push([...POS[e], n.r]);
      boxes.push(n.name.box, n.when.box);
    }
    return { circles, boxes };
  }

  function frame(now: number): boolean {
    return particles.frame(now, obstacles);
  }

  body.append(h('div', { class: 'linkage-box' }, svg, overlay));
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
          strength: ELEMENTS.map((e) => [e, column(run!, `strength.${e}`)[run!.tick]]),
        },
    }),
  );

  return {
    section,
    view: {
      reset(r) {
        run = r;
        particles.stop();
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
