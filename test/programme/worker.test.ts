import { describe, expect, it } from 'vitest';
import { runProgrammeReplicate } from '../../src/analysis/programmeReplicate.ts';
import { runProgrammeInProcess } from '../../src/batch/programme.ts';
import { createNodePool } from '../../src/worker/node.ts';
import { runProgramme } from '../../src/worker/nodeProgramme.ts';
import { programme } from './helpers.ts';

describe('programmes on the worker pool', () => {
  it('a replicate in a worker, in shards on 2 workers, and in this thread are the same', async () => {
    const p = programme();
    const pool = await createNodePool(1);
    try {
      const inWorker = await pool.call((api) => api.programmeReplicate(p, 9));
      expect(JSON.stringify(inWorker)).toBe(JSON.stringify(runProgrammeReplicate(p, 9)));
    } finally {
      await pool.close();
    }
    const sharded = await runProgramme(p, { seeds: 2, workers: 2 });
    expect(JSON.stringify(sharded)).toBe(JSON.stringify(runProgrammeInProcess(p, { seeds: 2 })));
  });
});
