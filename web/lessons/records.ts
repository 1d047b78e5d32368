import { csvParse } from 'd3';
import { ELEMENTS, type ElementId } from '../../src/model/elements.ts';
import { toCsv } from '../export.ts';

/** One thing a student recorded in a lesson: a prediction, a run's result, or a reflection. */
export interface LessonRecord {
  /** When it was recorded (ISO 8601, the browser's clock). */
  time: string;
  student: string;
  lesson: string;
  step: 'prediction' | 'result' | 'reflection';
  /** The lesson's run, for a result. */
  run: string;
  /** The chosen prediction (its number, 1…), for a prediction. */
  choice: string;
  /** The prediction's reason or the reflection, as the student wrote it. */
  text: string;
  mode: string;
  firstMover: string;
  allInvolvedWeek: string;
  /** Final strengths, for a result. */
  strength: Partial<Record<ElementId, string>>;
  /** "yes" when the student changed the run's settings before recording it. */
  edited: string;
}

export const CSV_COLUMNS = [
  'time',
  'student',
  'lesson',
  'step',
  'run',
  'choice',
  'text',
  'mode',
  'firstMover',
  'allInvolvedWeek',
  ...ELEMENTS.map((e) => `strength.${e}`),
  'edited',
] as const;

const STORAGE_KEY = 'wushe.lessons.v1';

/** The records kept in this browser (localStorage); none when storage is unavailable. */
export function loadRecords(): LessonRecord[] {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const list = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(list) ? (list as LessonRecord[]) : [];
  } catch {
    return [];
  }
}

/** Saves the records; false when the browser refused (private mode, storage full). */
export function saveRecords(records: LessonRecord[]): boolean {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(records));
    return true;
  } catch {
    return false;
  }
}

export function blankRecord(fields: Partial<LessonRecord>): LessonRecord {
  return {
    time: '',
    student: '',
    lesson: '',
    step: 'prediction',
    run: '',
    choice: '',
    text: '',
    mode: '',
    firstMover: '',
    allInvolvedWeek: '',
    strength: {},
    edited: '',
    ...fields,
  };
}

/** Records as CSV, one row per record, in CSV_COLUMNS order. */
export function recordsCsv(records: LessonRecord[]): string {
  return toCsv(
    [...CSV_COLUMNS],
    records.map((r) => [
      r.time,
      r.student,
      r.lesson,
      r.step,
      r.run,
      r.choice,
      r.text,
      r.mode,
      r.firstMover,
      r.allInvolvedWeek,
      ...ELEMENTS.map((e) => r.strength[e] ?? ''),
      r.edited,
    ]),
  );
}

/** Reads a CSV written by `recordsCsv` (from any browser); throws with the missing columns named. */
export function parseRecordsCsv(text: string): LessonRecord[] {
  const rows = csvParse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const missing = CSV_COLUMNS.filter((c) => !rows.columns.includes(c));
  if (missing.length) throw new Error(missing.join(', '));
  return rows.map((row) => {
    const get = (k: string) => row[k] ?? '';
    const step = get('step');
    return blankRecord({
      time: get('time'),
      student: get('student'),
      lesson: get('lesson'),
      step: step === 'result' || step === 'reflection' ? step : 'prediction',
      run: get('run'),
      choice: get('choice'),
      text: get('text'),
      mode: get('mode'),
      firstMover: get('firstMover'),
      allInvolvedWeek: get('allInvolvedWeek'),
      strength: Object.fromEntries(
        ELEMENTS.filter((e) => get(`strength.${e}`) !== '').map((e) => [e, get(`strength.${e}`)]),
      ),
      edited: get('edited'),
    });
  });
}

const key = (r: LessonRecord) => [r.time, r.student, r.lesson, r.step, r.run].join('\u0000');

/** Adds the records not already present (same time, student, lesson, step and run); returns how many were new. */
export function mergeRecords(into: LessonRecord[], more: LessonRecord[]): number {
  const seen = new Set(into.map(key));
  let added = 0;
  for (const r of more)
    if (!seen.has(key(r))) {
      seen.add(key(r));
      into.push(r);
      added++;
    }
  into.sort((a, b) => a.time.localeCompare(b.time));
  return added;
}
