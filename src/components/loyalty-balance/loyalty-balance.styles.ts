import { css } from 'lit';
import { baseStyles } from '../shared/tokens.js';

// The label uses the shared .small look; compact is one line as wide as its content.
// (Comments stay out of the css`` text, which ships as written.)

export const styles = [
  baseStyles,
  css`
    :host {
      --_bar: var(--loyalty-balance-accent, var(--_accent));
    }
    .base,
    .error,
    .tier {
      display: grid;
      gap: calc(var(--_space) * 0.25);
    }
    .error {
      justify-items: start;
    }
    .tier {
      margin-block-start: calc(var(--_space) * 0.5);
    }
    .balance {
      font-size: 2em;
      font-weight: 700;
      color: var(--_bar);
      font-variant-numeric: tabular-nums;
      min-inline-size: 6ch;
    }
    .tier-name {
      font-weight: 600;
    }
    .track {
      block-size: 0.5rem;
      border-radius: 999px;
      background: color-mix(in srgb, var(--_text) 12%, transparent);
      overflow: hidden;
    }
    .fill {
      block-size: 100%;
      background: var(--_bar);
      border-radius: inherit;
    }
    @media (prefers-reduced-motion: no-preference) {
      .fill {
        transition: inline-size 0.4s;
      }
    }
    .expiring {
      color: var(--_danger);
    }
    .benefits ul {
      margin: 0.25em 0 0;
      padding-inline-start: 1.25em;
    }
    button.link {
      min-block-size: auto;
    }
    :host([compact]) {
      display: inline-block;
    }
    :host([compact]) .base {
      display: flex;
      white-space: nowrap;
      align-items: baseline;
      gap: calc(var(--_space) * 0.5);
      padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.5);
      border: 0;
      background: none;
    }
    :host([compact]) .error {
      display: flex;
      align-items: baseline;
      gap: calc(var(--_space) * 0.5);
    }
    :host([compact]) .balance {
      font-size: 1em;
    }
    :host([compact]) .label {
      display: none;
    }
    :host([compact]) .tier {
      margin: 0;
    }
  `,
];
