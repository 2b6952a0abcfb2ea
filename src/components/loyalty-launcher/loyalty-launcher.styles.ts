import { css } from 'lit';
import { baseStyles } from '../shared/tokens.js';

// The dialog sits in the top layer and covers the viewport, so its sheet layout follows the
// viewport (a media query), not a container.
export const styles = [
  baseStyles,
  css`
    :host {
      --_offset: var(--loyalty-launcher-offset, 1.25rem);
      --_button: var(--loyalty-launcher-accent, var(--_accent));
      position: fixed;
      inset-block-end: var(--_offset);
      inset-inline-end: var(--_offset);
      z-index: var(--loyalty-launcher-z-index, 2147483000);
    }
    :host([position='bottom-start']) {
      inset-inline-end: auto;
      inset-inline-start: var(--_offset);
    }
    :host([position='inline']) {
      position: static;
      display: inline-block;
    }
    .launcher {
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
      min-block-size: 3rem;
      min-inline-size: 3rem;
      justify-content: center;
      padding-inline: 1em;
      border-radius: 999px;
      background: var(--_button);
      border-color: var(--_button);
      font-weight: 600;
      font-variant-numeric: tabular-nums;
      box-shadow: 0 4px 14px rgb(0 0 0 / 0.25);
    }
    ::slotted(*) {
      inline-size: 22px;
      block-size: 22px;
    }
    dialog {
      padding: 0;
      border: 0;
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      inline-size: min(32rem, calc(100vw - 2rem));
      max-block-size: min(90vh, 48rem);
      box-shadow: 0 10px 40px rgb(0 0 0 / 0.35);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    .body {
      display: grid;
      padding: var(--_space);
    }
    .close {
      justify-self: end;
      inline-size: 2.75rem;
      padding: 0;
      font-size: 1.5em;
      line-height: 1;
    }
    @media (max-width: 36rem) {
      dialog {
        inline-size: 100%;
        max-inline-size: 100%;
        block-size: 100%;
        max-block-size: 100%;
        margin: 0;
        border-radius: 0;
      }
    }
    @media (prefers-reduced-motion: no-preference) {
      dialog[open] {
        animation: rise 0.18s ease-out;
      }
    }
    @keyframes rise {
      from {
        opacity: 0;
        transform: translateY(1rem);
      }
    }
  `,
];
