// Boot file of a Node batch worker when no prebuilt bundle is used: Node 20 ignores loader hooks
// for a worker's entry, so register tsx here and then import the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./node-entry.ts', import.meta.url).href);
