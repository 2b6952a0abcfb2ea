// The panel's first view: the balance with tier progress, then a card for each section. A guest
// gets the invitation to join and the sections that need no account.
import { html, type TemplateResult } from 'lit';
import type { PanelSection } from '../../core/panel.js';
import type { ViewContext } from './view.js';

const memberCards: PanelSection[] = ['earn', 'rewards', 'tiers', 'referral', 'activity'];
const guestCards: PanelSection[] = ['earn', 'rewards', 'tiers'];

export function cards(view: ViewContext, sections: PanelSection[]): TemplateResult {
  return html`<ul class="cards">
    ${sections.map(
      (section) =>
        html`<li>
          <button part="card" class="card" data-section=${section} @click=${() => view.go(section)}>
            <span class="card-title">${view.t(`panel.section.${section}`)}</span>
            <span class="small">${view.t(`panel.card.${section as Exclude<PanelSection, 'home'>}`)}</span>
          </button>
        </li>`,
    )}
  </ul>`;
}

export function homeView(view: ViewContext): TemplateResult {
  return html`<loyalty-balance hide-expiring exportparts="progress" theme=${view.theme}></loyalty-balance>
    ${cards(view, memberCards)}`;
}

export { guestCards };
