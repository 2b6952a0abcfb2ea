// The panel for a guest: the program's name, what membership brings, Join and Sign in, and the
// sections anyone may read (from the public endpoints only: no token, no /v1/me).
import { html, type TemplateResult } from 'lit';
import { cards, guestCards } from './home-view.js';
import type { ViewContext } from './view.js';

export function guestView(view: ViewContext, joinActions: TemplateResult): TemplateResult {
  return html`<div class="guest">
      <p class="welcome">${view.t('panel.guest.welcome', { program: view.program.name })}</p>
      <p>${view.t('panel.guest.intro')}</p>
      ${joinActions}
    </div>
    ${cards(view, guestCards)}`;
}
