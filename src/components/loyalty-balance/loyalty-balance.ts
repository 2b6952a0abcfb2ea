import { balance } from '../../core/i18n/en/balance.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Me, Program } from '../../core/api/schemas.js';
import { now } from '../../core/clock.js';
import { dateFormat, formatMoney, formatRelative } from '../../core/i18n/format.js';
import { announce } from '../shared/announcer.js';
import { LoyaltyElement } from '../shared/loyalty-element.js';
import { StoreController } from '../shared/store-controller.js';
import { styleProps } from '../shared/style-props.js';
import { styles } from './loyalty-balance.styles.js';

const week = 7 * 24 * 60 * 60 * 1000;

/**
 * The shopper's points balance, tier and progress to the next tier, and points about to expire.
 * Guests see an invitation to join.
 *
 * @tagname loyalty-balance
 * @fires loyalty-error - the balance could not be loaded; `detail.error` is a LoyaltyError
 * @slot label - the words above the balance (default "Your points")
 * @slot guest - replaces the invitation shown to guests
 * @csspart base - the outer box
 * @csspart balance - the points figure
 * @csspart tier - the tier name and benefits
 * @csspart progress - the tier progress bar
 * @csspart expiring - the expiring-points notice
 * @cssprop --loyalty-balance-accent - progress bar and figure colour (falls back to --loyalty-color-accent)
 */
export class LoyaltyBalance extends LoyaltyElement {
  static override messages = balance;
  static override styles = styles;
  static override properties = {
    compact: { type: Boolean, reflect: true },
    hideTier: { type: Boolean, attribute: 'hide-tier' },
    hideExpiring: { type: Boolean, attribute: 'hide-expiring' },
    joinUrl: { attribute: 'join-url' },
  };

  /** One line for a header bar. */
  compact = false;
  /** Hides the tier, its benefits and the progress bar. */
  hideTier = false;
  /** Hides the expiring-points notice. */
  hideExpiring = false;
  /** Overrides the program's join link for guests. */
  joinUrl = '';

  readonly #me = new StoreController(this, 'me', (next, previous) => {
    this.reportError(next, previous);
    const before = previous.data?.points.balance;
    const after = next.data?.points.balance;
    // A balance that changes in front of the shopper is announced; a first render is not.
    if (before !== undefined && after !== undefined && before !== after && !previous.guest) {
      announce(this.t('balance.changed', { points: this.points(after, this.#program.value.data) }));
    }
  });
  readonly #program = new StoreController(this, 'program');
  #marked = false;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // For the warm-cache benchmark: the first time the shadow root holds the balance.
    if (!this.#marked && this.#me.value.data) {
      this.#marked = true;
      globalThis.performance?.mark?.('loyalty-balance:visible');
    }
  }

  #retry(): void {
    void this.#me.refresh();
    if (this.#program.value.status === 'error') void this.#program.refresh();
  }

  #renderGuest(program: Program | undefined): TemplateResult {
    return html`<div part="base" class="base guest">
      <slot name="guest">
        <p>${program ? this.t('balance.guest', { program: program.name }) : this.t('balance.guestGeneric')}</p>
        ${this.joinActions(this.joinUrl, program)}
      </slot>
    </div>`;
  }

  #renderSkeleton(): TemplateResult {
    return html`<div part="base" class="base" aria-busy="true">
      <span class="label"><slot name="label">${this.t('balance.label')}</slot></span>
      <span part="balance" class="balance skeleton wide"></span>
      <span class="visually-hidden">${this.t('common.loading')}</span>
      ${
        this.compact || this.hideTier
          ? nothing
          : html`<div class="tier">
              <span class="skeleton"></span>
              <div class="track"></div>
              <span class="skeleton small"></span>
            </div>`
      }
    </div>`;
  }

  #renderError(): TemplateResult {
    return html`<div part="base" class="base error" role="alert">
      ${this.failure(this.#me.value.error, this.#retry)}
    </div>`;
  }

  #renderTier(me: Me, program: Program | undefined): TemplateResult | typeof nothing {
    if (this.hideTier || !me.tier) return nothing;
    const progress = me.tierProgress;
    const tiers = program?.tiers ?? [];
    const currentTier = tiers.find((tier) => tier.id === me.tier?.id);
    const nextTier = tiers.find((tier) => tier.id === progress.nextTierId);
    const next = progress.nextTierName;
    let bar: TemplateResult | typeof nothing = nothing;
    let words: string;
    if (next === null || progress.remaining === null) {
      words = this.t('balance.topTier');
    } else {
      const min = currentTier?.threshold ?? 0;
      const max = nextTier?.threshold ?? progress.current + progress.remaining;
      const ratio = max > min ? Math.min(1, Math.max(0, (progress.current - min) / (max - min))) : 0;
      words =
        progress.metric === 'spend'
          ? this.t('balance.toNextSpend', {
              amount: formatMoney(this.locale, { amount: progress.remaining, currency: program?.currency ?? 'USD' }),
              tier: next,
            })
          : this.t('balance.toNextPoints', { points: this.points(progress.remaining, program), tier: next });
      const label = this.t(progress.metric === 'spend' ? 'balance.progressLabelSpend' : 'balance.progressLabel', {
        tier: next,
      });
      bar = html`<div
        part="progress"
        class="track"
        role="progressbar"
        aria-label=${label}
        aria-valuemin=${min}
        aria-valuemax=${max}
        aria-valuenow=${Math.min(Math.max(progress.current, min), max)}
        aria-valuetext=${words}
      >
        <div class="fill" ${styleProps({ 'inline-size': `${(ratio * 100).toFixed(1)}%` })}></div>
      </div>`;
    }
    const benefits = currentTier?.benefits ?? [];
    return html`<div part="tier" class="tier">
      <span class="tier-name">${this.t('balance.tier', { tier: me.tier.name })}</span>
      ${this.compact ? nothing : bar} ${this.compact ? nothing : html`<span class="small">${words}</span>`}
      ${
        this.compact || !benefits.length
          ? nothing
          : html`<details class="benefits">
              <summary>${this.t('balance.benefits', { tier: me.tier.name })}</summary>
              <ul>
                ${benefits.map((benefit) => html`<li>${benefit}</li>`)}
              </ul>
            </details>`
      }
    </div>`;
  }

  #renderExpiring(me: Me, program: Program | undefined): TemplateResult | typeof nothing {
    const soonest = me.points.expiring[0];
    if (this.hideExpiring || !soonest) return nothing;
    const at = Date.parse(soonest.expiresAt);
    const points = this.points(soonest.points, program);
    const text =
      at - now() < week
        ? this.t('balance.expiresSoon', {
            count: soonest.points,
            points,
            relative: formatRelative(this.locale, at, now()),
          })
        : this.t('balance.expiresOn', {
            count: soonest.points,
            points,
            date: dateFormat(this.locale, { day: 'numeric', month: 'short' }).format(at),
          });
    return html`<p part="expiring" class="expiring small">${text}</p>`;
  }

  override render(): TemplateResult {
    const me = this.#me.value;
    const program = this.#program.value.data;
    if (me.guest) return this.#renderGuest(program);
    if (me.status === 'error') return this.#renderError();
    // Wait for the program too (its points label), unless it failed: then the default label is fine.
    if (!me.data || (this.#program.value.status === 'loading' && !program)) return this.#renderSkeleton();
    const data = me.data;
    const updated = me.stale && me.error && me.updatedAt;
    return html`<div part="base" class="base">
      <span class="label"><slot name="label">${this.t('balance.label')}</slot></span>
      <span class="visually-hidden">${this.t('balance.available')}</span>
      <span part="balance" class="balance">${this.points(data.points.balance, program)}</span>
      ${
        data.points.pending > 0 && !this.compact
          ? html`<span class="small pending"
              >${this.t('balance.pending', { points: this.points(data.points.pending, program) })}</span
            >`
          : nothing
      }
      ${this.compact || !program ? nothing : html`<span class="small program">${program.name}</span>`}
      ${this.#renderTier(data, program)} ${this.compact ? nothing : this.#renderExpiring(data, program)}
      ${updated ? html`<p class="hint">${this.lastUpdated(updated, this.#retry)}</p>` : nothing}
    </div>`;
  }
}
