/**
 * The syntax of outcome expressions (grammar in src/batch/discover/outcome.ts and
 * docs/discover.md): a tokenizer and a recursive-descent parser into a tree, with no `eval`.
 * Pure: no Node or DOM API.
 */

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
