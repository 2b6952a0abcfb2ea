import { activity } from '../../core/i18n/en/activity.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ActivityItem, Program } from '../../core/api/schemas.js';
import { LoyaltyError, isLoyaltyError } from '../../core/errors.js';
import { dateFormat } from '../../core/i18n/format.js';
import { announce } from '../shared/announcer.js';
import { LoyaltyElement } from '../shared/loyalty-element.js';
import { LoyaltyErrorEvent } from '../shared/loyalty-error-event.js';
import { StoreController } from '../shared/store-controller.js';
import { ActivityList } from './activity-list.js';
import { styles } from './loyalty-activity.styles.js';

/** Placeholder rows on a first visit: about what most shoppers see, in the final row geometry. */
const skeletonRows = 5;

/**
 * The shopper's points history, newest first: what they earned, spent, lost to expiry or got as
 * a bonus, with dates and signed amounts. The first page is shared and cached; "Show more" fetches
 * one page at a time. Guests see an invitation to join or sign in.
 *
 * @fires loyalty-error - the history or a further page could not be loaded; `detail.error` is a LoyaltyError
 * @slot label - the heading above the list (default "Points activity")
 * @slot guest - replaces the invitation shown to guests
 * @csspart base - the outer box
 * @csspart list - the list of entries (`<ol>`)
 * @csspart item - one entry (`<li>`)
 * @csspart type - the kind of entry ("Earned", "Redeemed"…)
 * @csspart date - the entry's date
 * @csspart amount - the signed points of an entry
 * @csspart more-button - the "Show more" button
 * @csspart hint - the "last updated" hint shown when the data could not be refreshed
 * @cssprop --loyalty-activity-earned - colour of points earned (falls back to --loyalty-color-success)
 * @cssprop --loyalty-activity-spent - colour of points spent or expired (falls back to --loyalty-color-text)
 * @cssprop --loyalty-activity-divider - line between entries (falls back to --loyalty-color-border)
 * @tagname loyalty-activity
 */
export class LoyaltyActivity extends LoyaltyElement {
  static override messages = activity;
  static override styles = styles;
  static override properties = {
    joinUrl: { attribute: 'join-url' },
    loadingFrom: { state: true },
    failedFrom: { state: true },
  };

  /** Overrides the program's join link for guests. */
  joinUrl = '';

  /** The cursor of the page being fetched, and of the last page that failed. */
  private loadingFrom: string | null = null;
  private failedFrom: string | null = null;

  readonly #activity = new StoreController(this, 'activity', this.reportError);
  readonly #program = new StoreController(this, 'program');
  #list = new ActivityList('');
  /** What the rows' text depends on; a page re-renders only when it or its entries change. */
  #rowInputs: readonly unknown[] = [];
  #focusIndex: number | undefined;
  #marked = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const first = this.#activity.value.data;
    const owner = `${this.sdk.customerId}|${this.sdk.locale()}`;
    // Another shopper or language (or none): later pages of the old list must not linger.
    if (!first || owner !== this.#list.owner) this.#list = new ActivityList(owner);
    if (first) {
      const added = this.#list.follow(first);
      if (added) announce(this.t('activity.new', { count: added }));
    }
    const inputs = [this.locale, this.#program.value.data, this.sdk.options];
    if (inputs.some((input, index) => input !== this.#rowInputs[index])) this.#rowInputs = inputs;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusIndex !== undefined) {
      const row = this.renderRoot.querySelector('ol')?.children[this.#focusIndex] as HTMLElement | undefined;
      this.#focusIndex = undefined;
      if (row) {
        row.tabIndex = -1;
        row.focus();
      }
    }
    // For the warm-cache benchmark: the first time the shadow root holds entries.
    if (!this.#marked && this.#list.size) {
      this.#marked = true;
      globalThis.performance?.mark?.('loyalty-activity:visible');
    }
  }

  #retry(): void {
    void this.#activity.refresh();
    if (this.#program.value.status === 'error') void this.#program.refresh();
  }

  #showMore(): void {
    void this.#loadMore();
  }

  /** Fetches the page after the last entry shown; a reset list meanwhile drops the answer. */
  async #loadMore(): Promise<void> {
    const list = this.#list;
    const from = list.cursor;
    if (from === null || this.loadingFrom === from) return;
    this.loadingFrom = from;
    this.failedFrom = null;
    try {
      const page = await this.sdk.activityPage(from);
      const shown = list.size;
      const added = list.append(page, from);
      if (added < 0 || list !== this.#list) return;
      announce(this.t('activity.loaded', { count: added }));
      // Keyboard users continue from the first new entry; the button stays where it was.
      const button = this.renderRoot.querySelector('[part~="more-button"]');
      if (button && this.shadowRoot?.activeElement === button) {
        this.#focusIndex = added ? shown : list.cursor === null ? shown - 1 : undefined;
      }
    } catch (cause) {
      if (list !== this.#list || list.cursor !== from) return;
      this.failedFrom = from;
      const error = isLoyaltyError(cause) ? cause : new LoyaltyError('network', String(cause), { cause });
      this.emit(new LoyaltyErrorEvent(error), { global: true });
    } finally {
      if (this.loadingFrom === from) this.loadingFrom = null;
      this.requestUpdate();
    }
  }

  #renderGuest(program: Program | undefined): TemplateResult {
    return html`<p>${this.t('activity.guest')}</p>
      ${this.joinActions(this.joinUrl, program)}`;
  }

  #renderSkeleton(): TemplateResult {
    const row = html`<li class="item">
      <span class="what"><span class="skeleton"></span></span>
      <span class="meta"><span class="skeleton short"></span></span>
      <span class="amount"><span class="skeleton short"></span></span>
    </li>`;
    return html`<div aria-busy="true">
      <span class="visually-hidden">${this.t('common.loading')}</span>
      <ol part="list" class="list" aria-hidden="true">
        ${Array.from({ length: skeletonRows }, () => row)}
      </ol>
    </div>`;
  }

  #renderError(): TemplateResult {
    return html`<div class="error" role="alert">
      ${this.failure(this.#activity.value.error, this.#retry, 'activity.error')}
    </div>`;
  }

  #renderAmount({ points, type }: ActivityItem, program: Program | undefined): TemplateResult {
    if (!points) return html`<span part="amount" class="amount"></span>`;
    const earned = points > 0;
    const size = this.points(Math.abs(points), program);
    // The sign and colour are for the eye; the words say which way the points went.
    const words = earned ? 'activity.earned' : type === 'expire' ? 'activity.expired' : 'activity.spent';
    return html`<span part="amount" class="amount ${earned ? 'earned' : 'spent'}"
      ><span aria-hidden="true">${this.t(earned ? 'activity.plus' : 'activity.minus', { points: size })}</span
      ><span class="visually-hidden">${this.t(words, { points: size })}</span></span
    >`;
  }

  #renderItem(item: ActivityItem, program: Program | undefined): TemplateResult {
    const date = dateFormat(this.locale, { dateStyle: 'medium' }).format(Date.parse(item.createdAt));
    return html`<li part="item" class="item">
      <span class="what">${item.description}</span>
      <span class="meta"
        ><span part="type">${this.t(`activity.type.${item.type}`)}</span><span aria-hidden="true"> · </span
        ><time part="date" datetime=${item.createdAt}>${date}</time></span
      >
      ${this.#renderAmount(item, program)}
    </li>`;
  }

  #renderList(program: Program | undefined): TemplateResult {
    const { pages, cursor } = this.#list;
    const { stale, error, updatedAt } = this.#activity.value;
    const hint =
      stale && error && updatedAt
        ? html`<p part="hint" class="hint">${this.lastUpdated(updatedAt, this.#retry)}</p>`
        : nothing;
    if (!pages.length)
      return html`${hint}
        <p class="empty">${this.t('activity.empty')}</p>`;
    const loading = cursor !== null && this.loadingFrom === cursor;
    const failed = cursor !== null && this.failedFrom === cursor;
    return html`${hint}
      <ol part="list" class="list" aria-labelledby="label">
        ${repeat(
          pages,
          // Pages never share an entry, so a page's last id names it.
          (page) => page[page.length - 1].id,
          (page) =>
            guard([page, this.#rowInputs], () =>
              repeat(
                page,
                (item) => item.id,
                (item) => this.#renderItem(item, program),
              ),
            ),
        )}
      </ol>
      ${
        cursor === null
          ? nothing
          : html`<div class="more">
              ${failed ? html`<p class="more-error" role="alert">${this.t('activity.moreFailed')}</p>` : nothing}
              <button
                part="more-button"
                class="secondary"
                aria-disabled=${loading ? 'true' : 'false'}
                @click=${this.#showMore}
              >
                ${loading ? this.t('activity.loadingMore') : failed ? this.t('common.retry') : this.t('activity.more')}
              </button>
            </div>`
      }`;
  }

  #renderBody(program: Program | undefined): TemplateResult | typeof nothing {
    const snapshot = this.#activity.value;
    if (snapshot.guest) return nothing;
    if (snapshot.status === 'error') return this.#renderError();
    // Wait for the program too (its points label), unless it failed: then the default label is fine.
    if (!snapshot.data || (this.#program.value.status === 'loading' && !program)) return this.#renderSkeleton();
    return this.#renderList(program);
  }

  override render(): TemplateResult {
    const snapshot = this.#activity.value;
    const program = this.#program.value.data;
    return html`<div part="base" class="base">
      <span class="label" id="label"><slot name="label">${this.t('activity.label')}</slot></span>
      <div class="guest" ?hidden=${!snapshot.guest}>
        <slot name="guest">${snapshot.guest ? this.#renderGuest(program) : nothing}</slot>
      </div>
      ${this.#renderBody(program)}
    </div>`;
  }
}
