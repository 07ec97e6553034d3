import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web UI is built into dist/web and served by Bansho itself: no CDN, no external fonts (LGWAN). Built files
// go under /static, apart from the pages' own paths (/assets is the asset register).
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', assetsDir: 'static', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
