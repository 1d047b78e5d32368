import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOWN_METRICS, metricCatalogue } from '../../../src/batch/discover/ensemble.ts';
import {
  compileOutcome,
  evaluate,
  OutcomeError,
  outcomeMessage,
  parseOutcome,
} from '../../../src/batch/discover/outcome.ts';

const run = {
  'strength.volunteers': 0.42,
  'strength.charity': 0.7,
  mode: 'charity-led',
  firstMover: null,
  order: ['charity', 'volunteers'],
  allInvolvedTick: null,
  servedAny: 0.5,
};

const test = (text: string, m: Record<string, unknown> = run) => compileOutcome(text, KNOWN_METRICS).test(m);

function problem(text: string): OutcomeError {
  try {
    compileOutcome(text, KNOWN_METRICS);
  } catch (e) {
    if (e instanceof OutcomeError) return e;
    throw e;
  }
  throw new Error(`${text}: no error`);
}

describe('outcome expressions', () => {
  it('comparisons, strings, null and lists', () => {
    expect(test('mode == "charity-led"')).toBe(true);
    expect(test("mode != 'charity-led'")).toBe(false);
    expect(test('strength.volunteers < 0.5')).toBe(true);
    expect(test('strength.volunteers >= 0.42')).toBe(true);
    expect(test('strength.volunteers > 4.2e-1')).toBe(false);
    expect(test('allInvolvedTick == null')).toBe(true);
    expect(test('firstMover == null')).toBe(true);
    // a null metric is never below or above a number
    expect(test('allInvolvedTick < 100')).toBe(false);
    expect(test('allInvolvedTick >= 0')).toBe(false);
    expect(test('"charity" in order')).toBe(true);
    expect(test('"community" in order')).toBe(false);
    expect(test('strength.charity > -1')).toBe(true);
  });

  it('&& binds tighter than ||, ! tighter than both, parentheses override', () => {
    expect(test('servedAny > 1 && servedAny > 1 || mode == "charity-led"')).toBe(true);
    expect(test('servedAny > 1 && (servedAny > 1 || mode == "charity-led")')).toBe(false);
    expect(test('!(servedAny > 1) && !(mode == "mixed")')).toBe(true);
    expect(test('!!(servedAny < 1)')).toBe(true);
  });

  it('matches the same condition written in JavaScript, on random runs (property)', () => {
    const metric = fc.constantFrom('strength.volunteers', 'strength.charity', 'servedAny');
    const atom = fc.record({
      m: metric,
      op: fc.constantFrom('<', '<=', '>', '>='),
      v: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    type Tree =
      | { atom: { m: string; op: string; v: number } }
      | { op: '&&' | '||'; l: Tree; r: Tree }
      | { not: Tree };
    const { tree } = fc.letrec<{ tree: Tree }>((t) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        atom.map((a) => ({ atom: a })),
        fc.record({ op: fc.constantFrom('&&' as const, '||' as const), l: t('tree'), r: t('tree') }),
        t('tree').map((x) => ({ not: x })),
      ),
    }));
    const text = (x: Tree): string =>
      'atom' in x
        ? `${x.atom.m} ${x.atom.op} ${x.atom.v}`
        : 'not' in x
          ? `!(${text(x.not)})`
          : `(${text(x.l)} ${x.op} ${text(x.r)})`;
    const js = (x: Tree, m: Record<string, number>): boolean => {
      if ('not' in x) return !js(x.not, m);
      if ('op' in x) return x.op === '&&' ? js(x.l, m) && js(x.r, m) : js(x.l, m) || js(x.r, m);
      const a = m[x.atom.m];
      const v = x.atom.v;
      return x.atom.op === '<' ? a < v : x.atom.op === '<=' ? a <= v : x.atom.op === '>' ? a > v : a >= v;
    };
    const runs = fc.record({
      'strength.volunteers': fc.double({ min: 0, max: 1, noNaN: true }),
      'strength.charity': fc.double({ min: 0, max: 1, noNaN: true }),
      servedAny: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(tree, runs, (x, m) => {
        expect(evaluate(parseOutcome(text(x)), m)).toBe(js(x, m));
      }),
      { numRuns: 300 },
    );
  });

  it('any text either parses or fails with an OutcomeError at a column inside it (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        try {
          compileOutcome(s, KNOWN_METRICS);
        } catch (e) {
          expect(e).toBeInstanceOf(OutcomeError);
          expect((e as OutcomeError).column).toBeGreaterThanOrEqual(0);
          expect((e as OutcomeError).column).toBeLessThanOrEqual(s.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('unknown metrics with a did-you-mean, and where they are', () => {
    const e = problem('servedAny > 0.5 && strength.volunter < 0.5');
    expect(e.message).toMatch(/unknown metric "strength.volunter" \(did you mean "strength.volunteers"\?\)/);
    expect(e.column).toBe(19);
    expect(outcomeMessage('servedAny > 0.5 && strength.volunter < 0.5', e)[2]).toBe(`  ${' '.repeat(19)}^`);
  });

  it('type errors and unknown values are errors', () => {
    expect(problem('mode < 3').message).toMatch(/compares numbers/);
    expect(problem('mode == 3').message).toMatch(/compares a string with a number/);
    expect(problem('mode == "charity-lead"').message).toMatch(/did you mean "charity-led"/);
    expect(problem('servedAny == null').message).toMatch(/never null/);
    expect(problem('servedAny').message).toMatch(/not a condition/);
    expect(problem('servedAny > 0.5 && 3').message).toMatch(/needs conditions/);
    expect(problem('"x" in mode').message).toMatch(/list metric/);
  });

  it('syntax errors name the problem', () => {
    expect(problem('').message).toMatch(/empty/);
    expect(problem('mode = "mixed"').message).toMatch(/use ==/);
    expect(problem('servedAny > 0.5 & meanTrust > 0').message).toMatch(/use &&/);
    expect(problem('(servedAny > 0.5').message).toMatch(/expected "\)"/);
    expect(problem('mode == "mixed').message).toMatch(/no closing/);
    expect(problem('0 < servedAny < 1').message).toMatch(/do not chain/);
    expect(problem('servedAny > 0.5 meanTrust').message).toMatch(/unexpected meanTrust/);
  });
});

describe('the metric catalogue', () => {
  it('knows the record’s metrics and types any other key by its values', () => {
    const cat = metricCatalogue([
      { id: 'a', inputs: [], metrics: { ...run, sustainedVolunteers: 0.3, label: 'x', odd: 1 } },
      { id: 'b', inputs: [], metrics: { ...run, sustainedVolunteers: null, label: 'y', odd: 'one' } },
    ]);
    expect(cat.get('mode')?.values).toContain('mixed');
    expect(cat.get('sustainedVolunteers')).toEqual({ type: 'number', nullable: true });
    expect(cat.get('label')).toEqual({ type: 'string', nullable: true });
    expect(cat.has('odd')).toBe(false);
    expect(compileOutcome('sustainedVolunteers < 0.5', cat).test({ sustainedVolunteers: 0.3 })).toBe(true);
  });
});
