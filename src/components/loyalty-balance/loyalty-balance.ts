import { balance } from '../../core/i18n/en/balance.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { tierMetrics, type Me, type Program } from '../../core/api/schemas.js';
import { isKnown } from '../../core/api/validate.js';
import { now } from '../../core/clock.js';
import { dateFormat, formatMoney, formatRelative } from '../../core/i18n/format.js';
import { announce } from '../shared/announcer.js';
import { LoyaltyElement } from '../shared/loyalty-element.js';
import { retryFailed, StoreController } from '../shared/store-controller.js';
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
      announce(this, this.t('balance.changed', { points: this.points(after, this.#program.value.data) }));
    }
  });
  readonly #program = new StoreController(this, 'program');
  readonly #retry = retryFailed(this.#me, this.#program);
  #marked: boolean | undefined;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // For the warm-cache benchmark: the first time the shadow root holds the balance.
    if (!this.#marked && this.#shown()) {
      this.#marked = true;
      globalThis.performance?.mark?.('loyalty-balance:visible');
    }
  }

  /**
   * The shopper's data once it can be shown: the skeleton stays until the program (its points
   * label) is there too; a failed program is no reason to wait, the default label is fine.
   */
  #shown(): Me | undefined {
    return this.#program.value.status === 'loading' ? undefined : this.#me.value.data;
  }

  /** The tier name; unless compact, the progress to the next tier and the tier's benefits. */
  #renderTier({ tier, tierProgress }: Me, program: Program | undefined): TemplateResult | typeof nothing {
    if (!tier) return nothing;
    const { current, remaining, nextTierName: next, metric } = tierProgress;
    const tiers = program?.tiers ?? [];
    const currentTier = tiers.find((each) => each.id === tier.id);
    const benefits = currentTier?.benefits ?? [];
    let words = this.t('balance.topTier');
    let bar: TemplateResult | typeof nothing = nothing;
    if (next !== null && remaining !== null) {
      const min = currentTier?.threshold ?? 0;
      const max = tiers.find((each) => each.id === tierProgress.nextTierId)?.threshold ?? current + remaining;
      const value = Math.min(Math.max(current, min), max);
      const spend = metric === 'spend';
      // A metric the client does not know: the next tier without a count in an unknown unit.
      const known = isKnown(tierMetrics, metric);
      const vars = {
        tier: next,
        points: this.points(remaining, program),
        amount: spend ? formatMoney(this.locale, { amount: remaining, currency: program?.currency ?? 'USD' }) : '',
      };
      words = this.t(!known ? 'balance.toNext' : spend ? 'balance.toNextSpend' : 'balance.toNextPoints', vars);
      bar = html`<div
        part="progress"
        class="track"
        role="progressbar"
        aria-label=${this.t(
          !known ? 'balance.progressLabelOther' : spend ? 'balance.progressLabelSpend' : 'balance.progressLabel',
          vars,
        )}
        aria-valuemin=${min}
        aria-valuemax=${max}
        aria-valuenow=${value}
        aria-valuetext=${words}
      >
        <div
          class="fill"
          ${styleProps({ 'inline-size': `${max > min ? ((value - min) / (max - min)) * 100 : 0}%` })}
        ></div>
      </div>`;
    }
    // A tier the reply does not name is named by the program, if it knows it.
    const name = tier.name || currentTier?.name || '';
    return html`<div part="tier" class="tier">
      <span class="tier-name">${name ? this.t('balance.tier', { tier: name }) : nothing}</span>
      ${
        this.compact
          ? nothing
          : html`${bar}<span class="small">${words}</span> ${
                benefits.length
                  ? html`<details class="benefits">
                      <summary>${this.t('balance.benefits', { tier: name })}</summary>
                      <ul>
                        ${benefits.map((benefit) => html`<li>${benefit}</li>`)}
                      </ul>
                    </details>`
                  : nothing
              }`
      }
    </div>`;
  }

  #renderExpiring(me: Me, program: Program | undefined): TemplateResult | typeof nothing {
    const soonest = me.points.expiring[0];
    if (this.hideExpiring || !soonest) return nothing;
    const at = Date.parse(soonest.expiresAt);
    return html`<p part="expiring" class="expiring small">
      ${this.t(at - now() < week ? 'balance.expiresSoon' : 'balance.expiresOn', {
        count: soonest.points,
        points: this.points(soonest.points, program),
        relative: formatRelative(this.locale, at, now()),
        date: dateFormat(this.locale, { day: 'numeric', month: 'short' }).format(at),
      })}
    </p>`;
  }

  override render(): TemplateResult {
    const { guest, status, error } = this.#me.value;
    const program = this.#program.value.data;
    const failed = !guest && status === 'error';
    const me = this.#shown();
    // Both slots are always rendered, hidden when not in use, so slotted content keeps its place.
    return html`<div part="base" class="base" aria-busy=${me || guest || failed ? nothing : 'true'}>
      <slot name="guest" ?hidden=${!guest}
        >${
          guest
            ? html`<p>
                  ${this.t(program?.name ? 'balance.guest' : 'balance.guestGeneric', { program: program?.name ?? '' })}
                </p>
                ${this.joinActions(this.joinUrl, program)}`
            : nothing
        }</slot
      >
      <span class="label small" ?hidden=${guest}
        ><slot name="label">${guest ? nothing : this.t('balance.label')}</slot></span
      >
      ${guest ? nothing : failed ? html`<div class="error" role="alert">${this.failure(error, this.#retry)}</div>` : this.#renderData(me, program)}
    </div>`;
  }

  /**
   * The lines a full balance shows under the figure, as placeholders in the same elements and
   * classes (pending points, program name, tier, progress, benefits, expiring points), so the
   * data takes exactly their place. `.balance` holds the figure's placeholder itself.
   */
  #renderSkeleton(): TemplateResult | typeof nothing {
    if (this.compact) return nothing;
    const line = (className: string) => html`<span class=${className}><span class="skeleton"></span></span>`;
    return html`${line('small')}${line('small')}
    ${
      this.hideTier
        ? nothing
        : html`<div class="tier">
            ${line('tier-name')}
            <div class="track"></div>
            ${line('small')}${line('benefits')}
          </div>`
    }
    ${this.hideExpiring ? nothing : html`<p class="small"><span class="skeleton"></span></p>`}`;
  }

  /** The balance and what goes with it; the skeleton of the same layout while `me` is unknown. */
  #renderData(me: Me | undefined, program: Program | undefined): TemplateResult {
    const { compact } = this;
    const { stale, error, updatedAt } = this.#me.value;
    return html`<span class="visually-hidden">${this.t(me ? 'balance.available' : 'common.loading')}</span>
      <span part="balance" class="balance"
        >${me ? this.points(me.points.balance, program) : html`<span class="skeleton wide"></span>`}</span
      >
      ${me ? nothing : this.#renderSkeleton()}
      ${
        me && !compact
          ? html`${
              me.points.pending > 0
                ? html`<span class="small"
                    >${this.t('balance.pending', { points: this.points(me.points.pending, program) })}</span
                  >`
                : nothing
            }
            ${program?.name ? html`<span class="small">${program.name}</span>` : nothing}`
          : nothing
      }
      ${this.hideTier ? nothing : me ? this.#renderTier(me, program) : nothing}
      ${me && !compact ? this.#renderExpiring(me, program) : nothing}
      ${me && stale && error && updatedAt ? html`<p class="hint">${this.lastUpdated(updatedAt, this.#retry)}</p>` : nothing}`;
  }
}
