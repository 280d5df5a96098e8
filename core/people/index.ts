export * from './registration.ts';
export * from './register-view.ts';
