import { build } from 'vite';
await build({
  configFile: 'vite.config.ts', mode: 'cdn', logLevel: 'warn',
  build: { outDir: '/tmp/lc-out', emptyOutDir: true, write: true },
  plugins: [{ name: 'list', generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || /lang-|qr-/.test(chunk.fileName)) continue;
      console.log(`== ${chunk.fileName}`);
      for (const [id, m] of Object.entries(chunk.modules).sort((a, b) => b[1].renderedLength - a[1].renderedLength))
        console.log(String(m.renderedLength).padStart(7), id.replace(/.*\/(src|node_modules)\//, '$1/'));
    }
  } }],
});
