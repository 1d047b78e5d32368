import { describe, expect, it } from 'vitest';
import { blankRecord, mergeRecords, parseRecordsCsv, recordsCsv } from '../../web/lessons/records.ts';

const records = [
  blankRecord({
    time: '2026-03-01T09:00:00.000Z',
    student: 'Li Hua',
    lesson: 'strategy',
    step: 'prediction',
    choice: '2',
    text: 'Because, "mostly", the base',
  }),
  blankRecord({
    time: '2026-03-01T09:05:00.000Z',
    student: 'Li Hua',
    lesson: 'strategy',
    step: 'result',
    run: 'weakest-first',
    mode: 'volunteer-led',
    firstMover: 'volunteers',
    allInvolvedWeek: '61',
    strength: {
      community: '0.512',
      organizations: '0.3',
      socialWorkers: '0.5',
      volunteers: '0.7',
      charity: '0.2',
    },
  }),
  blankRecord({
    time: '2026-03-01T09:10:00.000Z',
    student: '王芳',
    lesson: 'strategy',
    step: 'reflection',
    text: '多行\n反思',
  }),
];

describe('lesson records', () => {
  it('survive a round trip through CSV, quotes, commas, line breaks and Chinese included', () => {
    expect(parseRecordsCsv(recordsCsv(records))).toEqual(records);
  });

  it('merge several students’ files without duplicates', () => {
    const mine = [records[0]];
    expect(mergeRecords(mine, parseRecordsCsv(recordsCsv(records)))).toBe(2);
    expect(mergeRecords(mine, parseRecordsCsv(recordsCsv(records)))).toBe(0);
    expect(mine.map((r) => r.step)).toEqual(['prediction', 'result', 'reflection']);
  });

  it('refuse a file that is not a records file, naming the missing columns', () => {
    expect(() => parseRecordsCsv('name,score\nA,1\n')).toThrow(/time, student, lesson/);
  });
});
