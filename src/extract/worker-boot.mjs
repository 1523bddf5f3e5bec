// Entry of the extraction worker thread. Worker threads do not inherit the parent's tsx loader,
// so it is registered here before the TypeScript worker module is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
