import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    // One test file per core, not Vitest's default of one fewer: most files wait on sockets (sandbox, proxy,
    // PostgreSQL) more than they compute, so on two cores the default's single worker left one idle.
    maxWorkers: Math.max(availableParallelism(), 2),
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'src/{identity-cloud,sandbox,proxy,server,export,store,cli,auth}/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['src/{app,features,lib}/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test-support/browser/setup.ts'],
          testTimeout: 15_000,
        },
      },
    ],
  },
});
