// Worker threads on Node 20 do not pick up the parent's tsx loader: register it here, then run
// the TypeScript module the worker was started for (`module` in its workerData).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(new URL(workerData.module, import.meta.url).href);
