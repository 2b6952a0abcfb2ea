import { catalog } from '../../core/i18n/en/catalog.js';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { rewardKinds, type Reward } from '../../core/api/schemas.js';
import { isKnown } from '../../core/api/validate.js';
import { redeemJournal, type RedeemIntent } from '../../core/redeem/journal.js';
import { copyShortcut, writeClipboard } from '../shared/clipboard.js';
import { announce } from '../shared/announcer.js';
import { LazyPart } from '../shared/lazy-part.js';
import { LoyaltyElement } from '../shared/loyalty-element.js';
import { LoyaltyErrorEvent } from '../shared/loyalty-error-event.js';
import { safeUrl } from '../shared/safe-url.js';
import { retryFailed, StoreController } from '../shared/store-controller.js';
import { renderMine } from './my-rewards.js';
import type { RedeemFlow } from './redeem-dialog.js';
import { rewardName, renderCard } from './reward-card.js';
import { kindsOf, pointsFor, sorts, visibleRows, words, type Kind, type RewardSort, type Row } from './rewards-list.js';
import { styles } from './reward-catalog.styles.js';
import type { CatalogView, Opening } from './view.js';

export type { RewardSort };

/**
 * Cards rendered at first, and added by each "Show more": a thousand rewards cost the work of a
 * few dozen cards, so a render and a filter change each fit in a frame.
 */
const pageSize = 24;
/** Placeholder cards: more than a screen holds at any width; CSS cuts them at one screen. */
const skeletonCards = 12;

/**
 * The rewards a shopper can spend points on, and the codes they already have. Redeeming asks for
 * confirmation in a modal dialog, then shows the code with a Copy button.
 *
 * Each confirmed redemption gets one Idempotency-Key, stored in IndexedDB until the server has
 * answered for good and reused for every retry. A redemption left unfinished (a timeout, a network
 * failure, a reload mid-call) is offered again above the catalog: "Finish redeeming" retries with
 * the same key, so the points are spent at most once; "Dismiss" forgets it. It never resumes
 * without the shopper asking.
 *
 * The redemption dialog loads on the first Redeem (or once an unfinished redemption is found);
 * if it cannot be loaded (offline, a CDN error), the catalog says so with Retry and keeps the
 * shopper's request: Retry opens it.
 *
 * @fires reward-redeem-request - the shopper confirmed, nothing is sent yet; cancel it to veto. `detail: {reward, points?}`
 * @fires reward-redeemed - a code was issued. `detail: {redemption, reward}`; `on('reward-redeemed')` hears it too
 * @fires loyalty-error - rewards, balance or codes could not be loaded, the redemption dialog could not be loaded, or a redemption failed; `detail.error` is a LoyaltyError
 * @csspart base - the outer box
 * @csspart controls - the kind filter and the sort
 * @csspart list - the grid of rewards (one column in narrow containers)
 * @csspart reward - one reward card
 * @csspart redeem-button - a card's Redeem button
 * @csspart dialog - the confirmation and result dialog
 * @csspart code - a redemption code
 * @csspart copy-button - the Copy button beside a code
 * @csspart my-rewards - the codes already issued
 * @cssprop --loyalty-reward-catalog-min-card - the narrowest grid column (default 15rem)
 * @cssprop --loyalty-catalog-min-card - the former name of --loyalty-reward-catalog-min-card, still read
 * @tagname reward-catalog
 */
export class RewardCatalog extends LoyaltyElement {
  static override messages = catalog;
  static override styles = styles;
  // Declared here rather than with decorators: Lit's decorator helpers stay out of the bundle.
  static override properties = {
    kind: {},
    sort: {},
    hideUnavailable: { type: Boolean, attribute: 'hide-unavailable' },
    joinUrl: { attribute: 'join-url' },
    chosen: { state: true },
    unsettled: { state: true },
    copied: { state: true },
    limit: { state: true },
  };

  readonly #rewards = new StoreController(this, 'rewards', this.reportError);
  readonly #me = new StoreController(this, 'me', (next, previous) => {
    this.reportError(next, previous);
    // Another shopper (or API): their own journal, read once, not again when their data arrives.
    if (this.#journalScope() !== this.#unsettledFor) {
      this.unsettled = [];
      void this.#loadUnsettled();
    }
  });
  readonly #program = new StoreController(this, 'program');
  readonly #redemptions = new StoreController(this, 'redemptions', this.reportError);
  readonly #retry = retryFailed(this.#rewards, this.#me, this.#program, this.#redemptions);
  /** The redemption dialog, loaded on first use. */
  readonly #redeemPart = new LazyPart(
    this,
    () => import('./redeem-dialog.js'),
    (error) => this.emit(new LoyaltyErrorEvent(error)),
  );
  #flow: RedeemFlow | undefined;
  /** What the shopper asked the dialog for while it was loading, or when its load failed: Retry opens it. */
  #wanted: { opening: Opening; opener: EventTarget | null } | undefined;
  /** The rewards the filter keeps, in the chosen order; the first `limit` are rendered. */
  #visible: Row[] = [];
  /** What `#visible` and `#kinds` were worked out from. */
  #visibleFor: unknown[] = [];
  #kinds: Kind[] = [];
  /** Image URLs that failed to load: their cards show no broken picture. */
  readonly #brokenImages = new Set<string>();
  #unsettledRead = 0;
  /** Whose journal `unsettled` was read for (API and customer). */
  #unsettledFor: string | undefined;

  private chosen: Record<string, number> = {};
  private unsettled: RedeemIntent[] = [];
  private copied: { code: string; text: string } | undefined;
  private limit = pageSize;

  /** Kinds to show, space-separated (`"discount free-shipping"`; `other`: kinds the widget does not know); empty shows every kind. */
  kind = '';
  /** `affordable-first` (redeemable now, then closest to affordable), `cost-asc` or `cost-desc`. */
  sort: RewardSort = 'affordable-first';
  /** Hides rewards that are out of stock or redeemed up to their limit (otherwise shown disabled). */
  hideUnavailable = false;
  /** Overrides the program's join link for guests. */
  joinUrl = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#loadUnsettled();
  }

  protected override willUpdate(): void {
    const rewards = this.#rewards.value.data?.rewards ?? [];
    const balance = this.#balance();
    const visibleFor = [rewards, balance, this.kind, this.sort, this.hideUnavailable];
    if (visibleFor.some((value, i) => value !== this.#visibleFor[i])) {
      this.#visibleFor = visibleFor;
      this.#kinds = kindsOf(rewards);
      this.#visible = visibleRows(rewards, balance, this);
    }
  }

  /** Only in the catalog view: an identity change mid-redemption can take it away. */
  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  #balance(): number | undefined {
    return this.#me.value.data?.points.balance;
  }

  #journalScope(): string {
    return `${this.sdk.options?.apiBase}|${this.sdk.customerId}`;
  }

  /**
   * The signed-in shopper's unfinished redemptions. Only the latest read counts: an older one
   * that ends later (another shopper's, or from before a redemption settled) is dropped. One
   * found loads the dialog that finishes it.
   */
  async #loadUnsettled(): Promise<void> {
    this.#unsettledFor = this.#journalScope();
    const read = ++this.#unsettledRead;
    const pending = await redeemJournal(this.sdk).pending();
    if (read !== this.#unsettledRead) return;
    this.unsettled = pending;
    if (pending.length) void this.#loadFlow();
  }

  /** Loads the redemption dialog once; then opens what the shopper asked for meanwhile. */
  async #loadFlow(): Promise<RedeemFlow | undefined> {
    const part = await this.#redeemPart.load();
    if (part && !this.#flow) {
      (this.constructor as typeof RewardCatalog).messages = { ...catalog, ...part.messages };
      this.#flow = new part.RedeemFlow({
        sdk: this.sdk,
        dialog: () => this.#dialog,
        requestUpdate: () => this.requestUpdate(),
        updated: () => this.updateComplete,
        t: (key, vars) => this.t(key, vars),
        emit: (event, options) => this.emit(event, options),
        focusCard: (id) => this.#focusCard(id),
        settled: () => this.#loadUnsettled(),
      });
    }
    // Kept through a failed load: Retry opens it.
    const wanted = this.#flow && this.#wanted;
    if (wanted) {
      this.#wanted = undefined;
      await this.#open(wanted.opening, wanted.opener);
    }
    return this.#flow;
  }

  async #open(opening: Opening, opener: EventTarget | null): Promise<void> {
    if (!this.#flow) {
      this.#wanted = { opening, opener };
      return void this.#loadFlow();
    }
    this.copied = undefined;
    await this.#flow.open(opening, opener);
  }

  async #dismiss(intent: RedeemIntent): Promise<void> {
    await redeemJournal(this.sdk).forget(intent);
    await this.#loadUnsettled();
  }

  /** The name of a redeemed reward: from the redemption, else from the catalog. */
  #redeemedName = (rewardName: string, rewardId: string): string =>
    rewardName || (this.#rewards.value.data?.rewards.find((item) => item.id === rewardId)?.name ?? '');

  #choose(reward: Reward, event: Event, typing = false): void {
    const input = event.target as HTMLInputElement;
    // Live while typing, once the field holds an amount the reward takes ("15" on the way to "1500" changes nothing).
    if (typing && !(input.value && input.validity.valid)) return;
    const points = pointsFor(reward, Number(input.value));
    // Set here too: when the snapped value is the one already bound, Lit would leave the field as typed.
    input.value = String(points);
    this.chosen = { ...this.chosen, [reward.id]: points };
  }

  /**
   * A reward image that fails to load is hidden rather than shown as a broken icon, and shown
   * again if the API sends another URL. (Error events do not bubble: listened to in capture.)
   */
  #imageFailed({ target }: Event): void {
    if (!(target instanceof HTMLImageElement)) return;
    // The URL that failed, not one rendered since.
    this.#brokenImages.add(target.currentSrc || target.src);
    target.hidden = true;
    this.requestUpdate();
  }

  #toggleKind(kind: Kind): void {
    const kinds = new Set(words(this.kind));
    if (!kind) kinds.clear();
    else if (!kinds.delete(kind)) kinds.add(kind);
    this.kind = [...kinds].join(' ');
  }

  async #showMore(): Promise<void> {
    const first = this.#visible[this.limit];
    this.limit += pageSize;
    await this.updateComplete;
    // On to the first new card, so reading (or tabbing) goes on from there.
    if (first) this.#focusCard(first.reward.id);
    const total = this.#visible.length;
    announce(this, this.t('catalog.showing', { count: Math.min(this.limit, total), total }));
  }

  #focusCard(id: string): void {
    const heading = this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] h3`);
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }

  async #copy(code: string, event: Event): Promise<void> {
    const input = (event.currentTarget as HTMLElement).previousElementSibling as HTMLInputElement;
    let text = this.t('common.copied');
    if (!(await writeClipboard(code))) {
      // Refused (no permission, no focus, insecure page): selected, one shortcut copies it.
      input.focus();
      input.select();
      text = this.t('common.copyManually', { shortcut: copyShortcut() });
    }
    this.copied = { code, text };
    // From the field: in the redemption dialog, the announcement is made inside it.
    announce(input, text);
  }

  /** The words, figures and actions the catalog's parts render with. */
  #view(): CatalogView {
    const program = this.#program.value.data;
    return {
      t: (key, vars) => this.t(key, vars),
      locale: this.locale,
      points: (count) => this.points(count, program),
      program,
      balance: this.#balance(),
      chosen: this.chosen,
      copied: this.copied,
      brokenImages: this.#brokenImages,
      choose: (reward, event, typing) => this.#choose(reward, event, typing),
      open: (opening, opener) => void this.#open(opening, opener),
      copy: (code, event) => void this.#copy(code, event),
    };
  }

  /**
   * The catalog's first screen before data: "My rewards", the controls and cards, in the same
   * elements and classes as the data, so the rewards arrive in their place (styles: `.skeletons`).
   */
  #renderSkeleton(): TemplateResult {
    const line = (className: string) => html`<p class=${className}><span class="skeleton"></span></p>`;
    const card = html`<li class="base card">
      <h3><span class="skeleton"></span></h3>
      ${line('value')}${line('small')}${line('small')}${line('small')}
      <span class="skeleton control"></span>
    </li>`;
    return html`<div part="base" class="root" aria-busy="true">
      <span class="visually-hidden">${this.t('common.loading')}</span>
      ${line('summary')}
      <div class="row" aria-hidden="true"><span class="skeleton control wide"></span></div>
      <ul class="grid skeletons" aria-hidden="true">
        ${Array.from({ length: skeletonCards }, () => card)}
      </ul>
    </div>`;
  }

  override render(): TemplateResult {
    const { value: rewards } = this.#rewards;
    const { value: me } = this.#me;
    const { value: program } = this.#program;
    const error = (!rewards.data && rewards.error) || (!me.data && !me.guest && me.error);
    if (error) {
      return html`<div part="base" class="root" role="alert">${this.failure(error, this.#retry)}</div>`;
    }
    if (!rewards.data || (!me.data && !me.guest) || (program.status === 'loading' && !program.data)) {
      return this.#renderSkeleton();
    }
    const view = this.#view();
    const flow = this.#flow;
    // Each card of a guest's catalog links to joining (the header also offers signing in).
    const join = me.guest ? (safeUrl(this.joinUrl) ?? safeUrl(program.data?.joinUrl)) : undefined;
    const active = words(this.kind);
    const running = flow?.keys ?? [];
    // Offered unless it is the one running or shown in the dialog, and only for a reward still listed.
    const unfinished = this.unsettled
      .map((intent): Opening | undefined => {
        const reward = rewards.data!.rewards.find((item) => item.id === intent.rewardId);
        return reward && !running.includes(intent.key)
          ? { reward, points: intent.points ?? reward.cost, intent, step: 'busy' }
          : undefined;
      })
      .find(Boolean);
    const more = this.#visible.length - this.limit;
    const partError = this.#redeemPart.error;
    return html`<div part="base" class="root">
      ${
        me.guest
          ? html`<div class="base row">
              <p>
                ${this.t(program.data ? 'catalog.guest' : 'catalog.guestGeneric', { program: program.data?.name ?? '' })}
              </p>
              ${this.joinActions(this.joinUrl, program.data)}
            </div>`
          : renderMine(view, this.#redemptions.value, this.#redeemedName)
      }
      ${
        unfinished
          ? html`<div class="base row" role="status">
              <p>${this.t('catalog.unfinished', { reward: rewardName(view, unfinished.reward) })}</p>
              <button @click=${(event: Event) => this.#open(unfinished, event.currentTarget)}>
                ${this.t('catalog.finish')}
              </button>
              <button class="secondary" @click=${() => this.#dismiss(unfinished.intent!)}>
                ${this.t('catalog.dismiss')}
              </button>
            </div>`
          : nothing
      }
      ${
        partError && !flow
          ? html`<div class="base row" role="alert">${this.failure(undefined, () => void this.#loadFlow())}</div>`
          : nothing
      }
      <div part="controls" class="row">
        ${
          this.#kinds.length > 1
            ? html`<div role="group" class="row" aria-label=${this.t('catalog.filter')}>
                ${(['', ...this.#kinds] as const).map(
                  (kind) =>
                    html`<button
                      class="chip"
                      aria-pressed=${kind ? active.includes(kind) : !active.length}
                      @click=${() => this.#toggleKind(kind)}
                    >
                      ${this.t(isKnown(rewardKinds, kind) ? `catalog.kind.${kind}` : kind ? 'catalog.kind.other' : 'catalog.all')}
                    </button>`,
                )}
              </div>`
            : nothing
        }
        <label>
          ${this.t('catalog.sort')}
          <select @change=${(event: Event) => (this.sort = (event.target as HTMLSelectElement).value as RewardSort)}>
            ${sorts.map(
              (sort) =>
                html`<option value=${sort} ?selected=${sort === this.sort}>${this.t(`catalog.sort.${sort}`)}</option>`,
            )}
          </select>
        </label>
      </div>
      <p>${this.#visible.length ? '' : this.t('catalog.empty')}</p>
      <ul
        part="list"
        class="grid"
        aria-label=${this.t('catalog.label')}
        @error=${{ handleEvent: (event: Event) => this.#imageFailed(event), capture: true }}
      >
        ${repeat(
          this.#visible.slice(0, this.limit),
          (row) => row.reward.id,
          (row) => renderCard(view, row, join),
        )}
      </ul>
      ${
        more > 0
          ? html`<button class="secondary" @click=${this.#showMore}>
              ${this.t('catalog.more', { count: Math.min(more, pageSize) })}
            </button>`
          : nothing
      }
      <dialog
        part="dialog"
        class="base"
        aria-labelledby="title"
        @cancel=${(event: Event) => flow?.cancel(event)}
        @close=${() => flow?.closed()}
      >
        ${flow ? flow.render(view) : nothing}
      </dialog>
    </div>`;
  }
}
