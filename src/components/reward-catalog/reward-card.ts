// One reward card, and the words about a reward the cards and the dialog share.
import { html, nothing, type TemplateResult } from 'lit';
import type { Reward } from '../../core/api/schemas.js';
import { isKnown } from '../../core/api/validate.js';
import { now } from '../../core/clock.js';
import { dateFormat, formatMoney, numberFormat, pluralRules } from '../../core/i18n/format.js';
import { safeUrl } from '../shared/safe-url.js';
import { pointsFor, type Row } from './rewards-list.js';
import type { CatalogView } from './view.js';

/** A reward's name; one the API did not send is "Reward". */
export const rewardName = ({ t }: CatalogView, { name }: Pick<Reward, 'name'>): string => name || t('catalog.reward');

/**
 * What a reward is worth: "$10.00 off", "15% off", "Free shipping", "Donate $5.00 to charity",
 * "1,500 points = $15.00 off" for the points chosen for a variable one; empty when there is
 * nothing to say.
 */
export function worth(view: CatalogView, { kind, variable, value }: Reward, points: number): string {
  const { t, locale } = view;
  const rate = variable?.valuePerPoint;
  const amount = rate ? { amount: points * rate.amount, currency: rate.currency } : value;
  const formatted =
    amount &&
    ('percent' in amount
      ? numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(amount.percent / 100)
      : formatMoney(locale, amount));
  const key = isKnown(['discount', 'store-credit', 'donation'], kind) ? kind : 'other';
  const text = formatted
    ? t(`catalog.value.${key}`, { amount: formatted })
    : isKnown(['free-shipping', 'partner'], kind)
      ? t(`catalog.value.${kind}`)
      : '';
  return rate ? t('catalog.variableValue', { points: view.points(points), value: text }) : text;
}

/** "You need 250 more points", with the program's own label. */
function needMore({ t, locale, program }: CatalogView, count: number): string {
  const label = program?.pointsLabel;
  return t('catalog.needMore', {
    count,
    label:
      label?.[pluralRules(locale).select(count) === 'one' ? 'one' : 'other'] ?? t('common.pointsFallback', { count }),
  });
}

/** Why a reward cannot be redeemed, in words. */
function reason({ t, locale, program }: CatalogView, { reason, availableFrom, minTier }: Reward): string {
  if (reason === 'tier-locked') {
    const tier = program?.tiers.find((item) => item.id === minTier);
    return t('catalog.tierLocked', { tier: tier?.name ?? minTier ?? '' });
  }
  if (reason === 'coming-soon') {
    return t('catalog.comingSoon', {
      date: dateFormat(locale, { day: 'numeric', month: 'short' }).format(new Date(availableFrom ?? now())),
    });
  }
  // A reason the client does not know (or none at all) is just "not available".
  return t(
    reason === 'limit-reached'
      ? 'catalog.limitReached'
      : reason === 'out-of-stock'
        ? 'catalog.outOfStock'
        : 'catalog.unavailable',
  );
}

export function renderCard(view: CatalogView, { reward, rank }: Row, join: string | undefined): TemplateResult {
  const { t, balance } = view;
  const { variable } = reward;
  const name = rewardName(view, reward);
  const points = pointsFor(reward, view.chosen[reward.id]);
  const short = balance !== undefined && rank < 2 && points > balance;
  const value = worth(view, reward, points);
  // Decorative (alt=""): the heading beside it names the reward, read once.
  const image = safeUrl(reward.imageUrl);
  return html`<li part="reward" class="base card" data-id=${reward.id} ?data-off=${rank > 2}>
    <img src=${image ?? nothing} ?hidden=${!image || view.brokenImages.has(image)} alt="" loading="lazy" />
    <h3>${name}</h3>
    <p class="value">${value}</p>
    <p class="small">${reward.description}</p>
    <p class="small">
      ${
        variable
          ? `${numberFormat(view.locale).format(variable.minPoints)}–${view.points(variable.maxPoints)}`
          : view.points(reward.cost)
      }
    </p>
    ${
      variable && balance !== undefined && rank < 2
        ? html`<div class="row">
            <input
              type="range"
              min=${variable.minPoints}
              max=${variable.maxPoints}
              step=${variable.step}
              .value=${String(points)}
              aria-label=${t('catalog.variable')}
              aria-valuetext=${value}
              @input=${(event: Event) => view.choose(reward, event)}
            />
            <input
              type="number"
              min=${variable.minPoints}
              max=${variable.maxPoints}
              step=${variable.step}
              .value=${String(points)}
              aria-label=${t('catalog.variable')}
              @input=${(event: Event) => view.choose(reward, event, true)}
              @change=${(event: Event) => view.choose(reward, event)}
            />
          </div>`
        : nothing
    }
    <p class="small note">${rank > 1 ? reason(view, reward) : short ? needMore(view, points - balance) : ''}</p>
    ${short ? html`<progress max=${points} .value=${balance} aria-hidden="true"></progress>` : nothing}
    ${
      balance !== undefined
        ? html`<button
            part="redeem-button"
            aria-label=${t('catalog.redeemReward', { reward: name })}
            ?disabled=${rank > 1 || short}
            @click=${(event: Event) => view.open({ reward, points, step: 'confirm' }, event.currentTarget)}
          >
            ${t('catalog.redeem')}
          </button>`
        : join
          ? html`<a class="button" href=${join}>${t('catalog.joinToRedeem')}</a>`
          : nothing
    }
  </li>`;
}
