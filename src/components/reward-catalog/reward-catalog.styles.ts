import { css } from 'lit';
import { baseStyles } from '../shared/tokens.js';

// The boxes (cards, banners, the skeleton) are the shared `.base`; only what differs is here.
export const styles = [
  baseStyles,
  css`
    :host {
      container-type: inline-size;
    }
    .root,
    dialog[open] {
      display: grid;
      gap: var(--_space);
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 0.375rem;
    }
    /* The action sits at the bottom, aligned across a row of cards. */
    .card > :last-child {
      margin-block-start: auto;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(
        auto-fill,
        minmax(var(--loyalty-reward-catalog-min-card, var(--loyalty-catalog-min-card, 15rem)), 1fr)
      );
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) / 2);
    }
    h2,
    h3 {
      margin: 0;
      font-size: 1em;
    }
    p:empty {
      display: none;
    }
    .note {
      color: var(--_danger);
    }
    .value {
      font-weight: 600;
      color: var(--_accent);
    }
    img {
      inline-size: 100%;
      aspect-ratio: 16/9;
      object-fit: cover;
    }
    [data-off] img {
      filter: grayscale(1);
    }
    summary,
    .summary {
      padding-block: 0.75rem;
      cursor: pointer;
    }
    /* Skeletons: one control high, and a first screen of cards at most (the rest of the catalog
       grows below the fold, where it moves nothing the shopper sees). */
    .skeleton.control {
      inline-size: 10em;
      block-size: 2.75rem;
      padding: 0;
      border-radius: var(--_radius);
    }
    .skeleton.control.wide {
      inline-size: min(24em, 100%);
    }
    .card > .skeleton.control {
      inline-size: 100%;
    }
    .skeletons {
      max-block-size: 100vh;
      overflow: hidden;
    }
    /* The controls stay one line high at every width (the kind chips scroll sideways), so their
       height is known before the kinds are. The padding keeps focus outlines visible; its negative
       block margin keeps the row one control high. */
    .root {
      grid-template-columns: minmax(0, 1fr);
    }
    [part='controls'] {
      flex-wrap: wrap;
      /* WebKit found 2 px more than the row's boxes hold in a right-to-left row (Spanish, 320 px);
         nothing the shopper sees is cut (the focus rings have their 4 px). */
      overflow-x: clip;
      overflow-clip-margin: 4px;
    }
    /* The chips take the room the sort leaves (basis 0): the sort goes below them only when it
       does not fit beside them at all (a long translation on a phone). */
    [part='controls'] > [role='group'] {
      flex: 1 1 0;
      flex-wrap: nowrap;
      min-inline-size: 0;
      overflow-x: auto;
      scrollbar-width: none;
      padding: 4px;
      margin-block: -4px;
    }
    [part='controls'] > label {
      flex: none;
      white-space: nowrap;
    }
    /* A long translation of a sort option must not widen the catalog past a 320 px screen: the
       closed select shows the start of it, its list shows it whole. */
    [part='controls'] select {
      max-inline-size: 10em;
      text-overflow: ellipsis;
    }
    .chip {
      flex: none;
    }
    [aria-pressed='false'] {
      background: none;
      color: inherit;
    }
    select,
    input {
      font: inherit;
      color: inherit;
      min-block-size: 2.75rem;
    }
    [type='range'] {
      flex: 1;
      min-inline-size: 0;
    }
    [type='number'] {
      inline-size: 6rem;
    }
    progress {
      inline-size: 100%;
      accent-color: var(--_accent);
    }
    .code {
      flex: 1;
      inline-size: 12ch;
      border: 1px dashed var(--_border);
      background: none;
      font-family: ui-monospace, monospace;
    }
    dialog {
      max-inline-size: min(28rem, 100% - 2rem);
      color: inherit;
    }
    dialog .code {
      font-size: 1.5em;
    }
    /* Narrow containers (a sidebar, a phone): one reward per line, the image beside the text. */
    @container (max-width: 32rem) {
      .grid {
        grid-template-columns: 1fr;
      }
      .card {
        display: grid;
        grid-template-columns: auto 1fr;
        column-gap: 0;
      }
      .card > * {
        grid-column: 2;
      }
      .card img {
        grid-area: 1 / 1 / span 5;
        inline-size: 5rem;
        aspect-ratio: 1;
        margin-inline-end: var(--_space);
      }
    }
  `,
];
