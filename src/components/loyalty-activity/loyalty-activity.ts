import { html, type TemplateResult } from 'lit';
import { LoyaltyElement } from '../shared/loyalty-element.js';

/** Placeholder until this element's issue lands. */
export class LoyaltyActivity extends LoyaltyElement {
  override render(): TemplateResult {
    return html``;
  }
}
