// Worker threads on Node 20 do not pick up the parent's tsx loader; register it here.
import { register } from 'tsx/esm/api';

register();
await import('./phones.ts');
