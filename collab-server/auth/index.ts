export * from './principal.ts';
export * from './secrets.ts';
export * from './users.ts';
export * from './join-codes.ts';
export * from './join-code-arithmetic.ts';
export * from './throttle.ts';
export * from './participant-tokens.ts';
export * from './auth-sessions.ts';
