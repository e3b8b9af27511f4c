import { defineConfig } from 'vite';

// Node 20 cannot run TypeScript: the server-side programs are bundled here (packages stay external).
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: {
        server: 'src/server/main.ts',
        sandbox: 'src/sandbox/cli.ts',
        export: 'src/export/cli.ts',
        snapshot: 'src/export/snapshot-cli.ts',
        audit: 'src/cli/audit.ts',
        migrate: 'src/cli/migrate.ts',
        bench: 'bench/run.ts',
      },
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
