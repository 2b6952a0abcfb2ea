// Design tokens with fallbacks: a page with no theme CSS still looks finished. Merchants set the
// global `--loyalty-*` tokens (inherited through shadow roots) or element-level ones.
import { css } from 'lit';

// The dark fallbacks, used when the page prefers dark (theme="auto", the default) or asks for it.
const darkPalette = css`
  --_accent: var(--loyalty-color-accent, #93b4ff);
  --_on-accent: var(--loyalty-color-on-accent, #0b1020);
  --_surface: var(--loyalty-color-surface, #111827);
  --_text: var(--loyalty-color-text, #f3f4f6);
  --_muted: var(--loyalty-color-muted, #c4c9d2);
  --_border: var(--loyalty-color-border, #374151);
  --_danger: var(--loyalty-color-danger, #fca5a5);
  --_success: var(--loyalty-color-success, #6ee7b7);
`;

export const baseStyles = css`
  :host {
    --_accent: var(--loyalty-color-accent, #1d4ed8);
    --_on-accent: var(--loyalty-color-on-accent, #ffffff);
    --_surface: var(--loyalty-color-surface, #ffffff);
    --_text: var(--loyalty-color-text, #1f2937);
    --_muted: var(--loyalty-color-muted, #4b5563);
    --_border: var(--loyalty-color-border, #d1d5db);
    --_danger: var(--loyalty-color-danger, #b91c1c);
    --_success: var(--loyalty-color-success, #047857);
    --_radius: var(--loyalty-radius, 0.5rem);
    --_space: var(--loyalty-space, 1rem);
    --_font: var(--loyalty-font, inherit);
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    line-height: 1.4;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkPalette}
    }
  }
  :host([theme='dark']) {
    ${darkPalette}
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    min-block-size: 2.75rem;
    padding-inline: calc(var(--_space) * 0.75);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  /* Rules every element shares: the box around part="base", paragraphs, secondary text and
     link-style buttons. (Element styles come after these, so they can still override them.) */
  .base {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  p {
    margin: 0;
  }
  .small,
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }
  button.link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
  }
  /* The guests' join / sign-in call to action (joinActions()). */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin-block: calc(var(--_space) * 0.5) 0;
  }
  .actions a {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75rem;
  }
  a.button {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75rem;
    padding-inline: 1em;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    text-decoration: none;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* Placeholder blocks shaped like the final text, so data arrives without layout shift: exactly
     one line box tall (1lh, top-aligned, so it never stretches the line) with a 1em bar drawn in
     its middle. Put one inside the element the text will be in, so it gets that line's font. */
  .skeleton {
    display: inline-block;
    vertical-align: top;
    inline-size: 8em;
    max-inline-size: 100%;
    block-size: 1lh;
    padding-block: calc((1lh - 1em) / 2);
    background: color-mix(in srgb, var(--_text) 12%, transparent) content-box;
    border-radius: calc(var(--_radius) / 2);
  }
  .skeleton.wide {
    inline-size: 6ch;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: loyalty-pulse 1.5s ease-in-out infinite;
    }
  }
  @keyframes loyalty-pulse {
    50% {
      opacity: 0.5;
    }
  }
`;
