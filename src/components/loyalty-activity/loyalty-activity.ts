import { activity } from '../../core/i18n/en/activity.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { activityTypes, type ActivityItem, type Program } from '../../core/api/schemas.js';
import { isKnown } from '../../core/api/validate.js';
import { asLoyaltyError } from '../../core/errors.js';
import { dateFormat } from '../../core/i18n/format.js';
import { announce } from '../shared/announcer.js';
import { LoyaltyElement } from '../shared/loyalty-element.js';
import { LoyaltyErrorEvent } from '../shared/loyalty-error-event.js';
import { retryFailed, StoreController } from '../shared/store-controller.js';
import { ActivityList } from './activity-list.js';
import { styles } from './loyalty-activity.styles.js';

/**
 * Placeholder rows on a first visit: the SDK's first page of history (20 entries), in the final
 * row geometry, and the "Show more" button under them, so the first page arrives into its place.
 */
const skeletonRows = 20;

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
  };

  /** Overrides the program's join link for guests. */
  joinUrl = '';

  readonly #activity = new StoreController(this, 'activity', this.reportError);
  readonly #program = new StoreController(this, 'program');
  readonly #retry = retryFailed(this.#activity, this.#program);
  #list = new ActivityList('');
  /**
   * The cursor of the page being fetched, and of the last page that failed. Only #loadMore()
   * sets them, and it asks for each update itself, so they need not be reactive properties.
   */
  #loadingFrom: string | undefined;
  #failedFrom: string | undefined;
  #marked: boolean | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const first = this.#activity.value.data;
    const owner = `${this.sdk.customerId}|${this.sdk.locale()}`;
    // Another shopper or language (or none): later pages of the old list must not linger.
    if (!first || owner !== this.#list.owner) this.#list = new ActivityList(owner);
    if (first) {
      const added = this.#list.follow(first);
      if (added) announce(this, this.t('activity.new', { count: added }));
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // For the warm-cache benchmark: the first time the shadow root holds entries.
    if (!this.#marked && this.#list.size) {
      this.#marked = true;
      globalThis.performance?.mark?.('loyalty-activity:visible');
    }
  }

  /**
   * "Show more": fetches the page after the last entry shown; a reset list meanwhile drops the
   * answer. Never rejects, so it can be the click handler itself.
   */
  async #loadMore(): Promise<void> {
    const list = this.#list;
    const from = list.cursor;
    if (from === null || this.#loadingFrom === from) return;
    this.#loadingFrom = from;
    this.#failedFrom = undefined;
    this.requestUpdate();
    let focus = -1;
    try {
      const page = await this.sdk.activityPage(from);
      const shown = list.size;
      const added = list.append(page, from);
      if (added < 0 || list !== this.#list) return;
      announce(this, this.t('activity.loaded', { count: added }));
      // Keyboard users continue from the first new entry; the button stays where it was.
      if (this.shadowRoot?.activeElement?.part.contains('more-button')) {
        focus = added ? shown : list.cursor === null ? shown - 1 : -1;
      }
    } catch (error) {
      if (list !== this.#list || list.cursor !== from) return;
      this.#failedFrom = from;
      // The API client's failures are LoyaltyErrors already; anything else still reaches listeners as one.
      const failure = asLoyaltyError(error);
      this.emit(new LoyaltyErrorEvent(failure), { global: true });
    } finally {
      if (this.#loadingFrom === from) this.#loadingFrom = undefined;
      this.requestUpdate();
    }
    await this.updateComplete;
    const row = this.renderRoot.querySelector('ol')?.children[focus] as HTMLElement | undefined;
    if (row) {
      row.tabIndex = -1;
      row.focus();
    }
  }

  #renderItem({ createdAt, description, points, type }: ActivityItem, program: Program | undefined): TemplateResult {
    const earned = points > 0;
    const size = this.points(Math.abs(points), program);
    const at = Date.parse(createdAt);
    // The sign and colour are for the eye; the words say which way the points went. A tier
    // change moves no points: no amount at all rather than "+0".
    return html`<li part="item" class="item">
      <span class="what">${description}</span>
      <span class="meta small"
        ><span part="type"
          >${this.t(isKnown(activityTypes, type) ? `activity.type.${type}` : 'activity.type.other')}</span
        >${
          // An entry without a readable date is still shown, without one.
          Number.isNaN(at)
            ? nothing
            : html`<span aria-hidden="true"> · </span
                ><time part="date" datetime=${createdAt}
                  >${dateFormat(this.locale, { dateStyle: 'medium' }).format(at)}</time
                >`
        }</span
      >
      <span part="amount" class="amount ${earned ? 'earned' : 'spent'}"
        >${
          points
            ? html`<span aria-hidden="true"
                  >${this.t(earned ? 'activity.plus' : 'activity.minus', { points: size })}</span
                ><span class="visually-hidden"
                  >${this.t(earned ? 'activity.earned' : type === 'expire' ? 'activity.expired' : 'activity.spent', {
                    points: size,
                  })}</span
                >`
            : nothing
        }</span
      >
    </li>`;
  }

  #renderList(program: Program | undefined): TemplateResult {
    const { pages, cursor } = this.#list;
    const { stale, error, updatedAt } = this.#activity.value;
    const { locale } = this;
    const { options } = this.sdk;
    // Within `more`, the cursor is not null: these compare it with the page loading or failed.
    const loading = this.#loadingFrom === cursor;
    const failed = this.#failedFrom === cursor;
    return html`${
      stale && error && updatedAt
        ? html`<p part="hint" class="hint">${this.lastUpdated(updatedAt, this.#retry)}</p>`
        : nothing
    }
    ${
      pages.length
        ? html`<ol part="list" class="list" aria-labelledby="label">
            ${repeat(
              pages,
              // Pages never share an entry, so a page's last id names it.
              (page) => page[page.length - 1].id,
              // A page re-renders only when it or what its rows' text depends on changes.
              (page) =>
                guard([page, locale, program, options], () =>
                  repeat(
                    page,
                    (item) => item.id,
                    (item) => this.#renderItem(item, program),
                  ),
                ),
            )}
          </ol>`
        : html`<p>${this.t('activity.empty')}</p>`
    }
    ${
      cursor === null
        ? nothing
        : html`<div class="more">
            ${failed ? html`<p class="more-error" role="alert">${this.t('activity.moreFailed')}</p>` : nothing}
            <button part="more-button" class="secondary" aria-disabled=${loading} @click=${this.#loadMore}>
              ${this.t(loading ? 'activity.loadingMore' : failed ? 'common.retry' : 'activity.more')}
            </button>
          </div>`
    }`;
  }

  override render(): TemplateResult {
    const { guest, status, error, data } = this.#activity.value;
    const { data: program, status: programStatus } = this.#program.value;
    const loading = !guest && status !== 'error' && !(data && (programStatus !== 'loading' || program));
    return html`<div part="base" class="base" aria-busy=${loading ? 'true' : nothing}>
      <span class="label" id="label"><slot name="label">${this.t('activity.label')}</slot></span>
      <div ?hidden=${!guest}>
        <slot name="guest"
          >${
            guest
              ? html`<p>${this.t('activity.guest')}</p>
                  ${this.joinActions(this.joinUrl, program)}`
              : nothing
          }</slot
        >
      </div>
      ${
        guest
          ? nothing
          : status === 'error'
            ? html`<div class="error" role="alert">${this.failure(error, this.#retry, 'activity.error')}</div>`
            : // Wait for the program too (its points label), unless it failed: then the default label is fine.
              loading
              ? html`<span class="visually-hidden">${this.t('common.loading')}</span>
                  <ol part="list" class="list" aria-hidden="true">
                    ${Array.from(
                      { length: skeletonRows },
                      () =>
                        html`<li class="item">
                          <span class="what"><span class="skeleton"></span></span>
                          <span class="meta small"><span class="skeleton short"></span></span>
                          <span class="amount"><span class="skeleton short"></span></span>
                        </li>`,
                    )}
                  </ol>
                  <div class="more" aria-hidden="true"><span class="skeleton button"></span></div>`
              : this.#renderList(program)
      }
    </div>`;
  }
}
