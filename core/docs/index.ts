export * from './migrations.ts';
export * from './entry-map.ts';
export * from './programme-doc.ts';
export * from './session-doc.ts';
export * from './room-doc.ts';
