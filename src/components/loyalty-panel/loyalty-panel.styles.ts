import { css } from 'lit';
import { baseStyles } from '../shared/tokens.js';

export const styles = [
  baseStyles,
  css`
    :host {
      --_mark: var(--loyalty-panel-accent, var(--_accent));
      container-type: inline-size;
    }
    :host([theme='dark']) {
      color-scheme: dark;
    }
    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) {
        color-scheme: dark;
      }
    }
    .panel {
      display: grid;
      gap: var(--_space);
    }
    .header {
      display: flex;
      align-items: center;
      gap: calc(var(--_space) * 0.5);
      flex-wrap: wrap;
    }
    h2 {
      margin: 0;
      font-size: 1.25em;
    }
    h2:focus {
      outline: none;
    }
    h2:focus-visible {
      outline: 2px solid var(--_accent);
    }
    :host(:dir(rtl)) .arrow {
      display: inline-block;
      transform: scaleX(-1);
    }
    .section {
      display: grid;
      gap: var(--_space);
    }
    .cards,
    .list,
    .benefits {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: calc(var(--_space) * 0.5);
    }
    .card {
      inline-size: 100%;
      display: grid;
      gap: 0.125em;
      text-align: start;
      padding: calc(var(--_space) * 0.75);
      background: var(--_surface);
      color: var(--_text);
      border: 1px solid var(--_border);
      border-inline-start: 4px solid var(--_mark);
    }
    .card-title,
    .title,
    .welcome {
      font-weight: 600;
    }
    .row {
      display: grid;
      gap: 0.125em;
      padding: calc(var(--_space) * 0.75);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .worth {
      color: var(--_muted);
    }
    .tier.own {
      border-color: var(--_mark);
      border-width: 2px;
    }
    .badge {
      justify-self: start;
      padding: 0 0.5em;
      border-radius: 999px;
      background: var(--_mark);
      color: var(--_on-accent);
      font-size: 0.8em;
    }
    .benefits {
      padding-inline-start: 1.25em;
      list-style: disc;
      gap: 0;
    }
    .birthday {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: calc(var(--_space) * 0.5);
      margin-block-start: calc(var(--_space) * 0.25);
    }
    .birthday label {
      display: grid;
      gap: 0.25em;
    }
    .birthday input {
      font: inherit;
      min-block-size: 2.75rem;
      padding-inline: 0.5em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
    }
    .error {
      color: var(--_danger);
      inline-size: 100%;
    }
    .guest {
      display: grid;
      gap: calc(var(--_space) * 0.5);
    }
    @container (min-width: 36rem) {
      .cards {
        grid-template-columns: repeat(2, 1fr);
      }
    }
  `,
];
