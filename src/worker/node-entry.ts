/** Entry of a Node `worker_threads` batch worker: exposes the worker API through comlink. */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { workerApi } from './api.ts';

if (!parentPort) throw new Error('src/worker/node-entry.ts must run in a worker thread');
expose(workerApi, nodeEndpoint(parentPort));
