import { defineConfig } from 'vitest/config';

/**
 * Two groups. First the service and package tests, two files at a time, over one DynamoDB Local
 * that the global setup starts (tests isolate by table prefix). Then the whole-system suites
 * (every service with demo data, the browser tests), one file at a time, each on a fresh
 * DynamoDB Local of its own: each loads the full demo, and DynamoDB Local's single SQLite queue
 * slows as its store fills (measured: 24 s, 62 s, then 110 s to load the same demo on one shared
 * instance; about 20 s each on fresh ones).
 */
const SYSTEM_SUITES = ['test/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: {
          name: 'services',
          globalSetup: ['./test/support/global-setup.ts'],
          // Some service suites load their service's demo into the shared DynamoDB Local (about 12 s
          // alone); two such loads at once on a two-core CI machine have taken close to two minutes.
          hookTimeout: 240_000,
          include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'infra/test/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', 'cdk.out/**', 'packages/miniprogram/**'],
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          // The mini-program's pages in miniprogram-simulate (a DOM from jsdom, test/dom.ts), against local clouds on the shared DynamoDB Local.
          name: 'miniprogram',
          globalSetup: ['./test/support/global-setup.ts', './packages/miniprogram/test/build-setup.ts'],
          setupFiles: ['./packages/miniprogram/test/dom.ts'],
          include: ['packages/miniprogram/test/**/*.test.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'system',
          // No shared instance: startTestCloud starts one per file when the endpoint is empty.
          provide: { dynamoEndpoint: '' },
          include: SYSTEM_SUITES,
          exclude: ['**/node_modules/**'],
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
