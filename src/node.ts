/**
 * `wushe/node`: what only Node can do. The batch worker pool on `worker_threads` (the same pool
 * as in the browser, with the Node adapter); the main entry `wushe` stays free of Node APIs.
 *
 * ```ts
 * import { createNodePool } from 'wushe/node';
 * const pool = await createNodePool(4);
 * await pool.run(tasks, (outcome) => console.log(outcome.id, outcome.metrics?.mode));
 * await pool.close();
 * ```
 */
export {
  createNodePool,
  defaultWorkers,
  type EntryKind,
  spawnNodeWorker,
  type WorkerEntry,
  workerEntry,
} from './worker/node.ts';
export { type NodeProgrammeOptions, runProgramme } from './worker/nodeProgramme.ts';
