import { describe, expect, it } from 'vitest';
import {
  isProgrammeRunInfo,
  parseReplicateLine,
  parseReplicatesText,
  programmeRunInfo,
  replicateLine,
  replicatesText,
} from '../../src/batch/programmeFolder.ts';
import type { ReplicateResult } from '../../src/engine/districtTypes.ts';

function replicate(seed: number, x: number): ReplicateResult {
  return {
    seed,
    rows: [{ index: 0, id: 'd#1', residents: 10, helped: x, fullLinkageWeek: null } as never],
    ledger: { totalSpent: x } as never,
    series: { volunteers: [x, Number.NaN], organizations: [], fund: [], socialWorkers: [], served: [] },
  };
}

describe('the programme run folder format', () => {
  it('writes a replicate as one line and reads it back to the last bit (NaN, ±Infinity, −0 too)', () => {
    const r = replicate(7, 0.1 + 0.2);
    r.series.fund = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 5e-324];
    const line = replicateLine({ replicate: 3, result: r });
    expect(line).not.toContain('\n');
    expect(line.startsWith('{"replicate":3,"seed":7,')).toBe(true);
    const back = parseReplicateLine(line);
    expect(back?.replicate).toBe(3);
    expect(back?.result).toEqual(r);
    expect(Object.is(back?.result.series.fund[2], -0)).toBe(true);
    expect(Number.isNaN(back?.result.series.volunteers[1])).toBe(true);
    expect(replicateLine(back as never)).toBe(line);
    // a community called "NaN" stays a string
    const named = replicate(1, 1);
    named.rows[0].id = 'NaN';
    expect(parseReplicateLine(replicateLine({ replicate: 0, result: named }))?.result.rows[0].id).toBe('NaN');
  });

  it('reads replicates.jsonl: torn last line, repeated and bad lines; writes it sorted', () => {
    const a = replicateLine({ replicate: 1, result: replicate(11, 1) });
    const b = replicateLine({ replicate: 0, result: replicate(10, 2) });
    const text = `${a}\n${b}\n${a}\n${b.slice(0, 20)}`;
    const parsed = parseReplicatesText(text);
    expect(parsed.records.map((r) => r.replicate)).toEqual([1, 0]);
    expect(parsed).toMatchObject({ torn: true, duplicates: 1, complete: text.length - 20 });
    expect(replicatesText(parsed.records)).toBe(`${b}\n${a}\n`);
    expect(parseReplicatesText(`${a}\n{"replicate":2}\n`).badLine).toBe(2);
    expect(parseReplicateLine('not json')).toBeUndefined();
  });

  it('describes a folder in run.json: the whole run or a shard’s share', () => {
    const facts = { programme: 'p', fingerprint: 'sha256:0', master: 5, seeds: 10 };
    expect(programmeRunInfo(facts, undefined)).toEqual({
      format: 1,
      ...facts,
      shard: null,
      shardReplicates: 10,
    });
    expect(programmeRunInfo(facts, { index: 1, count: 4 }).shardReplicates).toBe(3);
    expect(programmeRunInfo(facts, { index: 3, count: 4 }).shardReplicates).toBe(2);
    expect(isProgrammeRunInfo(programmeRunInfo(facts, { index: 3, count: 4 }))).toBe(true);
    expect(isProgrammeRunInfo({ ...programmeRunInfo(facts, undefined), shard: { index: 4, count: 4 } })).toBe(
      false,
    );
    expect(isProgrammeRunInfo({ format: 1 })).toBe(false);
  });
});
