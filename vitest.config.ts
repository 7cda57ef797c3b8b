/**
 * Four tiers, one command (`npm test`), projects by folder. Integration and
 * browser share ONE local stack started by tests/support/global-setup.ts;
 * each runs one file at a time, in its own sequence group, so a browser
 * journey never shares the 2 cores with integration files.
 */
import { defineConfig } from 'vitest/config';

const stackSetup = './tests/support/global-setup.ts';

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: { name: 'infra', include: ['tests/infra/**/*.test.ts'], testTimeout: 120_000, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: [stackSetup],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: [stackSetup],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
    teardownTimeout: 60_000,
  },
});
