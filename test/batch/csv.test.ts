import { csvParseRows } from 'd3-dsv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvText } from '../../src/batch/csv.ts';

describe('csv', () => {
  it('quotes only what needs quoting; numbers, empties, booleans and objects', () => {
    expect(
      csvText(
        ['a', 'b'],
        [
          [1, 'x,y'],
          ['say "hi"', null],
          [Number.NaN, true],
          [{ k: 1 }, 'line\nbreak'],
        ],
      ),
    ).toBe('a,b\n1,"x,y"\n"say ""hi""",\n,true\n"{""k"":1}","line\nbreak"\n');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField(undefined)).toBe('');
  });

  it('reads back as written', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }),
        (rows) => {
          const text = csvText(['h1', 'h2'], rows);
          expect(csvParseRows(text.slice(0, -1))).toEqual([['h1', 'h2'], ...rows]);
        },
      ),
    );
  });
});
