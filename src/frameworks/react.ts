// JSX types for React 19: `import type {} from 'loyalty-widgets/react'` once in your app.
// React 19 sets known properties on custom elements and attaches `on<event-name>` listeners.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { LoyaltyElementProps, LoyaltyElementSpecs, LoyaltyEventHandlers, LoyaltyTag } from './elements.js';

type ReactLoyaltyElements = {
  [T in LoyaltyTag]: DetailedHTMLProps<
    HTMLAttributes<LoyaltyElementSpecs[T]['element']>,
    LoyaltyElementSpecs[T]['element']
  > &
    LoyaltyElementProps<T> &
    LoyaltyEventHandlers<T>;
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends ReactLoyaltyElements {}
  }
}
