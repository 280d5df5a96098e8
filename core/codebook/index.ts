export * from './codebook-ops.ts';
export * from './tagging.ts';
