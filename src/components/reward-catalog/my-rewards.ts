// "My rewards": the codes the shopper already has, each with Copy; and the code row the
// redemption dialog shows too.
import { html, type TemplateResult } from 'lit';
import type { Redemptions } from '../../core/api/schemas.js';
import { now } from '../../core/clock.js';
import { dateFormat } from '../../core/i18n/format.js';
import type { Snapshot } from '../../core/store/resource.js';
import { rewardName } from './reward-card.js';
import type { CatalogView } from './view.js';

/** "Use by 1 Dec 2025", "Expired", or nothing when a code does not expire. */
export function expiry({ t, locale }: CatalogView, expiresAt: string | undefined): string {
  const expiry = Date.parse(expiresAt ?? '');
  return expiry < now()
    ? t('catalog.expired')
    : expiry
      ? t('catalog.expires', { date: dateFormat(locale, { dateStyle: 'medium' }).format(expiry) })
      : '';
}

export function renderCode(view: CatalogView, code: string, label: string, focus = false): TemplateResult {
  return html`<div class="row">
    <input
      part="code"
      class="code"
      readonly
      .value=${code}
      aria-label=${label}
      ?data-focus=${focus}
      @focus=${(event: Event) => (event.target as HTMLInputElement).select()}
    />
    <button part="copy-button" class="secondary" @click=${(event: Event) => view.copy(code, event)}>
      ${view.t('common.copy')}
    </button>
    <span class="small">${view.copied?.code === code ? view.copied.text : ''}</span>
  </div>`;
}

/** `named(rewardName, rewardId)`: the name of a redeemed reward, from the redemption, else from the catalog. */
export function renderMine(
  view: CatalogView,
  { data, status }: Snapshot<Redemptions>,
  named: (rewardName: string, rewardId: string) => string,
): TemplateResult {
  const { t } = view;
  const list = data?.redemptions ?? [];
  return html`<details part="my-rewards">
    <summary>${t('catalog.mine')}${list.length ? ` (${list.length})` : ''}</summary>
    <p>
      ${list.length ? '' : t(status === 'error' ? 'catalog.mineError' : data ? 'catalog.mineEmpty' : 'common.loading')}
    </p>
    <ul class="grid">
      ${list.map(({ rewardName: redeemed, rewardId, code, used, expiresAt }) => {
        const name = rewardName(view, { name: named(redeemed, rewardId) });
        return html`<li class="base card">
          <h3>${name}</h3>
          ${renderCode(view, code, t('catalog.codeFor', { reward: name }))}
          <p class="small">${used ? t('catalog.used') : expiry(view, expiresAt)}</p>
        </li>`;
      })}
    </ul>
  </details>`;
}
