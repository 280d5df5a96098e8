import { defineConfig } from 'vitest/config';

// Three projects so `npm test` can run them as separate, named stages. Unit tests sit beside
// the code; integration and end-to-end tests start real servers and browsers and live in tests/.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'core/**/*.test.ts',
            'collab-server/**/*.test.ts',
            'exports/**/*.test.ts',
            'renderer/**/*.test.ts',
            'electron/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
