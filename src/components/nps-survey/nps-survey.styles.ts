import { css } from 'lit';
import { baseStyles } from '../shared/tokens.js';

export const styles = [
  baseStyles,
  css`
    :host {
      --_accent-nps: var(--loyalty-nps-survey-accent, var(--_accent));
    }
    .base {
      position: relative;
      container-type: inline-size;
      padding: calc(var(--_space) * 0.75);
      color: inherit;
    }
    /* Wider than the native dialog's default, so eleven targets fit a 320 px phone. */
    dialog {
      inline-size: min(34rem, 100% - 1rem);
      max-inline-size: none;
    }
    ::backdrop {
      background: var(--loyalty-nps-survey-backdrop, rgb(0 0 0 / 0.45));
    }
    :host([mode='slide-in']) .base {
      position: fixed;
      z-index: var(--loyalty-nps-survey-z-index, 1000);
      inset-block-end: var(--_space);
      inset-inline-end: var(--_space);
      inline-size: min(24rem, 100% - 2 * var(--_space));
      box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 0.2);
    }
    @media (prefers-reduced-motion: no-preference) {
      :host(:not([mode='inline'])) .base {
        animation: nps-in 0.25s ease-out;
      }
    }
    @keyframes nps-in {
      from {
        opacity: 0;
        translate: 0 1rem;
      }
    }
    h2 {
      margin: 0 0 calc(var(--_space) * 0.75);
      padding-inline-end: 2.5rem;
      font-size: 1.125em;
    }
    /* Focused from script so the thank-you is read out; it is no control, so no ring. */
    h2:focus {
      outline: none;
    }
    .close {
      position: absolute;
      inset-block-start: 0.25rem;
      inset-inline-end: 0.25rem;
      inline-size: 2.75rem;
      padding: 0;
      border-color: transparent;
      font-size: 1.5em;
      line-height: 1;
    }
    .skeleton {
      inline-size: 80%;
    }
  `,
];
