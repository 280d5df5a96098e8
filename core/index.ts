export * from './model/index.ts';
export * from './docs/index.ts';
export * from './snapshot/snapshot.ts';
export * from './snapshot/programme-file.ts';
export * from './snapshot/assemble.ts';
export * from './templates/index.ts';
export * from './demo/index.ts';
export * from './downloads.ts';
