import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// The dev server forwards the contract's routes to a local stack (POLYCHAT_PORT, default 8080),
// so `npm run dev` talks to the same backend as the built app served by the stack.
const backend = `127.0.0.1:${process.env.POLYCHAT_PORT ?? '8080'}`

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs: the same build works at `/` on the local stack and from any
  // S3 + CloudFront path.
  base: './',
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: `http://${backend}` },
      '/health': { target: `http://${backend}` },
      '/ws': { target: `ws://${backend}`, ws: true },
    },
  },
  preview: { host: '127.0.0.1' },
  build: { outDir: 'dist', sourcemap: false },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
})
