import { readdirSync, existsSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { minifyTemplatesPlugin } from './scripts/minify-templates.ts';

/** Every element folder with a define.ts becomes its own npm entry (`loyalty-widgets/<tag>`). */
const elementEntries = Object.fromEntries(
  readdirSync('src/components')
    .filter((dir) => existsSync(`src/components/${dir}/define.ts`))
    .map((dir) => [dir, `src/components/${dir}/define.ts`]),
);

/**
 * Vite wraps every dynamic import in `__vitePreload`, a 1.8 KB helper (0.9 KB gzip) that preloads
 * CSS and sibling chunks and fires `vite:preloadError` on the page. The script-tag build has
 * neither (no CSS files, `modulePreload: false`, so every deps list is empty), and an app-level
 * Vite event from a third-party widget could set off the merchant's own reload handler. The
 * helper becomes a plain call.
 */
function plainDynamicImports(): Plugin {
  const id = '\0vite/preload-helper.js';
  return {
    name: 'loyalty-plain-dynamic-imports',
    enforce: 'pre',
    load: (source) => (source === id ? 'export const __vitePreload = (load) => load();' : undefined),
    // Before minifying, `__vitePreload(() => import(x), __VITE_PRELOAD__)` becomes `import(x)`; a
    // call of another shape keeps the plain helper above.
    renderChunk: (code) =>
      code.replace(
        /__vitePreload\(\(\) => (import\("[^"]+"\)(?:\.then\(\((\w+)\) => \2\.\w+\))?), __VITE_PRELOAD__\)/g,
        '$1',
      ),
  };
}

/** Mounts the reference API (demo endpoints on) at /api in the dev server, so `npm start` is one port. */
function referenceApi(): Plugin {
  return {
    name: 'loyalty-reference-api',
    async configureServer(server) {
      const { createDemoListener } = await import('./server/dev.ts');
      const listener = await createDemoListener();
      server.middlewares.use((req, res, next) => {
        if (req.url?.startsWith('/api/')) void listener(req, res);
        else next();
      });
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'cdn') {
    // The script-tag build: everything bundled and minified, elements split into lazy chunks.
    return {
      publicDir: false,
      plugins: [minifyTemplatesPlugin(), plainDynamicImports()],
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: false,
        minify: true,
        modulePreload: false,
        target: 'es2022',
        rolldownOptions: {
          input: 'src/cdn.ts',
          preserveEntrySignatures: 'exports-only',
          output: {
            format: 'es',
            entryFileNames: 'loyalty-widgets.js',
            // Languages and the QR code are plain dynamic-import chunks, named here so size checks
            // can list them apart. (As manual groups they were exported through a namespace object,
            // which cost a separate rolldown-runtime file on every page.)
            chunkFileNames: (chunk) => {
              const id = chunk.facadeModuleId ?? '';
              const lang = /i18n\/locales\/(\w+)\.ts$/.exec(id)?.[1];
              const element = /components\/([\w-]+)\/define\.ts$/.exec(id)?.[1];
              if (lang) return `lang-${lang}-[hash].js`;
              if (element) return `${element}-[hash].js`;
              return /lean-qr/.test(id) ? 'qr-[hash].js' : '[name]-[hash].js';
            },
            // Few, larger chunks compress better: one shared chunk (the SDK, Lit and the element
            // base), then one per element and the lazy extras (languages, QR code). Lit rides with
            // the SDK although a page without elements does not need it: every storefront page
            // that shows one needs both, and one chunk is 0.7 KB smaller and one request shorter.
            // English strings travel with their element (only `common` is shared), and so does
            // the redemption journal, which only the catalog uses.
            codeSplitting: {
              groups: [
                {
                  name: 'shared',
                  test: /\/src\/core\/(?!i18n\/(locales|en\/(?!common))|redeem\/|referral\/message)|\/src\/components\/shared\/(?!style-props)|node_modules\/(ky|idb-keyval|lit|lit-html|lit-element|@lit)\/(?!(development\/)?(directives\/(repeat|guard)|directive-helpers))/,
                },
              ],
            },
          },
        },
      },
    };
  }
  return {
    root: mode === 'development' ? 'demo' : undefined,
    publicDir: false,
    plugins: [referenceApi(), minifyTemplatesPlugin()],
    server: { fs: { allow: ['..'] } },
    build: {
      outDir: 'dist/npm',
      target: 'es2022',
      // Unminified, one file per source module: the published code reads as its source, so source
      // maps (which doubled the package with the sources inside them) would add nothing.
      minify: false,
      sourcemap: false,
      lib: {
        entry: { index: 'src/index.ts', define: 'src/define.ts', ...elementEntries },
        formats: ['es'],
      },
      rolldownOptions: {
        external: [/^lit($|\/)/, /^@lit\//, 'ky', 'idb-keyval', /^lean-qr($|\/)/],
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
  };
});
