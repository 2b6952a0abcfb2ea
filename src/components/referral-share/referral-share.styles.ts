import { css } from 'lit';
import { baseStyles } from '../shared/tokens.js';

// baseStyles gives the box, buttons, `.small` labels, `a.button` (the share links) and the skeleton.
export const styles = [
  baseStyles,
  css`
    :host {
      /* The element's tokens, then their first names (kept working), then the global ones. */
      --_accent-referral: var(--loyalty-referral-share-accent, var(--loyalty-referral-accent, var(--_accent)));
      container-type: inline-size;
    }
    .base,
    .error,
    .qr,
    .stats {
      display: grid;
      gap: calc(var(--_space) * 0.5);
    }
    .base {
      gap: calc(var(--_space) * 0.75);
    }
    .title {
      font-size: 1.25em;
      font-weight: 700;
    }
    .notice {
      padding: calc(var(--_space) * 0.5);
      border-inline-start: 4px solid var(--_accent-referral);
      background: color-mix(in srgb, var(--_accent-referral) 10%, transparent);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 0.5);
      align-items: center;
      margin-block-start: 0.25em;
    }
    input {
      flex: 1 1 12rem;
      min-inline-size: 0;
      min-block-size: 2.75rem;
      padding-inline: 0.5em;
      font: inherit;
      color: inherit;
      background: none;
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
    /* a.button, outlined in the referral accent */
    .channels a {
      display: flex;
      justify-content: center;
      border: 1px solid;
      background: none;
      color: var(--_accent-referral);
    }
    .error,
    .qr {
      justify-items: start;
    }
    canvas {
      inline-size: var(--loyalty-referral-share-qr-size, var(--loyalty-referral-qr-size, 12rem));
      aspect-ratio: 1;
      image-rendering: pixelated;
    }
    .stats {
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
