/** The worker's survey-replicate task kind, in-process and on a real worker thread (calibration's replicates). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { surveyOnce } from '../../src/analysis/survey.ts';
import { type RunOutcome, runTask } from '../../src/batch/task.ts';
import { parseScenario } from '../../src/model/parse.ts';
import { createNodePool } from '../../src/worker/node.ts';

function small() {
  const file = JSON.parse(readFileSync(new URL('../../scenarios/hubei-2020.json', import.meta.url), 'utf8'));
  const r = parseScenario(
    JSON.stringify({ ...file, ticks: 4, ensemble: { communities: 3, residents: { min: 500, max: 800 } } }),
  );
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

describe('survey replicate task', { timeout: 60_000 }, () => {
  const scenario = small();

  it('returns the respondents surveyOnce gives for the task scenario’s seed', () => {
    const out = runTask({ id: 4, scenario: { ...scenario, seed: 9 }, survey: { respondents: 30 } });
    expect(out.error).toBeUndefined();
    expect(out.id).toBe(4);
    expect(out.metrics).toBeUndefined();
    expect(out.respondents).toEqual(surveyOnce(scenario, 9, 30).respondents);
  });

  it('gives the same respondents on a worker thread', async () => {
    const pool = await createNodePool(1);
    try {
      const out: RunOutcome[] = [];
      await pool.run(
        [7, 8].map((seed, id) => ({ id, scenario: { ...scenario, seed }, survey: { respondents: 24 } })),
        (o) => out.push(o),
      );
      out.sort((a, b) => a.id - b.id);
      expect(out.map((o) => o.respondents)).toEqual(
        [7, 8].map((s) => surveyOnce(scenario, s, 24).respondents),
      );
    } finally {
      await pool.close();
    }
  });
});
