import { catalog } from '../../core/i18n/en/catalog.js';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { rewardKinds, type RedeemResult, type Reward } from '../../core/api/schemas.js';
import { isKnown } from '../../core/api/validate.js';
import { now } from '../../core/clock.js';
import { asLoyaltyError } from '../../core/errors.js';
import { dateFormat, formatMoney, numberFormat, pluralRules } from '../../core/i18n/format.js';
import type { MessageKey } from '../../core/i18n/messages.js';
import { isFinalRefusal, redeemIntents, type RedeemIntent } from '../../core/redeem/intents.js';
import { copyShortcut, writeClipboard } from '../shared/clipboard.js';
import { announce } from '../shared/announcer.js';
import { LoyaltyElement } from '../shared/loyalty-element.js';
import { LoyaltyErrorEvent } from '../shared/loyalty-error-event.js';
import { safeUrl } from '../shared/safe-url.js';
import { retryFailed, StoreController } from '../shared/store-controller.js';
import { RewardRedeemedEvent, RewardRedeemRequestEvent } from './events.js';
import { styles } from './reward-catalog.styles.js';

export type RewardSort = 'affordable-first' | 'cost-asc' | 'cost-desc';
type Kind = Reward['kind'];

/** A reward and how redeemable it is now: 0 yes, 1 short of points, 2 tier-locked or coming soon, 3 out of stock or limit reached. */
interface Row {
  reward: Reward;
  rank: number;
}

/** The dialog: confirming, waiting for the server, showing the code, or saying what went wrong. */
interface Flow {
  reward: Reward;
  points: number;
  step: 'confirm' | 'busy' | 'done' | 'error';
  intent?: RedeemIntent;
  result?: RedeemResult;
  error?: string;
  retry?: boolean;
}

/**
 * Cards rendered at first, and added by each "Show more": a thousand rewards cost the work of a
 * few dozen cards, so a render and a filter change each fit in a frame.
 */
const pageSize = 24;
/** Placeholder cards: more than a screen holds at any width; CSS cuts them at one screen. */
const skeletonCards = 12;
const sorts: RewardSort[] = ['affordable-first', 'cost-asc', 'cost-desc'];
const refusals = ['insufficient-points', 'reward-unavailable', 'tier-locked'];
const words = (list: string) => list.split(/\s+/).filter(Boolean);

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
 * @fires reward-redeem-request - the shopper confirmed, nothing is sent yet; cancel it to veto. `detail: {reward, points?}`
 * @fires reward-redeemed - a code was issued. `detail: {redemption, reward}`; `on('reward-redeemed')` hears it too
 * @fires loyalty-error - rewards, balance or codes could not be loaded, or a redemption failed; `detail.error` is a LoyaltyError
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
    flow: { state: true },
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
  /** The rewards the filter keeps, in the chosen order; the first `limit` are rendered. */
  #visible: Row[] = [];
  /** What `#visible` and `#kinds` were worked out from. */
  #visibleFor: unknown[] = [];
  #kinds: Kind[] = [];
  #opener: HTMLButtonElement | undefined;
  /** Image URLs that failed to load: their cards show no broken picture. */
  readonly #brokenImages = new Set<string>();
  #unsettledRead = 0;
  /** Whose journal `unsettled` was read for (API and customer). */
  #unsettledFor: string | undefined;

  private flow: Flow | undefined;
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
      const kinds = words(this.kind);
      // An unknown sort attribute means the default, as the sort control shows.
      const sort = sorts.includes(this.sort) ? this.sort : 'affordable-first';
      const sign = sort === 'cost-desc' ? -1 : 1;
      // Kinds the client does not know share one "Other rewards" chip (the filter word `other`).
      this.#kinds = [...new Set(rewards.map(({ kind }) => (isKnown(rewardKinds, kind) ? kind : 'other')))];
      this.#visible = rewards
        .map((reward) => ({
          reward,
          rank: reward.available
            ? Number(balance !== undefined && balance < reward.cost)
            : reward.reason === 'tier-locked' || reward.reason === 'coming-soon'
              ? 2
              : 3,
        }))
        .filter(
          ({ reward, rank }) =>
            (!kinds.length ||
              kinds.includes(reward.kind) ||
              (kinds.includes('other') && !isKnown(rewardKinds, reward.kind))) &&
            !(this.hideUnavailable && rank > 2),
        )
        .sort((a, b) => (sort === 'affordable-first' && a.rank - b.rank) || sign * (a.reward.cost - b.reward.cost));
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
   * that ends later (another shopper's, or from before a redemption settled) is dropped.
   */
  async #loadUnsettled(): Promise<void> {
    this.#unsettledFor = this.#journalScope();
    const read = ++this.#unsettledRead;
    const pending = await redeemIntents(this.sdk).pending();
    if (read === this.#unsettledRead) this.unsettled = pending;
  }

  /** "You need 250 more points", with the program's own label. */
  #needMore(count: number): string {
    const label = this.#program.value.data?.pointsLabel;
    return this.t('catalog.needMore', {
      count,
      label:
        label?.[pluralRules(this.locale).select(count) === 'one' ? 'one' : 'other'] ??
        this.t('common.pointsFallback', { count }),
    });
  }

  /** A reward's name; one the API did not send is "Reward". */
  #name({ name }: Pick<Reward, 'name'>): string {
    return name || this.t('catalog.reward');
  }

  /** The name of a redeemed reward: from the redemption, else from the catalog. */
  #redeemedName(rewardName: string, rewardId: string): string {
    return this.#name({
      name: rewardName || (this.#rewards.value.data?.rewards.find((item) => item.id === rewardId)?.name ?? ''),
    });
  }

  /** Why a reward cannot be redeemed, in words. */
  #reason({ reason, availableFrom, minTier }: Reward): string {
    if (reason === 'tier-locked') {
      const tier = this.#program.value.data?.tiers.find((item) => item.id === minTier);
      return this.t('catalog.tierLocked', { tier: tier?.name ?? minTier ?? '' });
    }
    if (reason === 'coming-soon') {
      return this.t('catalog.comingSoon', {
        date: dateFormat(this.locale, { day: 'numeric', month: 'short' }).format(new Date(availableFrom ?? now())),
      });
    }
    // A reason the client does not know (or none at all) is just "not available".
    return this.t(
      reason === 'limit-reached'
        ? 'catalog.limitReached'
        : reason === 'out-of-stock'
          ? 'catalog.outOfStock'
          : 'catalog.unavailable',
    );
  }

  /** Points chosen for a variable reward, snapped into its range and onto its step. */
  #pointsFor(reward: Reward, wanted = this.chosen[reward.id]): number {
    const variable = reward.variable;
    if (!variable) return reward.cost;
    const { minPoints: min, maxPoints: max, step } = variable;
    const snapped = min + Math.round(((wanted ?? min) - min) / step) * step;
    return Number.isFinite(snapped) ? Math.min(max - ((max - min) % step), Math.max(min, snapped)) : min;
  }

  /**
   * What a reward is worth: "$10.00 off", "15% off", "Free shipping", "Donate $5.00 to charity",
   * "1,500 points = $15.00 off" for the points chosen for a variable one; empty when there is
   * nothing to say.
   */
  #worth({ kind, variable, value }: Reward, points: number): string {
    const rate = variable?.valuePerPoint;
    const worth = rate ? { amount: points * rate.amount, currency: rate.currency } : value;
    const amount =
      worth &&
      ('percent' in worth
        ? numberFormat(this.locale, { style: 'percent', maximumFractionDigits: 2 }).format(worth.percent / 100)
        : formatMoney(this.locale, worth));
    const key = isKnown(['discount', 'store-credit', 'donation'], kind) ? kind : 'other';
    const text = amount
      ? this.t(`catalog.value.${key}`, { amount })
      : isKnown(['free-shipping', 'partner'], kind)
        ? this.t(`catalog.value.${kind}`)
        : '';
    return rate
      ? this.t('catalog.variableValue', { points: this.points(points, this.#program.value.data), value: text })
      : text;
  }

  #choose(reward: Reward, event: Event): void {
    const input = event.target as HTMLInputElement;
    const points = this.#pointsFor(reward, Number(input.value));
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

  /** Live while typing, once the field holds an amount the reward takes ("15" on the way to "1500" changes nothing). */
  #typing(reward: Reward, event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.value && input.validity.valid) this.#choose(reward, event);
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

  // ---- redeeming ------------------------------------------------------------------------------

  /** Opens the dialog: to confirm, or (with an unsettled intent) to finish redeeming at once. */
  async #open(flow: Flow, opener: EventTarget | null): Promise<void> {
    // A redemption still running in a dialog the browser closed (see #closed) comes back first:
    // replacing it would lose its code.
    if (this.flow?.step === 'busy') return void this.#dialog?.showModal();
    this.#opener = opener as HTMLButtonElement;
    this.copied = undefined;
    this.flow = flow;
    await this.updateComplete;
    const dialog = this.#dialog;
    if (dialog && !dialog.open) dialog.showModal();
    if (flow.intent) await this.#run(flow);
  }

  #confirm(): void {
    const flow = this.flow;
    // A second click (or a key repeat) while the first is handled does nothing.
    if (flow?.step !== 'confirm') return;
    const { reward } = flow;
    const points = reward.variable ? flow.points : undefined;
    if (!this.emit(new RewardRedeemRequestEvent(points === undefined ? { reward } : { reward, points }))) {
      this.#dialog?.close();
      return;
    }
    void this.#run({ ...flow, intent: redeemIntents(this.sdk).intent(reward.id, points) });
  }

  async #run(flow: Flow): Promise<void> {
    this.flow = { ...flow, step: 'busy' };
    let next: Flow;
    try {
      const result = await redeemIntents(this.sdk).redeem(flow.intent!);
      next = { ...flow, step: 'done', result };
      this.emit(new RewardRedeemedEvent({ redemption: result.redemption, reward: flow.reward }), { global: true });
    } catch (cause) {
      const error = asLoyaltyError(cause);
      const spent = error.code === 'code-missing';
      const final = spent || isFinalRefusal(error);
      const code = error.problem?.code ?? '';
      const message = spent
        ? this.t('catalog.error.codeMissing')
        : final
          ? this.t(refusals.includes(code) ? (`catalog.error.${code}` as MessageKey) : 'catalog.error.refused')
          : `${error.code === 'network' ? `${this.t('common.offline')} ` : ''}${this.t('catalog.error.retry')}`;
      next = { ...flow, step: 'error', retry: !final, error: message };
      this.emit(new LoyaltyErrorEvent(error));
    }
    if (this.flow?.intent === flow.intent) {
      this.flow = next;
      await this.updateComplete;
      // Closed while the call ran (see #closed): the outcome opens it again, the code above all.
      const dialog = this.#dialog;
      if (dialog?.isConnected && !dialog.open) dialog.showModal();
      // Focus follows the dialog's content: the code once issued, a button after a failure.
      dialog?.querySelector<HTMLElement>('[data-focus]')?.focus();
    }
    await this.#loadUnsettled();
  }

  async #dismiss(intent: RedeemIntent): Promise<void> {
    await redeemIntents(this.sdk).discard(intent);
    await this.#loadUnsettled();
  }

  #closed(): void {
    const flow = this.flow;
    // Escape is refused while redeeming, but a browser lets a second press close the dialog (a
    // close watcher gives way without user activation in between): the redemption goes on.
    if (flow?.step !== 'busy') this.flow = undefined;
    // Back to the button that opened the dialog, or to its card when that button is gone or disabled.
    const opener = this.#opener;
    if (opener?.isConnected && !opener.disabled) opener.focus();
    else if (flow) this.#focusCard(flow.reward.id);
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

  // ---- rendering ------------------------------------------------------------------------------

  /** "Use by 1 Dec 2025", "Expired", or nothing when a code does not expire. */
  #expiry(expiresAt: string | undefined): string {
    const expiry = Date.parse(expiresAt ?? '');
    return expiry < now()
      ? this.t('catalog.expired')
      : expiry
        ? this.t('catalog.expires', { date: dateFormat(this.locale, { dateStyle: 'medium' }).format(expiry) })
        : '';
  }

  #renderCode(code: string, label: string, focus = false): TemplateResult {
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
      <button part="copy-button" class="secondary" @click=${(event: Event) => this.#copy(code, event)}>
        ${this.t('common.copy')}
      </button>
      <span class="small">${this.copied?.code === code ? this.copied.text : ''}</span>
    </div>`;
  }

  #renderCard({ reward, rank }: Row, join: string | undefined): TemplateResult {
    const { variable } = reward;
    const name = this.#name(reward);
    const program = this.#program.value.data;
    const balance = this.#balance();
    const points = this.#pointsFor(reward);
    const short = balance !== undefined && rank < 2 && points > balance;
    const value = this.#worth(reward, points);
    // Decorative (alt=""): the heading beside it names the reward, read once.
    const image = safeUrl(reward.imageUrl);
    return html`<li part="reward" class="base card" data-id=${reward.id} ?data-off=${rank > 2}>
      <img src=${image ?? nothing} ?hidden=${!image || this.#brokenImages.has(image)} alt="" loading="lazy" />
      <h3>${name}</h3>
      <p class="value">${value}</p>
      <p class="small">${reward.description}</p>
      <p class="small">
        ${
          variable
            ? `${numberFormat(this.locale).format(variable.minPoints)}–${this.points(variable.maxPoints, program)}`
            : this.points(reward.cost, program)
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
                aria-label=${this.t('catalog.variable')}
                aria-valuetext=${value}
                @input=${(event: Event) => this.#choose(reward, event)}
              />
              <input
                type="number"
                min=${variable.minPoints}
                max=${variable.maxPoints}
                step=${variable.step}
                .value=${String(points)}
                aria-label=${this.t('catalog.variable')}
                @input=${(event: Event) => this.#typing(reward, event)}
                @change=${(event: Event) => this.#choose(reward, event)}
              />
            </div>`
          : nothing
      }
      <p class="small note">${rank > 1 ? this.#reason(reward) : short ? this.#needMore(points - balance) : ''}</p>
      ${short ? html`<progress max=${points} .value=${balance} aria-hidden="true"></progress>` : nothing}
      ${
        balance !== undefined
          ? html`<button
              part="redeem-button"
              aria-label=${this.t('catalog.redeemReward', { reward: name })}
              ?disabled=${rank > 1 || short}
              @click=${(event: Event) => this.#open({ reward, points, step: 'confirm' }, event.currentTarget)}
            >
              ${this.t('catalog.redeem')}
            </button>`
          : join
            ? html`<a class="button" href=${join}>${this.t('catalog.joinToRedeem')}</a>`
            : nothing
      }
    </li>`;
  }

  #renderFlow({ reward, step, points, result, error, retry }: Flow): TemplateResult {
    const program = this.#program.value.data;
    const busy = step === 'busy';
    const failed = step === 'error';
    const done = step === 'done' && result?.redemption;
    // The code takes focus once issued (it comes first); after a failure, Try again or Close.
    return html`${
        done
          ? html`<h2 id="title">${this.t('catalog.done')}</h2>
              <p>${this.#name(reward)}</p>
              ${this.#renderCode(done.code, this.t('catalog.code'), true)}
              <p>${this.#expiry(done.expiresAt)}</p>
              <p>${reward.instructions}</p>`
          : html`<h2 id="title">
                ${this.t('catalog.confirm', { reward: this.#name(reward), points: this.points(points, program) })}
              </h2>
              <p>${this.#worth(reward, points)}</p>
              ${
                failed
                  ? html`<p role="alert">${error}</p>`
                  : html`<p>
                      ${this.t('catalog.balanceAfter', {
                        points: this.points(Math.max(0, (this.#balance() ?? 0) - points), program),
                      })}
                    </p>`
              }`
      }
      <div class="row" aria-busy=${busy}>
        <button class="secondary" ?data-focus=${!retry} ?disabled=${busy} @click=${() => this.#dialog?.close()}>
          ${this.t(done || failed ? 'common.close' : 'catalog.cancel')}
        </button>
        ${
          done || (failed && !retry)
            ? nothing
            : html`<button
                aria-disabled=${busy}
                ?data-focus=${retry}
                @click=${() => (failed ? void this.#run(this.flow!) : this.#confirm())}
              >
                ${this.t(busy ? 'catalog.redeeming' : failed ? 'common.retry' : 'catalog.redeem')}
              </button>`
        }
      </div>`;
  }

  #renderMine(): TemplateResult {
    const { data, status } = this.#redemptions.value;
    const list = data?.redemptions ?? [];
    return html`<details part="my-rewards">
      <summary>${this.t('catalog.mine')}${list.length ? ` (${list.length})` : ''}</summary>
      <p>
        ${
          list.length
            ? ''
            : this.t(status === 'error' ? 'catalog.mineError' : data ? 'catalog.mineEmpty' : 'common.loading')
        }
      </p>
      <ul class="grid">
        ${list.map(({ rewardName, rewardId, code, used, expiresAt }) => {
          const name = this.#redeemedName(rewardName, rewardId);
          return html`<li class="base card">
            <h3>${name}</h3>
            ${this.#renderCode(code, this.t('catalog.codeFor', { reward: name }))}
            <p class="small">${used ? this.t('catalog.used') : this.#expiry(expiresAt)}</p>
          </li>`;
        })}
      </ul>
    </details>`;
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
    // Each card of a guest's catalog links to joining (the header also offers signing in).
    const join = me.guest ? (safeUrl(this.joinUrl) ?? safeUrl(program.data?.joinUrl)) : undefined;
    const active = words(this.kind);
    const running = [redeemIntents(this.sdk).running?.key, this.flow?.intent?.key];
    // Offered unless it is the one running or shown in the dialog, and only for a reward still listed.
    const unfinished = this.unsettled
      .map((intent): Flow | undefined => {
        const reward = rewards.data!.rewards.find((item) => item.id === intent.rewardId);
        return reward && !running.includes(intent.key)
          ? { reward, points: intent.points ?? reward.cost, intent, step: 'busy' }
          : undefined;
      })
      .find(Boolean);
    const more = this.#visible.length - this.limit;
    return html`<div part="base" class="root">
      ${
        me.guest
          ? html`<div class="base row">
              <p>
                ${this.t(program.data ? 'catalog.guest' : 'catalog.guestGeneric', { program: program.data?.name ?? '' })}
              </p>
              ${this.joinActions(this.joinUrl, program.data)}
            </div>`
          : this.#renderMine()
      }
      ${
        unfinished
          ? html`<div class="base row" role="status">
              <p>${this.t('catalog.unfinished', { reward: this.#name(unfinished.reward) })}</p>
              <button @click=${(event: Event) => this.#open(unfinished, event.currentTarget)}>
                ${this.t('catalog.finish')}
              </button>
              <button class="secondary" @click=${() => this.#dismiss(unfinished.intent!)}>
                ${this.t('catalog.dismiss')}
              </button>
            </div>`
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
          (row) => this.#renderCard(row, join),
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
        @cancel=${(event: Event) => this.flow?.step === 'busy' && event.preventDefault()}
        @close=${this.#closed}
      >
        ${this.flow ? this.#renderFlow(this.flow) : nothing}
      </dialog>
    </div>`;
  }
}
