/**
 * Parameter values in prose documents (docs/ODD.md), filled in from the declarations so that the
 * prose never drifts from src/model/parameters.ts. A value is written between two HTML comments,
 * which GitHub and other Markdown renderers do not show:
 *
 *   `volunteers.lapseHazard` (<!-- param:volunteers.lapseHazard -->0.008<!-- /param --> a week)
 *
 * The marker names a path as the declarations do, without the `parameters.` prefix
 * (`volunteers.lapseHazard`, `ticks`, `initial.charity`), followed by options:
 *
 * - `min`, `max`: the end of the declared range instead of the default;
 * - `percent`: the value × 100 with a % sign (2.75%);
 * - `unit`: the value followed by its declared unit (104 weeks).
 *
 * `<!-- param:=EXPR -->` writes a value computed from defaults with + − × ÷ and brackets, e.g.
 * `<!-- param:=residents * strength.organizationsPer10k / 10000 -->`. `npm run docs:params` rewrites
 * every marked value; test/docs/odd.test.ts fails while one is stale or a value is left unmarked.
 */
import { type NumberSpec, numberSpec } from './parameters.ts';

/** A marked value: the marker's text (path and options) and the value written after it. */
export const PARAM_MARKER = /<!-- param:([^>]*?) -->([\s\S]*?)<!-- \/param -->/g;

/** The declaration a document names: `volunteers.lapseHazard` or a top-level `ticks`, `initial.charity`. */
export function documentedSpec(name: string): NumberSpec | undefined {
  return numberSpec(`parameters.${name}`) ?? numberSpec(name);
}

/** A number as the documents write it: at most 12 significant digits, thousands separated by commas. */
export function formatValue(v: number): string {
  const x = Number(v.toPrecision(12));
  const text = String(x);
  return Number.isInteger(x) && Math.abs(x) >= 1000 ? text.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : text;
}

const OPTIONS = new Set(['min', 'max', 'percent', 'unit']);

/** The text a marker stands for, or an error naming what is wrong with it. */
export function markedValue(marker: string): string {
  const body = marker.trim();
  if (body.startsWith('=')) return formatValue(evaluate(body.slice(1)));
  const [name, ...options] = body.split(/\s+/);
  const spec = documentedSpec(name);
  if (!spec) throw new Error(`param:${body}: no parameter ${name} is declared`);
  for (const o of options) if (!OPTIONS.has(o)) throw new Error(`param:${body}: unknown option ${o}`);
  const v = options.includes('min') ? spec.min : options.includes('max') ? spec.max : spec.default;
  if (options.includes('percent')) return `${formatValue(v * 100)}%`;
  return options.includes('unit') ? `${formatValue(v)} ${spec.unit}` : formatValue(v);
}

/** `doc` with every marked value rewritten from the declarations. */
export function withParameterValues(doc: string): string {
  return doc.replace(PARAM_MARKER, (_, marker: string) => {
    return `<!-- param:${marker} -->${markedValue(marker)}<!-- /param -->`;
  });
}

/** Evaluates + − × ÷ and brackets over numbers and declared defaults (no `eval`). */
function evaluate(expr: string): number {
  const tokens = expr.match(/\d+(?:\.\d+)?|[A-Za-z_][\w.]*|[-+*/×÷()]/g) ?? [];
  if (tokens.join('') !== expr.replace(/\s+/g, '')) throw new Error(`param:=${expr}: cannot read it`);
  let k = 0;
  const fail = (why: string): never => {
    throw new Error(`param:=${expr}: ${why}`);
  };
  const atom = (): number => {
    const t = tokens[k++];
    if (t === undefined) return fail('ends too soon');
    if (t === '(') {
      const v = sum();
      if (tokens[k++] !== ')') fail('a bracket is not closed');
      return v;
    }
    if (t === '-') return -atom();
    if (/^\d/.test(t)) return Number(t);
    const spec = documentedSpec(t);
    return spec ? spec.default : fail(`no parameter ${t} is declared`);
  };
  const product = (): number => {
    let v = atom();
    while (['*', '/', '×', '÷'].includes(tokens[k])) {
      const op = tokens[k++];
      v = op === '*' || op === '×' ? v * atom() : v / atom();
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[k] === '+' || tokens[k] === '-') v = tokens[k++] === '+' ? v + product() : v - product();
    return v;
  };
  const v = sum();
  if (k < tokens.length) fail(`unexpected ${tokens[k]}`);
  return v;
}
