// Custom Elements Manifest: element docs come from the classes' JSDoc (@fires, @slot, @csspart,
// @cssprop), never written twice by hand.
export default {
  globs: ['src/components/*/*.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/*/define.ts'],
  outdir: '.',
  litelement: true,
};
