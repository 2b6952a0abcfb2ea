// Custom Elements Manifest: element docs come from the classes' JSDoc (@fires, @slot, @csspart,
// @cssprop), never written twice by hand.

/**
 * The analyzer lists every entry of `static properties` as an attribute, internal state
 * (`state: true`) included; those are private fields, and no attribute of the element.
 */
const internalStateIsNoAttribute = {
  name: 'internal-state-is-no-attribute',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        const internal = new Set(
          (declaration.members ?? []).filter((member) => member.privacy === 'private').map((member) => member.name),
        );
        for (const member of declaration.members ?? []) if (internal.has(member.name)) delete member.attribute;
        if (declaration.attributes)
          declaration.attributes = declaration.attributes.filter((attribute) => !internal.has(attribute.fieldName));
      }
    }
  },
};

export default {
  globs: ['src/components/*/*.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/*/define.ts'],
  outdir: '.',
  litelement: true,
  plugins: [internalStateIsNoAttribute],
};
