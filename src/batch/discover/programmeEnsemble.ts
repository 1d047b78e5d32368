/**
 * The ensemble of a programme run (`wushe programme run --out DIR`): one case per community and
 * replicate, from communities.csv. The inputs are the columns that describe what a community
 * started with and was given — `residents`, `allocation`, `purchasedFte`, `budget.<instrument>`,
 * `initial.<element>` — when they vary; every other column but `seed`, `community` and `id` is a
 * metric the outcome can name (`mode`, `fullLinkageWeek`, `yearsAfter2.volunteers`, …). Pure: no
 * Node or DOM API.
 */
import { csvParseRows } from 'd3-dsv';
import type { Ensemble, EnsembleCase, InputSpec } from './ensemble.ts';

/** Columns that identify a row, neither input nor metric. */
const ID_COLUMNS = new Set(['seed', 'community', 'id']);

/** Whether a column of communities.csv is an input (what the community started with or was given). */
export function isProgrammeInput(column: string): boolean {
  return (
    column === 'residents' ||
    column === 'allocation' ||
    column === 'purchasedFte' ||
    column.startsWith('budget.') ||
    column.startsWith('initial.')
  );
}

/** A cell: a number when it reads as one, null when empty, else the text. */
function cell(text: string): number | string | null {
  if (text === '') return null;
  const v = Number(text);
  return Number.isFinite(v) && /^[\s+-]?[\d.]/.test(text) ? v : text;
}

/** The ensemble in the text of communities.csv; throws an Error naming what is wrong. */
export function programmeEnsemble(csv: string): Ensemble {
  const [header, ...rows] = csvParseRows(csv.trim());
  if (!header || header.length === 0) throw new Error('communities.csv is empty');
  for (const [k, r] of rows.entries())
    if (r.length !== header.length)
      throw new Error(`communities.csv line ${k + 2}: ${r.length} cells, the header has ${header.length}`);
  const values = rows.map((r) => r.map(cell));
  const inputs: InputSpec[] = [];
  const inputColumns: number[] = [];
  header.forEach((name, j) => {
    if (!isProgrammeInput(name)) return;
    const column = values.map((v) => v[j]);
    if (new Set(column).size < 2) return; // an input that never varies restricts nothing
    if (column.every((v) => typeof v === 'number')) {
      const nums = column as number[];
      inputs.push({ name, kind: 'numeric', range: [Math.min(...nums), Math.max(...nums)] });
    } else {
      const labels = [...new Set(column.map((v) => (v === null ? '' : String(v))))];
      inputs.push({ name, kind: 'categorical', categories: labels });
    }
    inputColumns.push(j);
  });
  const metricColumns = header
    .map((_, j) => j)
    .filter((j) => !ID_COLUMNS.has(header[j]) && !isProgrammeInput(header[j]));
  const seed = header.indexOf('seed');
  const community = header.indexOf('community');
  const cases: EnsembleCase[] = values.map((v, k) => ({
    id: seed >= 0 && community >= 0 ? `seed ${v[seed]}, community ${v[community]}` : `row ${k + 1}`,
    inputs: inputColumns.map((j, i) =>
      inputs[i].kind === 'numeric' ? (v[j] as number) : v[j] === null ? '' : String(v[j]),
    ),
    metrics: Object.fromEntries(metricColumns.map((j) => [header[j], v[j]])),
  }));
  return { kind: 'programme', inputs, cases, failed: 0 };
}
