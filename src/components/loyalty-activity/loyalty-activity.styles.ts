import { css } from 'lit';
import { baseStyles } from '../shared/tokens.js';

// Skeleton rows use the .item geometry, and their blocks sit in the middle of the line box so a
// placeholder line is exactly as tall as a line of text: data replaces them without layout shift.
// (Comments stay out of the css`` text, which ships as written.)

export const styles = [
  baseStyles,
  css`
    :host {
      --_earned: var(--loyalty-activity-earned, var(--_success));
      --_spent: var(--loyalty-activity-spent, var(--_text));
      --_divider: var(--loyalty-activity-divider, var(--_border));
      container-type: inline-size;
    }
    .base {
      display: grid;
      gap: calc(var(--_space) * 0.5);
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
      border-block-end: 1px solid var(--_divider);
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
      color: var(--_muted);
      font-size: 0.875em;
    }
    .amount {
      grid-area: amount;
      align-self: center;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
      text-align: end;
      white-space: nowrap;
    }
    .earned {
      color: var(--_earned);
    }
    .spent {
      color: var(--_spent);
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
    .skeleton {
      vertical-align: middle;
    }
    .skeleton.short {
      inline-size: 5em;
    }
    .more,
    .error {
      display: grid;
      gap: calc(var(--_space) * 0.5);
      justify-items: start;
    }
    .more-error,
    .error p {
      color: var(--_danger);
    }
  `,
];
