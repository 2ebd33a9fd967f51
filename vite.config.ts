import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

/** Vite builds the browser client from client/ into dist/; the dev server proxies the API and sockets. */
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:1234',
      '/collab': { target: 'ws://127.0.0.1:1234', ws: true },
    },
  },
})
