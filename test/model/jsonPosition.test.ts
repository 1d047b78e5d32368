import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, lineColumn } from '../../src/model/jsonPosition.ts';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('jsonErrorOffset', () => {
  it('finds the offending character', () => {
    expect(jsonErrorOffset('{"id": }')).toBe(7);
    expect(jsonErrorOffset('[1,]')).toBe(3);
    expect(jsonErrorOffset('{"a": tru}')).toBe(9);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset('')).toBe(0);
    expect(jsonErrorOffset('{"a": 01}')).toBe(7);
    expect(jsonErrorOffset('{"a": "\\q"}')).toBe(8);
  });

  it('accepts valid JSON', () => {
    for (const t of [
      '{}',
      '[]',
      ' 1 ',
      '-0.5e+3',
      '"\\u00e9\\n"',
      '{"a": [true, false, null, {"b": "c"}]}',
    ]) {
      expect(jsonErrorOffset(t), t).toBeUndefined();
    }
  });

  it('agrees with JSON.parse on what is valid', () => {
    const jsonish = fc.string({
      unit: fc.constantFrom(...'{}[]",:01-.eE tfrualsn\\\n'.split('')),
      maxLength: 20,
    });
    const mutated = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n'))
      .map(([j, at, ins]) => j.slice(0, at % (j.length + 1)) + ins + j.slice(at % (j.length + 1)));
    fc.assert(
      fc.property(fc.oneof(jsonish, mutated, fc.json()), (t) => {
        expect(jsonErrorOffset(t) === undefined).toBe(parses(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('lineColumn is 1-based', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
