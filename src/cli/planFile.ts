/**
 * Reading a sweep plan file for `wushe sweep`: the plan's scenario path is relative to the plan
 * file's folder (so a plan and its scenario move together); the checks are src/batch/loadPlan.ts.
 */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { type LoadedPlan, loadPlanText } from '../batch/loadPlan.ts';
import { UsageError } from './errors.ts';
import { readText } from './io.ts';
import { cliLang } from './lang.ts';

/** Reads, checks and resolves a plan file; every problem is a line of a UsageError naming its file. */
export function loadPlan(file: string): LoadedPlan {
  const loaded = loadPlanText(readText(file), {
    name: file,
    lang: cliLang(),
    readScenario: (path) => {
      const full = resolve(dirname(file), path);
      if (!existsSync(full)) {
        // the usual slip: a path written relative to the current folder rather than to the plan
        const hint = existsSync(path)
          ? `; paths are relative to the plan's folder, so from ${dirname(file)} this one is ${JSON.stringify(relative(dirname(file), path))}`
          : '';
        throw new Error(`no such file ${path} (looked for ${full})${hint}`);
      }
      const name = relative('.', full) || full;
      return { text: readText(full), name: name.startsWith('..') ? full : name };
    },
  });
  if (!loaded.ok) throw new UsageError(loaded.errors);
  return { plan: loaded.plan, sweep: loaded.sweep };
}
