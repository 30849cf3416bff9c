import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app: sources in src/web, built into dist/web (served by `softpower serve`). */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
