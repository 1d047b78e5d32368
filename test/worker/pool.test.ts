/**
 * The batch worker pool: real Node worker threads driven through comlink (the built worker the
 * global setup made, and the tsx boot file used from the sources), failures recorded per run, a
 * dying worker replaced. ~3 s.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkPlanShape, resolvePlan } from '../../src/batch/plan.ts';
import { createSweep, runSpec, scenarioForRun } from '../../src/batch/sweep.ts';
import { type RunOutcome, type RunTask, runTask } from '../../src/batch/task.ts';
import { validateScenario } from '../../src/model/scenario.ts';
import type { WorkerApi } from '../../src/worker/api.ts';
import { createNodePool, workerEntry } from '../../src/worker/node.ts';
import { type RemoteApi, type WorkerHandle, WorkerPool } from '../../src/worker/pool.ts';
import { smallScenario } from '../batch/helpers.ts';

function tasks(n: number): RunTask[] {
  const v = validateScenario(smallScenario());
  if (!v.ok) throw new Error('invalid');
  const shape = checkPlanShape({
    scenario: 'x',
    design: 'lhs',
    samples: n,
    seed: 4,
    factors: { 'initial.volunteers': { min: 0, max: 1 }, 'initial.organizations': { min: 0, max: 1 } },
  });
  if (!shape.ok) throw new Error(shape.errors.join());
  const r = resolvePlan(shape.plan, v.scenario);
  if (!r.ok) throw new Error(r.errors.join());
  const s = createSweep(r.plan);
  return Array.from({ length: n }, (_, i) => ({ id: i, scenario: scenarioForRun(r.plan, runSpec(s, i)) }));
}

async function runAll(pool: WorkerPool, list: RunTask[]): Promise<RunOutcome[]> {
  const out: RunOutcome[] = [];
  await pool.run(list, (o) => out.push(o));
  return out.sort((a, b) => a.id - b.id);
}

const strip = (o: RunOutcome) => ({ id: o.id, metrics: o.metrics, error: o.error });

describe('Node worker pool (real worker threads)', { timeout: 60_000 }, () => {
  const list = tasks(8);
  const expected = list.map((t) => strip(runTask(t)));

  it('gives the same metrics as running in-process, with the built worker', async () => {
    const entry = workerEntry();
    expect(entry.kind).toBe('built');
    expect(entry.url.pathname).toMatch(/\/dist\/worker\.js$/);
    const pool = await createNodePool(2, entry);
    try {
      const out = await runAll(pool, list);
      expect(out.map(strip)).toEqual(expected);
      for (const o of out) expect(o.startedAt).toBeGreaterThan(Date.now() - 60_000);
    } finally {
      await pool.close();
    }
  });

  it('and with the tsx boot file', async () => {
    const pool = await createNodePool(1, {
      url: new URL('../../src/worker/boot.mjs', import.meta.url),
      kind: 'tsx',
    });
    try {
      expect((await runAll(pool, list.slice(0, 3))).map(strip)).toEqual(expected.slice(0, 3));
    } finally {
      await pool.close();
    }
  });

  it('call() runs jobs on the workers: metrics equal the in-process ones; a job that throws rejects', async () => {
    const pool = await createNodePool(2);
    try {
      const metrics = await Promise.all(
        list.slice(0, 4).map((t) => pool.call((api) => api.metrics(t.scenario))),
      );
      expect(metrics).toEqual(expected.slice(0, 4).map((e) => e.metrics));
      const broken = { ...list[2].scenario, parameters: {} } as never;
      await expect(pool.call((api) => api.metrics(broken))).rejects.toMatchObject({ name: 'TypeError' });
      // the worker survived the job's error and goes on
      expect(await pool.call((api) => api.metrics(list[5].scenario))).toEqual(expected[5].metrics);
    } finally {
      await pool.close();
    }
  });

  it('a run that throws is recorded as an error and the others go on', async () => {
    const broken = [
      ...list.slice(0, 2),
      { id: 2, scenario: { ...list[2].scenario, parameters: {} } as never },
      list[3],
    ];
    const pool = await createNodePool(2);
    try {
      const out = await runAll(pool, broken);
      expect(out).toHaveLength(4);
      expect(out[2].metrics).toBeUndefined();
      expect(out[2].error).toMatch(/TypeError/);
      expect(out.filter((o) => o.metrics).map(strip)).toEqual([expected[0], expected[1], expected[3]]);
    } finally {
      await pool.close();
    }
  });
});

describe('WorkerPool with stand-in workers', () => {
  /** A worker that answers in-process, or dies on the task with id `dieOn`. */
  function standIn(dieOn: number | undefined, spawned: { count: number }): WorkerHandle {
    spawned.count++;
    let kill: (e: Error) => void = () => {};
    const dead = new Promise<never>((_, reject) => {
      kill = reject;
    });
    dead.catch(() => {});
    let died = false;
    const api = {
      run: async (t: RunTask) => {
        await new Promise((r) => setTimeout(r, 1));
        if (t.id === dieOn && !died) {
          died = true;
          kill(new Error('worker exited with code 1'));
          return new Promise(() => {});
        }
        return { id: t.id, error: `ran ${t.id}`, startedAt: 1 };
      },
      ping: async () => 1,
    } as unknown as RemoteApi<WorkerApi>;
    return { api, dead, terminate: () => {} };
  }

  it('a dying worker fails its task with a message and is replaced; the rest run', async () => {
    const spawned = { count: 0 };
    let first = true;
    const pool = new WorkerPool({
      size: 2,
      spawn: () => {
        const h = standIn(first ? 5 : undefined, spawned);
        first = false;
        return h;
      },
    });
    const out: RunOutcome[] = [];
    await pool.run(
      Array.from({ length: 20 }, (_, id) => ({ id, scenario: {} as never })),
      (o) => out.push(o),
    );
    expect(out).toHaveLength(20);
    expect(new Set(out.map((o) => o.id)).size).toBe(20);
    const failed = out.filter((o) => o.error?.startsWith('worker stopped'));
    expect(failed.map((o) => o.id)).toContain(5);
    expect(failed[0].error).toBe('worker stopped: worker exited with code 1');
    expect(spawned.count).toBe(3);
    await pool.close();
  });

  it('call(): a job whose worker dies rejects and the worker is replaced; clear() drops queued jobs', async () => {
    const spawned = { count: 0 };
    let first = true;
    const pool = new WorkerPool({
      size: 1,
      depth: 1,
      spawn: () => {
        const h = standIn(first ? 0 : undefined, spawned);
        first = false;
        return h;
      },
    });
    const task = (id: number) => ({ id, scenario: {} as never });
    await expect(pool.call((api) => api.run(task(0)))).rejects.toThrow('worker exited with code 1');
    expect(spawned.count).toBe(2);
    expect((await pool.call((api) => api.run(task(1)))).error).toBe('ran 1');
    const settled: number[] = [];
    const a = pool.call((api) => api.run(task(2))).then((o) => settled.push(o.id));
    void pool.call((api) => api.run(task(3))).then((o) => settled.push(o.id));
    pool.clear();
    await a;
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toEqual([2]);
    await pool.close();
    await expect(pool.call((api) => api.run(task(4)))).rejects.toThrow('closed');
  });

  it('stop() takes no more tasks', async () => {
    const pool = new WorkerPool({ size: 1, depth: 1, spawn: () => standIn(undefined, { count: 0 }) });
    const out: RunOutcome[] = [];
    await pool.run(
      Array.from({ length: 50 }, (_, id) => ({ id, scenario: {} as never })),
      (o) => {
        out.push(o);
        if (out.length === 3) pool.stop();
      },
    );
    expect(out).toHaveLength(3);
  });
});

describe('worker entry', () => {
  const given = process.env.WUSHE_WORKER_ENTRY;
  afterEach(() => {
    process.env.WUSHE_WORKER_ENTRY = given;
  });

  it('is the built worker named by WUSHE_WORKER_ENTRY, else the tsx boot file when run from the sources', () => {
    process.env.WUSHE_WORKER_ENTRY = '/somewhere/worker.js';
    expect(workerEntry()).toEqual({ url: new URL('file:///somewhere/worker.js'), kind: 'built' });
    delete process.env.WUSHE_WORKER_ENTRY;
    const e = workerEntry();
    expect(e.kind).toBe('tsx');
    expect(e.url.href).toBe(new URL('../../src/worker/boot.mjs', import.meta.url).href);
  });
});
