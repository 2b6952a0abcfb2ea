// VIP tiers: each with its threshold (points or money), multiplier and benefits; the shopper's
// own marked, with the progress to the next above the list.
import { html, nothing, type TemplateResult } from 'lit';
import type { Tier } from '../../core/api/schemas.js';
import { formatMoney, numberFormat } from '../../core/i18n/format.js';
import type { ViewContext } from './view.js';

function threshold(view: ViewContext, tier: Tier): string {
  const { program } = view;
  return tier.metric === 'spend'
    ? view.t('panel.tiers.thresholdSpend', {
        amount: formatMoney(view.locale, { amount: tier.threshold, currency: program.currency }),
      })
    : view.t('panel.tiers.threshold', { points: view.points(tier.threshold, program) });
}

export function tiersView(view: ViewContext): TemplateResult {
  const own = view.me?.tier?.id;
  return html`${view.me ? html`<loyalty-balance hide-expiring exportparts="progress" theme=${view.theme}></loyalty-balance>` : nothing}
    <ul class="list">
      ${view.program.tiers.map(
        (tier) =>
          html`<li
            part="tier"
            class="row tier ${tier.id === own ? 'own' : ''}"
            aria-current=${tier.id === own ? 'true' : nothing}
          >
            <span class="title">${tier.name}</span>
            ${tier.id === own ? html`<span class="badge">${view.t('panel.tiers.yours')}</span>` : nothing}
            <span class="small">${threshold(view, tier)}</span>
            <span class="small">
              ${view.t('panel.tiers.multiplier', { multiplier: numberFormat(view.locale).format(tier.multiplier) })}
            </span>
            ${
              tier.benefits.length
                ? html`<ul class="benefits">
                    ${tier.benefits.map((benefit) => html`<li>${benefit}</li>`)}
                  </ul>`
                : nothing
            }
          </li>`,
      )}
    </ul>`;
}
