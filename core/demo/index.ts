export * from './demo-programme.ts';
