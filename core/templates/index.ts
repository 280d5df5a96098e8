export * from './focus-group.ts';
export * from './persona-walkthrough.ts';
export * from './co-production-series.ts';
export * from './new-programme.ts';
