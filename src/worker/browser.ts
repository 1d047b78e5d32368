/**
 * A browser batch worker: `new Worker(new URL('./browser.ts', import.meta.url), { type: 'module' })`
 * and then `wrap<WorkerApi>(worker)` from comlink, or hand the worker to `WorkerPool`.
 */
import { expose } from 'comlink';
import { workerApi } from './api.ts';

expose(workerApi);
