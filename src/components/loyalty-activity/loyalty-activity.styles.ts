import { css } from 'lit';
import { baseStyles } from '../shared/tokens.js';

// Skeleton rows use the .item geometry with the shared one-line placeholders, and a placeholder
// for "Show more" as tall as the button: the first page replaces them without layout shift.
// The .meta line uses the shared .small look. The amount is aligned to the end although its
// column is as wide as it: a merchant may widen ::part(amount). (Comments stay out of the css``
// text, which ships as written.)

export const styles = [
  baseStyles,
  css`
    :host {
      container-type: inline-size;
    }
    .base,
    .more,
    .error {
      display: grid;
      gap: calc(var(--_space) * 0.5);
    }
    .more,
    .error {
      justify-items: start;
    }
    .label {
      font-weight: 600;
    }
    .list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .item {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas: 'what amount' 'meta amount';
      column-gap: var(--_space);
      padding-block: calc(var(--_space) * 0.5);
      border-block-end: 1px solid var(--loyalty-activity-divider, var(--_border));
    }
    .item:last-child {
      border-block-end: 0;
    }
    .what {
      grid-area: what;
      overflow-wrap: anywhere;
    }
    .meta {
      grid-area: meta;
    }
    .amount {
      grid-area: amount;
      min-block-size: 1lh;
      align-self: center;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
      text-align: end;
      white-space: nowrap;
    }
    .earned {
      color: var(--loyalty-activity-earned, var(--_success));
    }
    .spent {
      color: var(--loyalty-activity-spent, var(--_text));
    }
    @container (inline-size < 18rem) {
      .item {
        grid-template-columns: minmax(0, 1fr);
        grid-template-areas: 'what' 'amount' 'meta';
      }
      .amount {
        text-align: start;
      }
    }
    .skeleton.short {
      inline-size: 5em;
    }
    .skeleton.button {
      inline-size: 7em;
      block-size: 2.75rem;
      padding: 0;
      border-radius: var(--_radius);
    }
    .more-error,
    .error p {
      color: var(--_danger);
    }
  `,
];
