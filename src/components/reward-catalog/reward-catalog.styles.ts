import { css } from 'lit';
import { baseStyles } from '../shared/tokens.js';

export const styles = [
  baseStyles,
  css`
    :host {
      container-type: inline-size;
    }
    .base {
      display: grid;
      gap: var(--_space);
    }
    p {
      margin: 0;
    }
    .small,
    .cost {
      color: var(--_muted);
      font-size: 0.875em;
    }
    .banner,
    .controls,
    .code-row,
    .actions,
    .variable {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) / 2);
    }
    .banner {
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .banner p {
      flex: 1 1 16rem;
    }
    .controls {
      justify-content: space-between;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
    .chip {
      min-block-size: 2.25rem;
      border-radius: 999px;
      border-color: var(--_border);
      background: transparent;
      color: var(--_text);
    }
    .chip[aria-pressed='true'] {
      border-color: var(--_accent);
      background: var(--_accent);
      color: var(--_on-accent);
    }
    select,
    input {
      font: inherit;
      color: inherit;
      min-block-size: 2.25rem;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(var(--loyalty-catalog-min-card, 15rem), 1fr));
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 0.375rem;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      /* Off-screen cards skip layout and paint: a thousand rewards stay cheap. */
      content-visibility: auto;
      contain-intrinsic-size: auto 20rem;
    }
    .card[data-off] img {
      opacity: 0.5;
      filter: grayscale(1);
    }
    .card > :last-child {
      margin-block-start: auto;
    }
    img {
      inline-size: 100%;
      aspect-ratio: 16 / 9;
      object-fit: cover;
      border-radius: calc(var(--_radius) / 2);
    }
    h2,
    h3 {
      margin: 0;
      font-size: 1.0625em;
    }
    .value {
      font-weight: 600;
      color: var(--_accent);
    }
    .note {
      color: var(--_danger);
      font-size: 0.875em;
    }
    progress {
      inline-size: 100%;
      block-size: 0.375rem;
      accent-color: var(--_accent);
    }
    .variable input[type='range'] {
      flex: 1 1 8rem;
      accent-color: var(--_accent);
    }
    .variable input[type='number'] {
      inline-size: 6rem;
    }
    a.button {
      display: inline-block;
      padding: 0.5em 1em;
      border-radius: var(--_radius);
      background: var(--_accent);
      color: var(--_on-accent);
      text-decoration: none;
      text-align: center;
    }
    .mine ul {
      display: grid;
      gap: var(--_space);
      padding: 0;
      list-style: none;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
    }
    .code {
      inline-size: 14ch;
      padding: 0.25em 0.5em;
      border: 1px dashed var(--_border);
      border-radius: calc(var(--_radius) / 2);
      background: transparent;
      font-family: ui-monospace, monospace;
      letter-spacing: 0.05em;
    }
    dialog {
      max-inline-size: min(28rem, 100vw - 2rem);
      padding: calc(var(--_space) * 1.5);
      border: 0;
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
    }
    dialog[open] {
      display: grid;
      gap: var(--_space);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    dialog .code {
      flex: 1;
      font-size: 1.5em;
    }
    .actions {
      justify-content: flex-end;
    }
    /* Narrow containers (a sidebar, a phone): one reward per row, the image beside the text. */
    @container (max-width: 32rem) {
      .grid {
        grid-template-columns: 1fr;
      }
      .card {
        display: grid;
        grid-template-columns: 4.5rem 1fr;
        column-gap: var(--_space);
        contain-intrinsic-size: auto 10rem;
      }
      .card > * {
        grid-column: 2;
      }
      .card img {
        grid-column: 1;
        grid-row: 1 / span 4;
        aspect-ratio: 1;
      }
    }
  `,
];
