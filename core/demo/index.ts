export * from './demo-programme.ts';
export { seededRandom } from './random.ts';
