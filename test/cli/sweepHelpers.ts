import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { smallScenario } from '../batch/helpers.ts';

/** A small scenario for sweep tests (runs take a few milliseconds): the batch tests' one, renamed. */
export function sweepScenario(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...smallScenario(), id: 'sweep-test', ...extra };
}

/** Writes the scenario and a plan naming it by a relative path; returns the plan's path. */
export function writePlan(dir: string, plan: Record<string, unknown>, scenario = sweepScenario()): string {
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario, null, 2));
  const file = join(dir, 'plan.json');
  writeFileSync(file, JSON.stringify({ scenario: 'scenario.json', ...plan }, null, 2));
  return file;
}

/** The lines of a file, sorted (runs.jsonl compared as a set). */
export function sortedLines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).sort();
}
