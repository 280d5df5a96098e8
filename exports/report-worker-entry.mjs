// A worker thread starts without the parent's TypeScript loader: register tsx in it first.
import { register } from 'tsx/esm/api';

register();
await import('./report-worker.ts');
