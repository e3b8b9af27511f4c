import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompressPlugin } from './src/server/precompress-plugin.ts';
import { identityCloudProxyPlugin } from './src/server/vite-proxy-plugin.ts';

export default defineConfig({
  // The proxy (and, without IDC_* variables, the embedded sandbox) serves /api in `npm run dev` too.
  plugins: [react(), identityCloudProxyPlugin(), precompressPlugin()],
  // No CORS: another page (another port of this machine included) must not read /api. Vite's default answers
  // every origin.
  server: { cors: false },
  preview: { cors: false },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    // Every browser the dashboard supports preloads modules natively.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'app-shell', tags: ['$initial'] }] },
      },
    },
  },
});
