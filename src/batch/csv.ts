/**
 * CSV text (RFC 4180) for every table wushe writes — series, flows, sweep summaries, the web app's
 * exports — through d3-dsv, so all are quoted alike. Pure: no Node or DOM API.
 */
import { csvFormatRows } from 'd3-dsv';

/** A value as CSV cell text: numbers as JSON numbers (none when not finite), null/undefined empty, objects as JSON. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return JSON.stringify(v) ?? '';
}

/** One CSV field, quoted when it needs to be. */
export function csvField(v: unknown): string {
  return csvFormatRows([[cellText(v)]]);
}

/** Rows as CSV text, header first, ending with a newline. */
export function csvText(header: readonly unknown[], rows: Iterable<readonly unknown[]>): string {
  const table: string[][] = [header.map(cellText)];
  for (const row of rows) table.push(row.map(cellText));
  return `${csvFormatRows(table)}\n`;
}
