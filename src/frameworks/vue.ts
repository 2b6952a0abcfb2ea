// Template types for Vue 3 (Volar): `import type {} from 'loyalty-widgets/vue'` once, and tell
// Vue's compiler these are custom elements (`isCustomElement: (tag) => tag.includes('-')`).
// Events bind as `@reward-redeemed="…"`, which Vue passes on as the `onRewardRedeemed` listener.
import type { DefineComponent } from 'vue';
import type { LoyaltyElementProps, LoyaltyElementSpecs, LoyaltyTag } from './elements.js';

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** An element's properties and its `@event-name` listeners, as Volar checks a template. */
export type VueLoyaltyElementProps<T extends LoyaltyTag> = LoyaltyElementProps<T> & {
  [E in LoyaltyElementSpecs[T]['events'] as `on${Capitalize<Camel<E>>}`]?: (
    event: GlobalEventHandlersEventMap[E],
  ) => void;
};

type VueLoyaltyElements = { [T in LoyaltyTag]: DefineComponent<VueLoyaltyElementProps<T>> };

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends VueLoyaltyElements {}
}
