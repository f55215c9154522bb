import { defineConfig } from 'vitest/config';

// Browser-side code runs under happy-dom; the server is tested in plain Node over real sockets.

/**
 * Server test files not run on PostgreSQL: those about the SQLite store's own files (backups,
 * checkpoints, the data directory's lock and modes, the compiled server's default). Tests that
 * check what is stored read it with server/test/storedRows.ts, on either store.
 */
const SQLITE_ONLY = [
  'backup.test.ts', 'checkpointer.test.ts', 'data-dir-lock.test.ts', 'compiled.test.ts', 'security/data-dir-modes.test.ts',
];
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'happy-dom',
          include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.{ts,mjs}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/test/**/*.test.ts'],
          testTimeout: 20000,
          hookTimeout: 20000,
        },
      },
      // The server suite on PostgreSQL, when a server is there (scripts/withServices.sh starts one
      // for npm test; under CI=true it must be), but for the files of SQLITE_ONLY.
      ...(process.env.TEST_DATABASE_URL || process.env.CI === 'true'
        ? [
            {
              extends: true as const,
              test: {
                name: 'server-pg',
                environment: 'node' as const,
                include: ['server/test/**/*.test.ts'],
                exclude: ['server/test/pg/**', ...SQLITE_ONLY.map((file) => `server/test/${file}`)],
                env: { TEST_STORE: 'pg' },
                testTimeout: 20000,
                hookTimeout: 20000,
              },
            },
          ]
        : []),
    ],
  },
});
