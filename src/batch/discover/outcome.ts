/**
 * The outcome of scenario discovery: a condition on a run's metrics, written as a small expression
 * (`mode == "charity-led"`, `allInvolvedTick == null || strength.volunteers < 0.5`), parsed here
 * without `eval`, checked against the metrics the runs have (names, types, known values), and
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

export type ValueType = 'number' | 'string' | 'boolean' | 'list' | 'null';

/** What the expression may name: a metric's type, whether it can be null, and its known values. */
export interface MetricType {
  type: Exclude<ValueType, 'null'>;
  nullable: boolean;
  /** Every value a string metric can take (e.g. the modes), for a did-you-mean on a typo. */
  values?: readonly string[];
}

export type Catalogue = ReadonlyMap<string, MetricType>;

export type Comparison = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in';

/** A node of the parsed expression; `at` is its column in the text (for messages). */
export type Expr = (
  | { kind: 'literal'; value: number | string | boolean | null }
  | { kind: 'metric'; name: string }
  | { kind: 'not'; arg: Expr }
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'compare'; op: Comparison; left: Expr; right: Expr }
) & { at?: number };

/** A problem with the expression: what is wrong, and where (0-based column). */
export class OutcomeError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
    this.name = 'OutcomeError';
  }
}

type Token =
  | { t: 'num'; v: number; at: number }
  | { t: 'str'; v: string; at: number }
  | { t: 'name'; v: string; at: number }
  | { t: 'op'; v: string; at: number }
  | { t: 'end'; at: number };

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')'] as const;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/;

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    // a sign belongs to a number only where a value is expected (after an operator or at the start)
    const last = out[out.length - 1];
    const valueExpected = last === undefined || (last.t === 'op' && last.v !== ')');
    const num = NUMBER.exec(rest);
    if (num && (valueExpected || !/^[+-]/.test(rest))) {
      const v = Number(num[0]);
      if (!Number.isFinite(v)) throw new OutcomeError(`the number ${num[0]} is too large`, i);
      out.push({ t: 'num', v, at: i });
      i += num[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      out.push({ t: 'name', v: name[0], at: i });
      i += name[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let s = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== c; j++) {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        s += text[j];
      }
      if (j >= text.length) throw new OutcomeError(`the string starting here has no closing ${c}`, i);
      out.push({ t: 'str', v: s, at: i });
      i = j + 1;
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (!op) {
      const hint = c === '=' ? ' (use == to compare)' : c === '&' || c === '|' ? ` (use ${c}${c})` : '';
      throw new OutcomeError(`unexpected character ${JSON.stringify(c)}${hint}`, i);
    }
    out.push({ t: 'op', v: op, at: i });
    i += op.length;
  }
  out.push({ t: 'end', at: text.length });
  return out;
}

const COMPARISONS = new Set<string>(['==', '!=', '<', '<=', '>', '>=']);

function describe(t: Token): string {
  return t.t === 'end' ? 'the end' : t.t === 'str' ? JSON.stringify(t.v) : String(t.v);
}

/** Parses an expression into its tree (syntax only; `checkOutcome` checks names and types). */
export function parseOutcome(text: string): Expr {
  const ts = tokens(text);
  let k = 0;
  const peek = () => ts[k];
  const isOp = (v: string) => peek().t === 'op' && (peek() as { v: string }).v === v;

  function or(): Expr {
    let left = and();
    while (isOp('||')) {
      k++;
      left = { kind: 'or', left, right: and(), at: left.at };
    }
    return left;
  }
  function and(): Expr {
    let left = unary();
    while (isOp('&&')) {
      k++;
      left = { kind: 'and', left, right: unary(), at: left.at };
    }
    return left;
  }
  function unary(): Expr {
    if (isOp('!')) {
      const here = peek().at;
      k++;
      return { kind: 'not', arg: unary(), at: here };
    }
    const left = value();
    const t = peek();
    const op = t.t === 'op' && COMPARISONS.has(t.v) ? t.v : t.t === 'name' && t.v === 'in' ? 'in' : undefined;
    if (op === undefined) return left;
    k++;
    const right = value();
    const next = peek();
    if ((next.t === 'op' && COMPARISONS.has(next.v)) || (next.t === 'name' && next.v === 'in'))
      throw new OutcomeError(`comparisons do not chain; join them with && (at ${describe(next)})`, next.at);
    return { kind: 'compare', op: op as Comparison, left, right, at: left.at };
  }
  function value(): Expr {
    const t = ts[k];
    if (t.t === 'num' || t.t === 'str') {
      k++;
      return { kind: 'literal', value: t.v, at: t.at };
    }
    if (t.t === 'name') {
      k++;
      if (t.v === 'true' || t.v === 'false') return { kind: 'literal', value: t.v === 'true', at: t.at };
      if (t.v === 'null') return { kind: 'literal', value: null, at: t.at };
      if (t.v === 'in') throw new OutcomeError('expected a value before "in"', t.at);
      return { kind: 'metric', name: t.v, at: t.at };
    }
    if (t.t === 'op' && t.v === '(') {
      k++;
      const inner = { ...or(), at: t.at };
      if (!isOp(')')) throw new OutcomeError(`expected ")" but found ${describe(peek())}`, peek().at);
      k++;
      return inner;
    }
    throw new OutcomeError(`expected a value (a metric, number or string) but found ${describe(t)}`, t.at);
  }

  if (ts.length === 1) throw new OutcomeError('the expression is empty', 0);
  const expr = or();
  if (peek().t !== 'end') throw new OutcomeError(`unexpected ${describe(peek())}`, peek().at);
  return expr;
}

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
