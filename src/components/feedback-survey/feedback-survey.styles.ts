// Loaded with the survey's UI (feedback-survey-view.ts), not with the element's definition. The
// frame (dialog, slide-in panel, title, close button, scale ends, text field) is <nps-survey>'s,
// imported, so both surveys look alike and take the same tokens (--loyalty-nps-survey-*).
import { css } from 'lit';
import { styles as npsStyles } from '../nps-survey/nps-survey.styles.js';

export const styles = [
  ...npsStyles,
  css`
    .row {
      display: grid;
      gap: 2px;
      grid-template-columns: repeat(var(--_columns, 5), minmax(2.25rem, 1fr));
    }
    .n2 {
      --_columns: 2;
    }
    .n7 {
      --_columns: 7;
    }
    .n11 {
      --_columns: 6;
    }
    @container (min-width: 31.5rem) {
      .n11 {
        --_columns: 11;
      }
    }
    .column {
      display: grid;
      gap: 0.375rem;
    }
    [part='option'] {
      padding: 0.25rem;
      background: none;
      color: var(--_accent-nps);
      border-color: var(--_accent-nps);
      font-variant-numeric: tabular-nums;
    }
    .column [part='option'] {
      text-align: start;
      padding-inline: 0.75rem;
    }
    .stars [part='option'] {
      border-color: transparent;
      color: var(--_muted);
      font-size: 1.5em;
    }
    /* Every star up to the chosen one is filled; the chosen one alone is the checked radio. */
    .stars .lit,
    .stars [aria-checked='true'] {
      background: none;
      color: var(--_accent-nps);
    }
    .check {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      min-block-size: 2.75rem;
      color: inherit;
    }
    .check input {
      inline-size: 1.25rem;
      block-size: 1.25rem;
      accent-color: var(--_accent-nps);
    }
    textarea {
      box-sizing: border-box;
      inline-size: 100%;
    }
    /* The Other text field, drawn as the comment field is. */
    .other {
      box-sizing: border-box;
      inline-size: 100%;
      padding: 0.5rem;
      font: inherit;
      color: inherit;
      background: none;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .footer {
      display: flex;
      justify-content: flex-end;
      margin-block: var(--_space) 0;
    }
  `,
];
