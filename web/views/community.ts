import { h } from '../dom.ts';
import { exportBar } from '../export.ts';
import { type Key, lang, t } from '../i18n/index.ts';
import {
  BUILDING_BACKGROUND,
  CANVAS_BACKGROUND,
  ELEMENT_COLOUR,
  MEMBER_COLOUR,
  ROLE_COLOUR,
} from '../palette.ts';
import type { RunState, View } from '../player.ts';
import { CELL_MEMBER, type Snapshot } from '../worker/protocol.ts';
import { panel } from './panel.ts';

const STRIP_ROW = 30;
const LEGEND_ROW_PX = 24;

function rgba(hex: string): number {
  const v = Number.parseInt(hex.slice(1), 16);
  // little-endian ABGR for a Uint32Array view on ImageData
  return (0xff << 24) | ((v & 0xff) << 16) | (v & 0xff00) | ((v >> 16) & 0xff);
}

const ROLE_PIXEL = ROLE_COLOUR.map(rgba);
const MEMBER_PIXEL = rgba(MEMBER_COLOUR);
const BG_PIXEL = rgba(CANVAS_BACKGROUND);
const BUILDING_PIXEL = rgba(BUILDING_BACKGROUND);

interface Layout {
  perRow: number;
  cols: number;
  rows: number;
  blockW: number;
  blockH: number;
  width: number;
  height: number;
}

/** Buildings as blocks of residents, as many blocks per row as fit the drawing area's shape. */
function layout(n: number, buildingSize: number, aspect: number): Layout {
  const cols = Math.max(1, Math.ceil(Math.sqrt(buildingSize * 1.5)));
  const rows = Math.ceil(buildingSize / cols);
  const blockW = cols + 1;
  const blockH = rows + 1;
  const buildings = Math.ceil(n / buildingSize);
  const perRow = Math.max(
    1,
    Math.min(buildings, Math.round(Math.sqrt((buildings * aspect * blockH) / blockW))),
  );
  return {
    perRow,
    cols,
    rows,
    blockW,
    blockH,
    width: perRow * blockW + 1,
    height: Math.ceil(buildings / perRow) * blockH + 1,
  };
}

/**
 * The community on a canvas: one pixel-block per resident, coloured by role, grouped into buildings;
 * organisations as markers on their home building; social workers and the charity fund in a strip.
 * Residents are written into an ImageData at one pixel each and scaled up without smoothing, so
 * 10,000 or 100,000 residents cost one pass over a byte array per snapshot.
 */
export function communityView(): { section: HTMLElement; view: View } {
  const { section, body } = panel('community', 'communityTitle', 'communityHelp');
  const canvas = h('canvas', { 'data-testid': 'community-view', role: 'img', class: 'community' });
  body.append(canvas);
  const ctx = canvas.getContext('2d')!;
  const off = document.createElement('canvas');
  const offCtx = off.getContext('2d')!;
  let image: ImageData | undefined;
  let shape: Layout | undefined;
  let run: RunState | undefined;
  let snap: Snapshot | undefined;
  /** Residents per pixel side when they outnumber the pixels (1: one pixel each). */
  let factor = 1;
  let small: ImageData | undefined;

  /** Down-samples the full image by `f` into `small`: each pixel the commonest colour of its f × f square. */
  function summarise(px: Uint32Array, w: number, hgt: number, f: number): void {
    const sw = Math.ceil(w / f);
    const sh = Math.ceil(hgt / f);
    if (!small || small.width !== sw || small.height !== sh) small = offCtx.createImageData(sw, sh);
    const out = new Uint32Array(small.data.buffer);
    const colours = new Uint32Array(f * f);
    const counts = new Uint16Array(f * f);
    for (let y = 0; y < sh; y++)
      for (let x = 0; x < sw; x++) {
        let kinds = 0;
        let best = BG_PIXEL;
        let bestCount = 0;
        for (let yy = y * f; yy < Math.min(hgt, (y + 1) * f); yy++)
          for (let xx = x * f; xx < Math.min(w, (x + 1) * f); xx++) {
            const c = px[yy * w + xx];
            if (c === BG_PIXEL) continue;
            let k = 0;
            while (k < kinds && colours[k] !== c) k++;
            if (k === kinds) {
              colours[kinds] = c;
              counts[kinds++] = 0;
            }
            if (++counts[k] > bestCount || (counts[k] === bestCount && c !== BUILDING_PIXEL)) {
              bestCount = counts[k];
              best = c;
            }
          }
        out[y * sw + x] = best;
      }
  }

  function resize(): void {
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(300, canvas.clientWidth);
    const hgt = Math.round(w * 0.8);
    canvas.style.height = `${hgt}px`;
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(hgt * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    shape = undefined;
    draw();
  }

  function draw(): void {
    if (!snap || !run) return;
    const dpr = window.devicePixelRatio || 1;
    const cw = canvas.width / dpr;
    const ch = canvas.height / dpr;
    const legend = legendLayout(cw);
    const areaH = ch - 2 * row(STRIP_ROW) - legend.height;
    // no room for the residents (a narrow hidden canvas with large type): drawn when it is resized
    if (!(areaH > 0)) return;
    if (!shape) {
      shape = layout(snap.residents, snap.buildingSize, cw / areaH);
      off.width = shape.width;
      off.height = shape.height;
      image = offCtx.createImageData(shape.width, shape.height);
    }
    const L = shape;
    const px = new Uint32Array(image!.data.buffer);
    px.fill(BG_PIXEL);
    const bs = snap.buildingSize;
    const buildings = Math.ceil(snap.residents / bs);
    for (let b = 0; b < buildings; b++) {
      const x0 = (b % L.perRow) * L.blockW + 1;
      const y0 = Math.floor(b / L.perRow) * L.blockH + 1;
      for (let r = 0; r < L.rows; r++)
        px.fill(BUILDING_PIXEL, (y0 + r) * L.width + x0, (y0 + r) * L.width + x0 + L.cols);
    }
    const cells = snap.cells;
    for (let i = 0; i < cells.length; i++) {
      const b = (i / bs) | 0;
      const k = i - b * bs;
      const x = (b % L.perRow) * L.blockW + 1 + (k % L.cols);
      const y = ((b / L.perRow) | 0) * L.blockH + 1 + ((k / L.cols) | 0);
      const c = cells[i];
      const role = c & 7;
      px[y * L.width + x] = role <= 1 && c & CELL_MEMBER ? MEMBER_PIXEL : ROLE_PIXEL[role];
    }
    ctx.fillStyle = CANVAS_BACKGROUND;
    ctx.fillRect(0, 0, cw, ch);
    const dpr2 = window.devicePixelRatio || 1;
    let scale = Math.min(cw / L.width, areaH / L.height);
    // more residents than device pixels: each pixel summarises a square of residents by its commonest colour
    factor = scale * dpr2 < 1 ? Math.ceil(1 / (scale * dpr2)) : 1;
    canvas.dataset.perDot = String(factor * factor);
    if (factor > 1) {
      summarise(px, L.width, L.height, factor);
      offCtx.putImageData(small!, 0, 0);
    } else offCtx.putImageData(image!, 0, 0);
    if (scale >= 2) scale = Math.floor(scale);
    const dx = Math.round((cw - L.width * scale) / 2);
    const dy = 2 * row(STRIP_ROW) + Math.round((areaH - L.height * scale) / 2);
    ctx.imageSmoothingEnabled = false;
    if (factor > 1)
      ctx.drawImage(
        off,
        0,
        0,
        Math.ceil(L.width / factor),
        Math.ceil(L.height / factor),
        dx,
        dy,
        L.width * scale,
        L.height * scale,
      );
    else ctx.drawImage(off, dx, dy, L.width * scale, L.height * scale);

    // organisations: a marker per organisation at its building, stacked along the building's top edge
    const perBuilding = new Map<number, number>();
    const size = Math.max(3, Math.min(7, scale * 1.2));
    ctx.lineWidth = 1.5;
    for (let k = 0; k < snap.orgs.home.length; k++) {
      const b = snap.orgs.home[k];
      const slot = perBuilding.get(b) ?? 0;
      perBuilding.set(b, slot + 1);
      const x = dx + ((b % L.perRow) * L.blockW + 1) * scale + size + slot * size * 1.6;
      const y = dy + (Math.floor(b / L.perRow) * L.blockH + 1) * scale;
      ctx.beginPath();
      ctx.moveTo(x, y - size);
      ctx.lineTo(x + size, y);
      ctx.lineTo(x, y + size);
      ctx.lineTo(x - size, y);
      ctx.closePath();
      ctx.fillStyle = ELEMENT_COLOUR.organizations;
      ctx.strokeStyle = '#ffffff';
      ctx.fill();
      ctx.stroke();
    }
    drawStrip(cw);
    drawLegend(legend, ch);
  }

  function row(px: number): number {
    return document.documentElement.classList.contains('large-type') ? Math.round(px * 1.35) : px;
  }

  /** Canvas text in CSS pixels, larger in the projection (large type) mode. */
  function font(px: number): string {
    const size = document.documentElement.classList.contains('large-type') ? Math.round(px * 1.35) : px;
    return `${size}px ${lang() === 'zh' ? '"Noto Sans CJK SC", sans-serif' : 'system-ui, sans-serif'}`;
  }

  function drawStrip(cw: number): void {
    const s = snap!;
    const r = run!;
    ctx.font = font(15);
    ctx.textBaseline = 'middle';
    // row 1, social workers: one figure per full-time worker (up to 30), then the number
    const y1 = row(STRIP_ROW) / 2;
    const fte = s.socialWorkers;
    const swLabel = t('swFte', { n: fte.toFixed(1) });
    // as many figures as leave room for the number
    const room = Math.floor((cw - 40 - ctx.measureText(swLabel).width) / 11);
    const shown = Math.max(0, Math.min(30, Math.round(fte), room));
    ctx.fillStyle = ELEMENT_COLOUR.socialWorkers;
    for (let k = 0; k < shown; k++) {
      ctx.beginPath();
      ctx.arc(16 + k * 11, y1 - 5, 3.5, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillRect(13 + k * 11, y1, 7, 9);
    }
    ctx.fillStyle = '#e6edf3';
    ctx.fillText(swLabel, 22 + shown * 11, y1 + 2);

    // row 2, the charity fund as a bar against the fund that means full strength
    const y2 = row(STRIP_ROW) * 1.5;
    const fundRef = r.scenario.parameters.strength.fundPerResident * r.scenario.residents;
    const label = t('fund', { n: Math.round(s.fund).toLocaleString('en-US') });
    const textW = ctx.measureText(label).width;
    const barX = 22 + textW;
    // when residents outnumber pixels, the note on how many each dot stands for, right of the bar
    const note = factor > 1 ? t('summarised', { n: factor * factor }) : '';
    const noteW = note ? ctx.measureText(note).width + 16 : 0;
    const barW = Math.max(40, Math.min(260, cw - barX - 16 - noteW));
    if (note) {
      ctx.fillStyle = '#e6edf3';
      ctx.fillText(note, barX + barW + 12, y2);
    }
    ctx.fillStyle = '#e6edf3';
    ctx.fillText(label, 12, y2);
    ctx.fillStyle = '#3b434c';
    ctx.fillRect(barX, y2 - 7, barW, 14);
    ctx.fillStyle = ELEMENT_COLOUR.charity;
    ctx.fillRect(barX, y2 - 7, barW * Math.min(1, s.fund / fundRef), 14);
  }

  const LEGEND_ITEMS: Array<[string, Key, boolean]> = [
    [ROLE_COLOUR[0], 'role.0', false],
    [ROLE_COLOUR[1], 'role.1', false],
    [MEMBER_COLOUR, 'member', false],
    [ROLE_COLOUR[2], 'role.2', false],
    [ROLE_COLOUR[3], 'role.3', false],
    [ROLE_COLOUR[4], 'role.4', false],
    [ELEMENT_COLOUR.organizations, 'organisation', true],
  ];

  /** Legend items placed in as many rows as the width needs. */
  function legendLayout(cw: number): { height: number; at: Array<[number, number]> } {
    ctx.font = font(14);
    const at: Array<[number, number]> = [];
    let x = 12;
    let line = 0;
    for (const [, key] of LEGEND_ITEMS) {
      const w = 17 + ctx.measureText(t(key)).width + 16;
      if (x + w > cw - 8 && x > 12) {
        line++;
        x = 12;
      }
      at.push([x, line]);
      x += w;
    }
    return { height: (line + 1) * row(LEGEND_ROW_PX) + 10, at };
  }

  function drawLegend(legend: { height: number; at: Array<[number, number]> }, ch: number): void {
    ctx.font = font(14);
    ctx.textBaseline = 'middle';
    const top = ch - legend.height + 4;
    LEGEND_ITEMS.forEach(([colour, key, diamond], k) => {
      const [x, line] = legend.at[k];
      const y = top + line * row(LEGEND_ROW_PX) + row(LEGEND_ROW_PX) / 2;
      ctx.fillStyle = colour;
      if (diamond) {
        ctx.beginPath();
        ctx.moveTo(x + 6, y - 6);
        ctx.lineTo(x + 12, y);
        ctx.lineTo(x + 6, y + 6);
        ctx.lineTo(x, y);
        ctx.fill();
      } else ctx.fillRect(x, y - 6, 12, 12);
      ctx.fillStyle = '#e6edf3';
      ctx.fillText(t(key), x + 17, y);
    });
  }

  new ResizeObserver(() => resize()).observe(canvas);

  section.append(
    exportBar({
      name: () => `community-${run?.file.id ?? 'run'}-week${run?.tick ?? 0}`,
      canvas: () => canvas,
    }),
  );

  return {
    section,
    view: {
      reset(r) {
        run = r;
        snap = r.snapshot;
        shape = undefined;
        canvas.setAttribute(
          'aria-label',
          t('residentsCount', {
            n: r.scenario.residents,
            b: Math.ceil(r.scenario.residents / (snap.buildingSize || 1)),
          }),
        );
        draw();
      },
      update(r, s) {
        run = r;
        snap = s;
        draw();
      },
      relabel(r) {
        run = r;
        canvas.setAttribute(
          'aria-label',
          t('residentsCount', {
            n: r.scenario.residents,
            b: Math.ceil(r.scenario.residents / (r.snapshot.buildingSize || 1)),
          }),
        );
        draw();
      },
    },
  };
}
