export * from './doc-access.ts';
export * from './import-log.ts';
export * from './apply.ts';
export * from './read-file.ts';
export * from './prepare.ts';
export * from './run-import.ts';
