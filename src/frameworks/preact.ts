// JSX types for Preact: `import type {} from 'loyalty-widgets/preact'` once in your app.
import type { JSX } from 'preact';
import type { LoyaltyElementProps, LoyaltyElementSpecs, LoyaltyEventHandlers, LoyaltyTag } from './elements.js';

type PreactLoyaltyElements = {
  [T in LoyaltyTag]: JSX.HTMLAttributes<LoyaltyElementSpecs[T]['element']> &
    LoyaltyElementProps<T> &
    LoyaltyEventHandlers<T>;
};

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends PreactLoyaltyElements {}
  }
}
