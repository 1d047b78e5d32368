import { csvText } from '../src/batch/csv.ts';
import { h } from './dom.ts';

/** Saves a blob under a file name through a temporary link (works offline, no server). */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(name: string, text: string, type: string): void {
  download(name, new Blob([text], { type }));
}

export function downloadJson(name: string, value: unknown): void {
  downloadText(name, `${JSON.stringify(value, null, 2)}\n`, 'application/json');
}

/** CSV with a header row, written like the command line's files (src/batch/csv.ts). */
export function toCsv(header: string[], rows: Array<Array<string | number | boolean | null>>): string {
  return csvText(header, rows);
}

/** The page's CSS rules that apply inside SVG charts, so an exported chart looks as on screen. */
function chartStyles(): string {
  const out: string[] = [];
  for (const sheet of document.styleSheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of rules) if (rule.cssText.includes('.chart')) out.push(rule.cssText);
  }
  return out.join('\n');
}

/** A standalone SVG document of a chart, with the styles it needs and a white background. */
export function svgText(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const box = svg.viewBox.baseVal;
  const width = box?.width || svg.clientWidth;
  const height = box?.height || svg.clientHeight;
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = `${chartStyles()}\nsvg{font-family:${getComputedStyle(document.documentElement).fontFamily.replaceAll('"', "'")};background:#fff}`;
  clone.insertBefore(style, clone.firstChild);
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#fff');
  clone.insertBefore(bg, style.nextSibling);
  return new XMLSerializer().serializeToString(clone);
}

/** Renders an SVG chart to a PNG at twice its size. */
export async function svgToPng(svg: SVGSVGElement): Promise<Blob> {
  const text = svgText(svg);
  const box = svg.viewBox.baseVal;
  const width = box?.width || svg.clientWidth;
  const height = box?.height || svg.clientHeight;
  const img = new Image();
  img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  await img.decode();
  const canvas = h('canvas', { width: width * 2, height: height * 2 });
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(img, 0, 0, width * 2, height * 2);
  URL.revokeObjectURL(img.src);
  return canvasToPng(canvas);
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

/** An SVG document wrapping a canvas picture, for charts drawn on canvas. */
export function canvasToSvgText(canvas: HTMLCanvasElement): string {
  const w = canvas.width;
  const hgt = canvas.height;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${hgt}" viewBox="0 0 ${w} ${hgt}"><image width="${w}" height="${hgt}" href="${canvas.toDataURL('image/png')}"/></svg>`;
}

export interface Exports {
  name: () => string;
  svg?: () => SVGSVGElement | undefined;
  canvas?: () => HTMLCanvasElement | undefined;
  csv?: () => string | undefined;
  json?: () => unknown;
}

/** The row of download buttons under a chart: SVG and PNG of the picture, CSV and JSON of its data. */
export function exportBar(ex: Exports): HTMLElement {
  const button = (
    key: 'exportSvg' | 'exportPng' | 'exportCsv' | 'exportJson',
    act: () => void | Promise<void>,
  ) => {
    const b = h('button', { type: 'button', class: 'small', i18n: key });
    b.addEventListener('click', () => void act());
    return b;
  };
  const bar = h('div', { class: 'export-bar' }, h('span', { class: 'muted', i18n: 'download' }));
  bar.append(
    button('exportSvg', () => {
      const svg = ex.svg?.();
      const canvas = ex.canvas?.();
      if (svg) downloadText(`${ex.name()}.svg`, svgText(svg), 'image/svg+xml');
      else if (canvas) downloadText(`${ex.name()}.svg`, canvasToSvgText(canvas), 'image/svg+xml');
    }),
    button('exportPng', async () => {
      const svg = ex.svg?.();
      const canvas = ex.canvas?.();
      if (svg) download(`${ex.name()}.png`, await svgToPng(svg));
      else if (canvas) download(`${ex.name()}.png`, await canvasToPng(canvas));
    }),
  );
  if (ex.csv)
    bar.append(
      button('exportCsv', () => {
        const text = ex.csv!();
        if (text) downloadText(`${ex.name()}.csv`, text, 'text/csv');
      }),
    );
  if (ex.json)
    bar.append(
      button('exportJson', () => {
        const value = ex.json!();
        if (value !== undefined) downloadJson(`${ex.name()}.json`, value);
      }),
    );
  return bar;
}
