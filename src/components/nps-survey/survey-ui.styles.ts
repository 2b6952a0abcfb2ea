import { css } from 'lit';

// The scale and the follow-up form: adopted when the survey's inside loads (survey-ui.ts).
export const uiStyles = css`
  .scale {
    display: grid;
    grid-template-columns: repeat(6, minmax(2.75rem, 1fr));
    gap: 2px;
  }
  @container (min-width: 31.5rem) {
    .scale {
      grid-template-columns: repeat(11, 1fr);
    }
  }
  [part='score'] {
    padding: 0;
    background: none;
    color: var(--_accent-nps);
    border-color: var(--_accent-nps);
    font-variant-numeric: tabular-nums;
  }
  [aria-checked='true'] {
    background: var(--_accent-nps);
    color: var(--_on-accent);
    font-weight: 700;
  }
  .ends {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    margin-block-start: 0.25rem;
  }
  form {
    display: grid;
    gap: 0.5rem;
    margin-block-start: var(--_space);
  }
  textarea {
    padding: 0.5rem;
    font: inherit;
    color: inherit;
    background: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  form button {
    justify-self: end;
  }
`;
