import * as Comlink from 'comlink';
import { workerApi } from '../../src/worker/api.ts';

/**
 * Whole runs for the comparison and the strength landscape, on a pool of these (pool.ts): the same
 * worker API as the command line's Node workers (src/worker/api.ts).
 */
Comlink.expose(workerApi);
