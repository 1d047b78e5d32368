/**
 * The outcome of scenario discovery: a condition on a run's metrics, written as a small expression
 * (`mode == "charity-led"`, `allInvolvedTick == null || strength.volunteers < 0.5`), parsed without
 * `eval` (src/batch/discover/outcomeSyntax.ts), checked against the metrics the runs have (names, types, known values), and
 * evaluated on each run. Pure: no Node or DOM API.
 *
 * Grammar (docs/discover.md):
 *
 *     or      := and ( "||" and )*
 *     and     := unary ( "&&" unary )*
 *     unary   := "!" unary | compare
 *     compare := value ( ("==" | "!=" | "<" | "<=" | ">" | ">=" | "in") value )?
 *     value   := number | string | true | false | null | metric | "(" or ")"
 *
 * A metric is a name from the runs' records (`strength.volunteers`, `mode`, …); a string is in
 * double or single quotes (backslash escapes the quote and itself); a number is decimal, with an
 * optional sign and exponent. `<`, `<=`, `>`, `>=` compare numbers; on a metric that is null (a
 * run that never involved all five elements has no `allInvolvedTick`) they are false. `==` and `!=`
 * compare values of one type, or anything with `null`. `x in list` is true when the list metric
 * (`order`) holds x.
 */
import { closest } from '../../model/scenario.ts';
import { type Expr, OutcomeError, parseOutcome } from './outcomeSyntax.ts';

export { type Comparison, type Expr, OutcomeError, parseOutcome } from './outcomeSyntax.ts';

export type ValueType = 'number' | 'string' | 'boolean' | 'list' | 'null';

/** What the expression may name: a metric's type, whether it can be null, and its known values. */
export interface MetricType {
  type: Exclude<ValueType, 'null'>;
  nullable: boolean;
  /** Every value a string metric can take (e.g. the modes), for a did-you-mean on a typo. */
  values?: readonly string[];
}

export type Catalogue = ReadonlyMap<string, MetricType>;

function at(e: Expr): number {
  return e.at ?? 0;
}

/**
 * Checks names and types against the catalogue; returns the metrics the expression uses. Throws
 * an OutcomeError for an unknown metric (with a did-you-mean), a type mismatch, an unknown value
 * of a metric with known values (`mode == "charity-lead"`), or an expression that is not a
 * condition.
 */
export function checkOutcome(expr: Expr, catalogue: Catalogue): string[] {
  const used = new Set<string>();
  function typeOf(e: Expr): { type: ValueType; nullable: boolean; metric?: string } {
    switch (e.kind) {
      case 'literal':
        return {
          type: e.value === null ? 'null' : (typeof e.value as 'number' | 'string' | 'boolean'),
          nullable: e.value === null,
        };
      case 'metric': {
        const m = catalogue.get(e.name);
        if (!m) {
          const hint = closest(e.name, [...catalogue.keys()]);
          throw new OutcomeError(
            `unknown metric "${e.name}"${hint ? ` (did you mean "${hint}"?)` : ''}; the runs have: ${[...catalogue.keys()].join(', ')}`,
            at(e),
          );
        }
        used.add(e.name);
        return { type: m.type, nullable: m.nullable, metric: e.name };
      }
      case 'not':
        condition(e.arg, '!');
        return { type: 'boolean', nullable: false };
      case 'and':
      case 'or':
        condition(e.left, e.kind === 'and' ? '&&' : '||');
        condition(e.right, e.kind === 'and' ? '&&' : '||');
        return { type: 'boolean', nullable: false };
      case 'compare': {
        const l = typeOf(e.left);
        const r = typeOf(e.right);
        const where = at(e.left.kind === 'metric' ? e.left : e.right);
        if (e.op === 'in') {
          if (r.type !== 'list')
            throw new OutcomeError(`"in" needs a list metric on its right (such as order)`, where);
          if (l.type !== 'string' && l.type !== 'number')
            throw new OutcomeError(`"in" needs a string or number on its left`, where);
        } else if (e.op === '==' || e.op === '!=') {
          if (l.type !== 'null' && r.type !== 'null' && l.type !== r.type)
            throw new OutcomeError(`${e.op} compares a ${l.type} with a ${r.type}`, where);
          if ((l.type === 'null' && !r.nullable) || (r.type === 'null' && !l.nullable)) {
            const m = l.metric ?? r.metric;
            if (m) throw new OutcomeError(`${m} is never null`, where);
          }
        } else if (l.type !== 'number' || r.type !== 'number')
          throw new OutcomeError(
            `${e.op} compares numbers, not a ${l.type === 'number' ? r.type : l.type}`,
            where,
          );
        knownValue(e.left, e.right);
        knownValue(e.right, e.left);
        return { type: 'boolean', nullable: false };
      }
    }
  }
  /** A string compared with a metric of known values must be one of them. */
  function knownValue(metric: Expr, literal: Expr): void {
    if (metric.kind !== 'metric' || literal.kind !== 'literal' || typeof literal.value !== 'string') return;
    const values = catalogue.get(metric.name)?.values;
    if (!values || values.includes(literal.value)) return;
    const hint = closest(literal.value, values);
    throw new OutcomeError(
      `${metric.name} is never "${literal.value}"${hint ? ` (did you mean "${hint}"?)` : ''}; it is one of ${values.join(', ')}`,
      at(metric),
    );
  }
  function condition(e: Expr, op: string): void {
    const t = typeOf(e);
    if (t.type !== 'boolean')
      throw new OutcomeError(
        `${op === 'top' ? 'the outcome' : `${op} needs conditions, but this`} is a ${t.type}, not a condition (compare it: ${t.metric ?? 'x'} > 0.5, == "…")`,
        at(e),
      );
  }
  condition(expr, 'top');
  return [...used];
}

/** A parsed and checked outcome: `test` says whether a run's metrics meet it. */
export interface Outcome {
  text: string;
  expr: Expr;
  metrics: string[];
  test(metrics: Readonly<Record<string, unknown>>): boolean;
}

/** Parses, checks and compiles an outcome; throws OutcomeError. */
export function compileOutcome(text: string, catalogue: Catalogue): Outcome {
  const expr = parseOutcome(text);
  const metrics = checkOutcome(expr, catalogue);
  return { text, expr, metrics, test: (m) => evaluate(expr, m) === true };
}

/** The value of an expression on a run's metrics (a metric the run lacks is null). */
export function evaluate(e: Expr, m: Readonly<Record<string, unknown>>): unknown {
  switch (e.kind) {
    case 'literal':
      return e.value;
    case 'metric':
      return Object.hasOwn(m, e.name) ? (m[e.name] ?? null) : null;
    case 'not':
      return evaluate(e.arg, m) !== true;
    case 'and':
      return evaluate(e.left, m) === true && evaluate(e.right, m) === true;
    case 'or':
      return evaluate(e.left, m) === true || evaluate(e.right, m) === true;
    case 'compare': {
      const l = evaluate(e.left, m);
      const r = evaluate(e.right, m);
      switch (e.op) {
        case '==':
          return l === r;
        case '!=':
          return l !== r;
        case 'in':
          return Array.isArray(r) && r.includes(l);
        default:
          if (typeof l !== 'number' || typeof r !== 'number') return false;
          return e.op === '<' ? l < r : e.op === '<=' ? l <= r : e.op === '>' ? l > r : l >= r;
      }
    }
  }
}

/** The message for an OutcomeError, with the expression and a caret under the place. */
export function outcomeMessage(text: string, e: OutcomeError, label = '--outcome'): string[] {
  return [`${label}: ${e.message}`, `  ${text}`, `  ${' '.repeat(e.column)}^`];
}
