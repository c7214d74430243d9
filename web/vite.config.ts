// Vite config for the web app. Root is web/; `npm run build` writes web/dist, which the server serves.
// In development (`npm run dev:web`) API calls are proxied to the server on port 3000.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = { target: 'http://127.0.0.1:3000', changeOrigin: false };

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    // Bundles live under /static/ so that /assets/… is free for the customer-assets pages.
    assetsDir: 'static',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/api': api, '/health': api, '/ready': api },
  },
});
