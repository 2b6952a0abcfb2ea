import { css } from 'lit';
import { baseStyles } from '../shared/tokens.js';

export const styles = [
  baseStyles,
  css`
    :host {
      --_accent-referral: var(--loyalty-referral-accent, var(--_accent));
      --_qr-size: var(--loyalty-referral-qr-size, 12rem);
      container-type: inline-size;
    }
    .base {
      display: grid;
      gap: calc(var(--_space) * 0.75);
    }
    .title {
      font-size: 1.25em;
      font-weight: 700;
    }
    label {
      color: var(--_muted);
      font-size: 0.875em;
    }
    .notice {
      padding: calc(var(--_space) * 0.5);
      border-inline-start: 4px solid var(--_accent-referral);
      background: color-mix(in srgb, var(--_accent-referral) 10%, transparent);
    }
    .field {
      display: grid;
      gap: 0.25em;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 0.5);
      align-items: center;
    }
    input {
      flex: 1 1 12rem;
      min-inline-size: 0;
      min-block-size: 2.75rem;
      padding-inline: 0.5em;
      font: inherit;
      color: inherit;
      background: transparent;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .channels {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
      gap: calc(var(--_space) * 0.5);
      margin: 0.25em 0 0;
      padding: 0;
      list-style: none;
    }
    .channels a {
      display: flex;
      align-items: center;
      justify-content: center;
      min-block-size: 2.75rem;
      padding-inline: 0.75em;
      border: 1px solid var(--_accent-referral);
      border-radius: var(--_radius);
      color: var(--_accent-referral);
      text-decoration: none;
    }
    .qr {
      display: grid;
      gap: calc(var(--_space) * 0.5);
      justify-items: start;
    }
    canvas {
      inline-size: var(--_qr-size);
      block-size: var(--_qr-size);
      image-rendering: pixelated;
    }
    .stats {
      display: grid;
      gap: calc(var(--_space) * 0.5);
      margin: 0;
    }
    .stats div {
      display: flex;
      justify-content: space-between;
      gap: 1em;
    }
    .stats dd {
      margin: 0;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    @container (min-inline-size: 32rem) {
      .stats {
        grid-template-columns: repeat(3, 1fr);
      }
      .stats div {
        flex-direction: column-reverse;
      }
      .stats dd {
        font-size: 1.5em;
      }
    }
  `,
];
