export * from './registration.ts';
export * from './register-view.ts';
export * from './person-record.ts';
