// Template types for Vue 3 (Volar): `import type {} from 'loyalty-widgets/vue'` once, and tell
// Vue's compiler these are custom elements (`isCustomElement: (tag) => tag.includes('-')`).
// Events bind as `@reward-redeemed="…"`.
import type { DefineComponent } from 'vue';
import type { LoyaltyElementProps, LoyaltyTag } from './elements.js';

type VueLoyaltyElements = { [T in LoyaltyTag]: DefineComponent<LoyaltyElementProps<T>> };

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends VueLoyaltyElements {}
}
