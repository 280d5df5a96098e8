export * from './messages.ts';
export * from './participant-api.ts';
export * from './outbox.ts';
