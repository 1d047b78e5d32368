/**
 * The one way the command line's charts (the strength landscape, programme comparisons, scenario
 * discovery) start and finish an SVG file: a white, self-contained `<svg>` made in `doc` (linkedom's
 * document in Node, the page's in a browser), and its markup with an XML declaration.
 */
import { type Selection, select } from 'd3';
import type { SvgHost } from './svgHost.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export type SvgSelection = Selection<SVGSVGElement, unknown, null, undefined>;

/** A new `width` × `height` SVG on a white background, sans-serif at `fontSize` px. */
export function svgDocument(doc: SvgHost, width: number, height: number, fontSize = 12): SvgSelection {
  const svg = select(doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement)
    .attr('xmlns', SVG_NS)
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('font-family', 'sans-serif')
    .attr('font-size', fontSize);
  svg.append('rect').attr('width', width).attr('height', height).attr('fill', '#ffffff');
  return svg;
}

/** The chart's heading at `x`: a bold title on the first line and, when given, a grey subtitle under it. */
export function svgHeading(svg: SvgSelection, x: number, title: string, subtitle?: string): void {
  svg.append('text').attr('x', x).attr('y', 28).attr('font-size', 18).attr('font-weight', 'bold').text(title);
  if (subtitle) svg.append('text').attr('x', x).attr('y', 50).attr('fill', '#444').text(subtitle);
}

/** The file's text: an XML declaration and the SVG's markup. */
export function svgMarkup(svg: SvgSelection): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.node()!.outerHTML}\n`;
}
