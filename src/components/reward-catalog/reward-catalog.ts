import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Me, Money, RedeemResult, Reward } from '../../core/api/schemas.js';
import { now } from '../../core/clock.js';
import { LoyaltyError, isLoyaltyError } from '../../core/errors.js';
import { dateFormat, formatMoney, numberFormat, pluralRules } from '../../core/i18n/format.js';
import type { MessageKey } from '../../core/i18n/messages.js';
import { translator, type Translate } from '../../core/i18n/translate.js';
import { isFinalRefusal, redeemIntents, type RedeemIntent } from '../../core/redeem/intents.js';
import { announce } from '../shared/announcer.js';
import { LoyaltyElement } from '../shared/loyalty-element.js';
import { LoyaltyErrorEvent } from '../shared/loyalty-error-event.js';
import { safeUrl } from '../shared/safe-url.js';
import { StoreController } from '../shared/store-controller.js';
import { RewardRedeemedEvent, RewardRedeemRequestEvent } from './events.js';
import { styles } from './reward-catalog.styles.js';

export type RewardSort = 'affordable-first' | 'cost-asc' | 'cost-desc';
type Kind = Reward['kind'];

/** A reward with the words its card shows, worked out once per data change, not per render. */
interface Row {
  reward: Reward;
  /** 0 redeemable now, 1 needs more points, 2 tier-locked or coming soon, 3 out of stock or limit reached. */
  rank: number;
  cost: string;
  value: string;
  note: string;
  label: string;
  image: string | undefined;
}

/** The open dialog: confirming, waiting for the server, showing the code, or saying what went wrong. */
interface Flow {
  reward: Reward;
  points: number;
  step: 'confirm' | 'busy' | 'done' | 'error';
  intent?: RedeemIntent;
  result?: RedeemResult;
  error?: string;
  retry?: boolean;
}

interface Words {
  join: string | undefined;
  joinToRedeem: string;
  redeem: string;
  variable: string;
}

const sorts: RewardSort[] = ['affordable-first', 'cost-asc', 'cost-desc'];
const same = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * The rewards a shopper can spend points on, and the codes they already have. Redeeming asks for
 * confirmation in a modal dialog, then shows the code with a Copy button.
 *
 * Each confirmed redemption gets one Idempotency-Key, stored in IndexedDB until the server has
 * answered for good, and reused for every retry. A redemption left unfinished (a timeout, a
 * network failure, a reload mid-call) is offered again at the top of the catalog ("Finish
 * redeeming" retries with the same key, so the points are spent at most once; "Dismiss" forgets
 * it). It is never resumed without the shopper asking.
 *
 * @fires reward-redeem-request - the shopper confirmed; cancel it to veto. `detail: {reward, points?}`
 * @fires reward-redeemed - a code was issued. `detail: {redemption, reward}`; also heard by `on('reward-redeemed')`
 * @fires loyalty-error - rewards, balance or codes could not be loaded, or a redemption failed; `detail.error` is a LoyaltyError
 * @csspart base - the outer box
 * @csspart controls - the kind filter and sort
 * @csspart list - the grid (a list in narrow containers)
 * @csspart reward - one reward card
 * @csspart redeem-button - a card's Redeem button
 * @csspart dialog - the confirmation and result dialog
 * @csspart code - a redemption code
 * @csspart copy-button - the Copy button beside a code
 * @csspart my-rewards - the codes already issued
 * @cssprop --loyalty-catalog-min-card - narrowest grid column (default 15rem)
 */
export class RewardCatalog extends LoyaltyElement {
  static override styles = styles;

  /** Kinds to show, space-separated (`"discount free-shipping"`); empty shows all. */
  @property() kind = '';
  /** `affordable-first` (redeemable now, then closest to affordable), `cost-asc` or `cost-desc`. */
  @property() sort: RewardSort = 'affordable-first';
  /** Hides rewards that are out of stock or already redeemed up to their limit (they show disabled otherwise). */
  @property({ type: Boolean, attribute: 'hide-unavailable' }) hideUnavailable = false;
  /** Overrides the program's join link for guests. */
  @property({ attribute: 'join-url' }) joinUrl = '';

  @state() private flow: Flow | undefined;
  @state() private chosen: Record<string, number> = {};
  @state() private unsettled: RedeemIntent[] = [];
  @state() private copied: { code: string; text: string } | undefined;
  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly rewards = new StoreController(this, 'rewards', (next) => this.failed(next.error));
  private readonly me = new StoreController(this, 'me', (next, previous) => {
    this.failed(next.error);
    if (next.data?.customer.id !== previous.data?.customer.id) void this.loadUnsettled();
  });
  private readonly program = new StoreController(this, 'program');
  private readonly redemptions = new StoreController(this, 'redemptions', (next) => this.failed(next.error));
  private rows: Row[] = [];
  private visible: Row[] = [];
  private kinds: Kind[] = [];
  private byId = new Map<string, Row>();
  private rowsFor: unknown[] = [];
  private visibleFor: unknown[] = [];
  private opener: HTMLElement | undefined;
  private focusedStep: Flow['step'] | undefined;

  protected override willUpdate(): void {
    const locale = this.locale;
    const rowsFor = [this.rewards.value.data, this.me.value.data, this.program.value.data, locale, this.sdk.options];
    if (!same(rowsFor, this.rowsFor)) {
      this.rowsFor = rowsFor;
      const t = translator(locale, this.sdk.options?.messages);
      this.rows = (this.rewards.value.data?.rewards ?? []).map((reward) => this.row(reward, t));
      this.byId = new Map(this.rows.map((row) => [row.reward.id, row]));
      this.kinds = [...new Set(this.rows.map((row) => row.reward.kind))];
    }
    const kinds = this.kind.split(/\s+/).filter(Boolean);
    const visibleFor = [this.rows, this.kind, this.sort, this.hideUnavailable];
    if (!same(visibleFor, this.visibleFor)) {
      this.visibleFor = visibleFor;
      const order: (a: Row, b: Row) => number =
        this.sort === 'cost-asc'
          ? (a, b) => a.reward.cost - b.reward.cost
          : this.sort === 'cost-desc'
            ? (a, b) => b.reward.cost - a.reward.cost
            : (a, b) => a.rank - b.rank || a.reward.cost - b.reward.cost;
      this.visible = this.rows
        .filter((row) => (!kinds.length || kinds.includes(row.reward.kind)) && !(this.hideUnavailable && row.rank > 2))
        .sort(order);
    }
  }

  protected override updated(): void {
    // Focus follows the dialog's content: the code once issued, the first button after a failure.
    const step = this.flow?.step;
    if (step !== this.focusedStep) {
      this.focusedStep = step;
      if (step === 'done' || step === 'error') this.dialog.querySelector<HTMLElement>('[data-focus]')?.focus();
    }
  }

  private failed(error: LoyaltyError | undefined): void {
    if (error && error !== this.lastError) this.emit(new LoyaltyErrorEvent((this.lastError = error)));
  }
  private lastError: LoyaltyError | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadUnsettled();
  }

  private async loadUnsettled(): Promise<void> {
    this.unsettled = await redeemIntents(this.sdk).pending();
  }

  private balance(): number | undefined {
    return this.me.value.data?.points.balance;
  }

  private row(reward: Reward, t: Translate): Row {
    const program = this.program.value.data;
    const balance = this.balance();
    const { kind, cost, variable, reason } = reward;
    let rank = 0;
    let note = '';
    if (!reward.available) {
      rank = reason === 'tier-locked' || reason === 'coming-soon' ? 2 : 3;
      note =
        reason === 'tier-locked'
          ? t('catalog.tierLocked', {
              tier: program?.tiers.find((tier) => tier.id === reward.minTier)?.name ?? reward.minTier ?? '',
            })
          : reason === 'coming-soon'
            ? t('catalog.comingSoon', {
                date: reward.availableFrom
                  ? dateFormat(this.locale, { day: 'numeric', month: 'short' }).format(Date.parse(reward.availableFrom))
                  : '',
              })
            : t(reason === 'limit-reached' ? 'catalog.limitReached' : 'catalog.outOfStock');
    } else if (balance !== undefined && balance < cost) {
      rank = 1;
      note = this.needMore(cost - balance, t);
    }
    return {
      reward,
      rank,
      note,
      cost: variable
        ? `${numberFormat(this.locale).format(variable.minPoints)}–${this.points(variable.maxPoints, program)}`
        : this.points(cost, program),
      value: variable ? '' : this.value(kind, reward.value, t),
      label: t('catalog.redeemReward', { reward: reward.name }),
      image: safeUrl(reward.imageUrl),
    };
  }

  /** "$10.00 off", "15% off", "Free shipping", "Donate $5.00 to charity"; empty when there is nothing to say. */
  private value(kind: Kind, value: Money | { percent: number } | undefined, t: Translate): string {
    if (!value) return kind === 'free-shipping' || kind === 'partner' ? t(`catalog.value.${kind}`) : '';
    const amount =
      'percent' in value
        ? numberFormat(this.locale, { style: 'percent', maximumFractionDigits: 2 }).format(value.percent / 100)
        : formatMoney(this.locale, value);
    const key = kind === 'discount' || kind === 'store-credit' || kind === 'donation' ? kind : 'other';
    return t(`catalog.value.${key}`, { amount });
  }

  private needMore(count: number, t: Translate): string {
    const program = this.program.value.data;
    const one = pluralRules(this.locale).select(count) === 'one';
    const label = program ? program.pointsLabel[one ? 'one' : 'other'] : t('balance.pointsFallback', { count });
    return t('catalog.needMore', { count, label });
  }

  /** Points chosen for a variable reward, snapped into its range and onto its step. */
  private pointsFor(reward: Reward, wanted = this.chosen[reward.id]): number {
    const variable = reward.variable;
    if (!variable) return reward.cost;
    const { minPoints: min, maxPoints: max, step } = variable;
    const snapped = min + Math.round(((wanted ?? min) - min) / step) * step;
    return Number.isFinite(snapped) ? Math.min(max - ((max - min) % step), Math.max(min, snapped)) : min;
  }

  private variableValue(reward: Reward, points: number): string {
    const { valuePerPoint } = reward.variable!;
    const value = this.value(
      reward.kind,
      { ...valuePerPoint, amount: points * valuePerPoint.amount },
      this.t.bind(this),
    );
    return this.t('catalog.variableValue', { points: this.points(points, this.program.value.data), value });
  }

  private choose(reward: Reward, event: Event): void {
    this.chosen = {
      ...this.chosen,
      [reward.id]: this.pointsFor(reward, Number((event.target as HTMLInputElement).value)),
    };
  }

  private toggleKind(kind: Kind | ''): void {
    const kinds = new Set(this.kind.split(/\s+/).filter(Boolean));
    if (!kind) kinds.clear();
    else if (!kinds.delete(kind)) kinds.add(kind);
    this.kind = [...kinds].join(' ');
  }

  private retry(): void {
    for (const resource of [this.rewards, this.me, this.program]) {
      if (resource.value.status === 'error') void resource.refresh();
    }
  }

  // ---- redeeming ------------------------------------------------------------------------------

  private async open(flow: Flow, opener: EventTarget | null): Promise<void> {
    this.opener = opener as HTMLElement;
    this.copied = undefined;
    this.flow = flow;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  private confirm(): void {
    const flow = this.flow;
    // A second click (or a key repeat) on Redeem while the first is handled does nothing.
    if (flow?.step !== 'confirm') return;
    const { reward, points } = flow;
    const detail = reward.variable ? { reward, points } : { reward };
    if (!this.emit(new RewardRedeemRequestEvent(detail))) {
      this.dialog.close();
      return;
    }
    void this.run({ ...flow, intent: redeemIntents(this.sdk).intent(reward.id, detail.points) });
  }

  private async resume(intent: RedeemIntent, opener: EventTarget | null): Promise<void> {
    const flow: Flow = {
      reward: this.byId.get(intent.rewardId)!.reward,
      points: intent.points ?? 0,
      intent,
      step: 'busy',
    };
    await this.open(flow, opener);
    await this.run(flow);
  }

  private async run(flow: Flow): Promise<void> {
    this.flow = { ...flow, step: 'busy' };
    let next: Flow;
    try {
      const result = await redeemIntents(this.sdk).redeem(flow.intent!);
      next = { ...flow, step: 'done', result };
      this.emit(new RewardRedeemedEvent({ redemption: result.redemption, reward: flow.reward }), { global: true });
    } catch (cause) {
      const error = isLoyaltyError(cause) ? cause : new LoyaltyError('network', String(cause), { cause });
      const final = isFinalRefusal(error);
      const code = error.problem?.code ?? '';
      next = {
        ...flow,
        step: 'error',
        retry: !final,
        error: final
          ? this.t(
              ['insufficient-points', 'reward-unavailable', 'tier-locked'].includes(code)
                ? (`catalog.error.${code}` as MessageKey)
                : 'catalog.error.refused',
            )
          : `${error.code === 'network' ? `${this.t('common.offline')} ` : ''}${this.t('catalog.error.retry')}`,
      };
      this.emit(new LoyaltyErrorEvent(error));
    }
    if (this.flow?.intent === flow.intent) this.flow = next;
    await this.loadUnsettled();
  }

  private async dismiss(intent: RedeemIntent): Promise<void> {
    await redeemIntents(this.sdk).discard(intent);
    await this.loadUnsettled();
  }

  private closed(): void {
    const flow = this.flow;
    this.flow = undefined;
    // Back to the button that opened the dialog, or to its card when that button is gone or disabled.
    const opener = this.opener as HTMLButtonElement | undefined;
    if (opener?.isConnected && !opener.disabled) {
      opener.focus();
    } else if (flow) {
      const heading = this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(flow.reward.id)}"] h3`);
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
    }
  }

  private async copy(code: string, event: Event): Promise<void> {
    const input = (event.currentTarget as HTMLElement).previousElementSibling as HTMLInputElement;
    let text = this.t('common.copied');
    try {
      await navigator.clipboard.writeText(code);
    } catch {
      // Refused (no permission, no focus, insecure page): select it so one shortcut copies it.
      input.focus();
      input.select();
      text = this.t('common.copyManually', { shortcut: /Mac|iP/.test(navigator.platform) ? '⌘+C' : 'Ctrl+C' });
    }
    this.copied = { code, text };
    announce(text);
  }

  // ---- rendering ------------------------------------------------------------------------------

  private renderCode(code: string, label: string, focus = false): TemplateResult {
    return html`<div class="code-row">
      <input
        part="code"
        class="code"
        readonly
        .value=${code}
        aria-label=${label}
        ?data-focus=${focus}
        @focus=${(event: Event) => (event.target as HTMLInputElement).select()}
      />
      <button part="copy-button" class="secondary" @click=${(event: Event) => this.copy(code, event)}>
        ${this.t('common.copy')}
      </button>
      <span class="small">${this.copied?.code === code ? this.copied.text : ''}</span>
    </div>`;
  }

  private renderCard(row: Row, me: Me | undefined, words: Words): TemplateResult {
    const { reward, rank } = row;
    const variable = reward.variable;
    const balance = me?.points.balance ?? 0;
    const points = this.pointsFor(reward);
    let { note, value } = row;
    let short = rank === 1;
    if (variable) {
      value = this.variableValue(reward, points);
      if (!rank && me && points > balance) {
        short = true;
        note = this.needMore(points - balance, this.t.bind(this));
      }
    }
    return html`<li part="reward" class="card" data-id=${reward.id} ?data-off=${rank > 2}>
      ${
        row.image
          ? html`<img
              src=${row.image}
              alt=${reward.name}
              loading="lazy"
              @error=${(event: Event) => ((event.target as HTMLElement).hidden = true)}
            />`
          : nothing
      }
      <h3>${reward.name}</h3>
      ${value ? html`<p class="value">${value}</p>` : nothing}
      <p class="small">${reward.description}</p>
      <p class="cost">${row.cost}</p>
      ${
        variable && me && !rank
          ? html`<div class="variable">
              <input
                type="range"
                min=${variable.minPoints}
                max=${variable.maxPoints}
                step=${variable.step}
                .value=${live(String(points))}
                aria-label=${words.variable}
                aria-valuetext=${value}
                @input=${(event: Event) => this.choose(reward, event)}
              />
              <input
                type="number"
                min=${variable.minPoints}
                max=${variable.maxPoints}
                step=${variable.step}
                .value=${live(String(points))}
                aria-label=${words.variable}
                @change=${(event: Event) => this.choose(reward, event)}
              />
            </div>`
          : nothing
      }
      ${note ? html`<p class="note">${note}</p>` : nothing}
      ${short ? html`<progress max=${points} .value=${balance} aria-hidden="true"></progress>` : nothing}
      ${
        me
          ? html`<button
              part="redeem-button"
              aria-label=${row.label}
              ?disabled=${rank > 0 || short}
              @click=${(event: Event) => this.open({ reward, points, step: 'confirm' }, event.currentTarget)}
            >
              ${words.redeem}
            </button>`
          : words.join
            ? html`<a class="button" href=${words.join}>${words.joinToRedeem}</a>`
            : nothing
      }
    </li>`;
  }

  private renderFlow(flow: Flow): TemplateResult {
    const { reward, step } = flow;
    const program = this.program.value.data;
    if (step === 'done') {
      const { redemption } = flow.result!;
      return html`<h2 id="title">${this.t('catalog.done')}</h2>
        <p>${reward.name}</p>
        ${this.renderCode(redemption.code, this.t('catalog.code'), true)}
        ${
          redemption.expiresAt
            ? html`<p>
                ${this.t('catalog.expires', {
                  date: dateFormat(this.locale, { dateStyle: 'medium' }).format(Date.parse(redemption.expiresAt)),
                })}
              </p>`
            : nothing
        }
        ${reward.instructions ? html`<p>${reward.instructions}</p>` : nothing}
        <div class="actions">
          <button class="secondary" @click=${() => this.dialog.close()}>${this.t('common.close')}</button>
        </div>`;
    }
    const points = this.points(flow.points, program);
    const balance = this.balance() ?? 0;
    const busy = step === 'busy';
    return html`<h2 id="title">${this.t('catalog.confirm', { reward: reward.name, points })}</h2>
      <p>${reward.variable ? this.variableValue(reward, flow.points) : this.byId.get(reward.id)?.value}</p>
      ${
        step === 'error'
          ? html`<p role="alert">${flow.error}</p>`
          : html`<p>
              ${this.t('catalog.balanceAfter', { points: this.points(Math.max(0, balance - flow.points), program) })}
            </p>`
      }
      <div class="actions" aria-busy=${busy}>
        <button class="secondary" ?data-focus=${!flow.retry} ?disabled=${busy} @click=${() => this.dialog.close()}>
          ${this.t(step === 'error' ? 'common.close' : 'catalog.cancel')}
        </button>
        ${
          step === 'error' && !flow.retry
            ? nothing
            : html`<button
                aria-disabled=${busy}
                ?data-focus=${flow.retry}
                @click=${() => (step === 'error' ? void this.run(flow) : this.confirm())}
              >
                ${this.t(busy ? 'catalog.redeeming' : step === 'error' ? 'common.retry' : 'catalog.redeem')}
              </button>`
        }
      </div>`;
  }

  private renderMine(): TemplateResult {
    const { data, status } = this.redemptions.value;
    const list = data?.redemptions ?? [];
    const date = dateFormat(this.locale, { dateStyle: 'medium' });
    return html`<details part="my-rewards" class="mine">
      <summary>${this.t('catalog.mine')}${list.length ? ` (${list.length})` : ''}</summary>
      ${
        list.length
          ? html`<ul>
              ${list.map(
                (item) =>
                  html`<li>
                    <strong>${item.rewardName}</strong>
                    ${this.renderCode(item.code, this.t('catalog.codeFor', { reward: item.rewardName }))}
                    <span class="small">
                      ${
                        item.used
                          ? this.t('catalog.used')
                          : item.expiresAt
                            ? Date.parse(item.expiresAt) < now()
                              ? this.t('catalog.expired')
                              : this.t('catalog.expires', { date: date.format(Date.parse(item.expiresAt)) })
                            : ''
                      }
                    </span>
                  </li>`,
              )}
            </ul>`
          : html`<p>
              ${
                status === 'error'
                  ? this.t('catalog.mineError')
                  : data
                    ? this.t('catalog.mineEmpty')
                    : this.t('common.loading')
              }
            </p>`
      }
    </details>`;
  }

  override render(): TemplateResult {
    const rewards = this.rewards.value;
    const me = this.me.value;
    const program = this.program.value;
    const error = (!rewards.data && rewards.error) || (!me.data && !me.guest && me.error);
    if (error) {
      return html`<div part="base" class="base" role="alert">
        <p>${this.t(error.code === 'network' ? 'common.offline' : 'common.error')}</p>
        <button class="secondary" @click=${this.retry}>${this.t('common.retry')}</button>
      </div>`;
    }
    if (!rewards.data || (!me.data && !me.guest) || (program.status === 'loading' && !program.data)) {
      return html`<div part="base" class="base" aria-busy="true">
        <span class="visually-hidden">${this.t('common.loading')}</span>
        <ul class="grid">
          ${[1, 2, 3].map(() => html`<li class="card"><span class="skeleton"></span><span class="skeleton wide"></span></li>`)}
        </ul>
      </div>`;
    }
    const join = me.guest ? safeUrl(this.joinUrl || program.data?.joinUrl) : undefined;
    const signIn = me.guest ? safeUrl(program.data?.signInUrl) : undefined;
    const active = this.kind.split(/\s+/).filter(Boolean);
    const running = redeemIntents(this.sdk).running;
    const unfinished = this.unsettled.find(
      (intent) =>
        this.byId.has(intent.rewardId) && intent.key !== running?.key && intent.key !== this.flow?.intent?.key,
    );
    // Looked up once per render rather than once per card.
    const words: Words = {
      join,
      joinToRedeem: this.t('catalog.joinToRedeem'),
      redeem: this.t('catalog.redeem'),
      variable: this.t('catalog.variable'),
    };
    return html`<div part="base" class="base">
      ${
        me.guest
          ? html`<div class="banner">
              <p>
                ${
                  program.data
                    ? this.t('catalog.guest', { program: program.data.name })
                    : this.t('catalog.guestGeneric')
                }
              </p>
              ${join ? html`<a class="button" href=${join}>${this.t('common.join')}</a>` : nothing}
              ${signIn ? html`<a href=${signIn}>${this.t('common.signIn')}</a>` : nothing}
            </div>`
          : this.renderMine()
      }
      ${
        unfinished
          ? html`<div class="banner" role="status">
              <p>${this.t('catalog.unfinished', { reward: this.byId.get(unfinished.rewardId)!.reward.name })}</p>
              <button @click=${(event: Event) => this.resume(unfinished, event.currentTarget)}>
                ${this.t('catalog.finish')}
              </button>
              <button class="secondary" @click=${() => this.dismiss(unfinished)}>${this.t('catalog.dismiss')}</button>
            </div>`
          : nothing
      }
      <div part="controls" class="controls">
        ${
          this.kinds.length > 1
            ? html`<div role="group" class="chips" aria-label=${this.t('catalog.filter')}>
                ${(['', ...this.kinds] as const).map(
                  (kind) =>
                    html`<button
                      class="chip"
                      aria-pressed=${kind ? active.includes(kind) : !active.length}
                      @click=${() => this.toggleKind(kind)}
                    >
                      ${this.t(kind ? (`catalog.kind.${kind}` as MessageKey) : 'catalog.all')}
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
      ${
        this.visible.length
          ? html`<ul part="list" class="grid" aria-label=${this.t('catalog.label')}>
              ${repeat(
                this.visible,
                (row) => row.reward.id,
                (row) => this.renderCard(row, me.data, words),
              )}
            </ul>`
          : html`<p>${this.t('catalog.empty')}</p>`
      }
      <dialog
        part="dialog"
        aria-labelledby="title"
        @cancel=${(event: Event) => this.flow?.step === 'busy' && event.preventDefault()}
        @close=${this.closed}
      >
        ${this.flow ? this.renderFlow(this.flow) : nothing}
      </dialog>
    </div>`;
  }
}
