// Builds the React and Vue examples against the built package (`npm run build` first), as a
// consumer's app would. Outside dist/: what is in dist/ is published.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  publicDir: false,
  // Relative asset URLs: the end-to-end tests serve the pages from demo/dist/frameworks/.
  base: './',
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, '../dist/frameworks'),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: { react: resolve(import.meta.dirname, 'react.html'), vue: resolve(import.meta.dirname, 'vue.html') },
    },
  },
});
