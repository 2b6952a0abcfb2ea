import { css } from 'lit';
import { baseStyles } from '../shared/tokens.js';

export const styles = [
  baseStyles,
  css`
    :host {
      --_accent-balance: var(--loyalty-balance-accent, var(--_accent));
      container-type: inline-size;
    }
    .base {
      display: grid;
      gap: calc(var(--_space) * 0.25);
    }
    /* One line that takes the width of its content (size containment would collapse it). */
    :host([compact]) {
      display: inline-block;
      container-type: normal;
    }
    :host([compact]) .base {
      display: flex;
      flex-wrap: nowrap;
      white-space: nowrap;
      align-items: baseline;
      gap: calc(var(--_space) * 0.5);
      padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.5);
      border: 0;
      background: transparent;
    }
    .label {
      color: var(--_muted);
      font-size: 0.875em;
    }
    .balance {
      font-size: 2em;
      font-weight: 700;
      color: var(--_accent-balance);
      font-variant-numeric: tabular-nums;
      min-inline-size: 6ch;
    }
    :host([compact]) .balance {
      font-size: 1em;
    }
    :host([compact]) .label {
      display: none;
    }
    .tier {
      display: grid;
      gap: calc(var(--_space) * 0.25);
      margin-block-start: calc(var(--_space) * 0.5);
    }
    :host([compact]) .tier {
      margin: 0;
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
      background: var(--_accent-balance);
      border-radius: inherit;
    }
    @media (prefers-reduced-motion: no-preference) {
      .fill {
        transition: inline-size 0.4s ease;
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
  `,
];
