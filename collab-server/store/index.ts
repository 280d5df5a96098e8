export * from './store.ts';
export * from './doc-log.ts';
export * from './data-folder.ts';
export * from './migrate.ts';
export * from './programme-io.ts';
export * from './programme-records.ts';
export * from './participants.ts';
export * from './cohorts.ts';
export { STORE_MIGRATIONS } from './migrations/index.ts';
