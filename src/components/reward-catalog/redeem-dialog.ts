// The redemption flow: confirm in a modal dialog, redeem with the journal's Idempotency-Key, then
// show the code or what went wrong. It loads with its strings on the first Redeem, or when an
// unfinished redemption is found, so a catalog page that only browses never downloads it.
import { html, nothing, type TemplateResult } from 'lit';
import type { RedeemResult } from '../../core/api/schemas.js';
import { asLoyaltyError } from '../../core/errors.js';
import { redeem } from '../../core/i18n/en/redeem.js';
import type { MessageKey } from '../../core/i18n/messages.js';
import type { Vars } from '../../core/i18n/translate.js';
import { isFinalRefusal, redeemIntents, type RedeemIntent } from '../../core/redeem/intents.js';
import type { Sdk } from '../../core/sdk.js';
import { LoyaltyErrorEvent } from '../shared/loyalty-error-event.js';
import { RewardRedeemedEvent, RewardRedeemRequestEvent } from './events.js';
import { expiry, renderCode } from './my-rewards.js';
import { rewardName, worth } from './reward-card.js';
import type { CatalogView, Opening } from './view.js';

/** The dialog's English strings, added to the catalog's when the flow loads. */
export const messages = redeem;

/** The dialog: confirming, waiting for the server, showing the code, or saying what went wrong. */
interface Flow extends Omit<Opening, 'step'> {
  step: 'confirm' | 'busy' | 'done' | 'error';
  intent?: RedeemIntent;
  result?: RedeemResult;
  error?: string;
  retry?: boolean;
}

/** What the flow needs from its catalog. */
export interface FlowHost {
  readonly sdk: Sdk;
  /** Only in the catalog view: an identity change mid-redemption can take it away. */
  dialog(): HTMLDialogElement | null;
  requestUpdate(): void;
  /** Resolves once the catalog has rendered what changed. */
  updated(): Promise<unknown>;
  t(key: MessageKey, vars?: Vars): string;
  emit(event: Event & { detail: unknown }, options?: { global?: boolean }): boolean;
  focusCard(id: string): void;
  /** Reads the journal again once a redemption settled (or was dismissed). */
  settled(): Promise<void>;
}

const refusals = ['insufficient-points', 'reward-unavailable', 'tier-locked'];

export class RedeemFlow {
  #flow: Flow | undefined;
  #opener: HTMLButtonElement | undefined;

  constructor(private readonly host: FlowHost) {}

  /** Keys of the redemption running now and of the one in the dialog: not offered as unfinished. */
  get keys(): (string | undefined)[] {
    return [redeemIntents(this.host.sdk).running?.key, this.#flow?.intent?.key];
  }

  #set(flow: Flow | undefined): void {
    this.#flow = flow;
    this.host.requestUpdate();
  }

  /** Opens the dialog: to confirm, or (with an unsettled intent) to finish redeeming at once. */
  async open(flow: Opening, opener: EventTarget | null): Promise<void> {
    // A redemption still running in a dialog the browser closed (see closed()) comes back first:
    // replacing it would lose its code.
    if (this.#flow?.step === 'busy') return void this.host.dialog()?.showModal();
    this.#opener = opener as HTMLButtonElement;
    this.#set(flow);
    await this.host.updated();
    const dialog = this.host.dialog();
    if (dialog && !dialog.open) dialog.showModal();
    if (flow.intent) await this.#run(flow);
  }

  #confirm(): void {
    const flow = this.#flow;
    // A second click (or a key repeat) while the first is handled does nothing.
    if (flow?.step !== 'confirm') return;
    const { reward } = flow;
    const points = reward.variable ? flow.points : undefined;
    if (!this.host.emit(new RewardRedeemRequestEvent(points === undefined ? { reward } : { reward, points }))) {
      this.host.dialog()?.close();
      return;
    }
    void this.#run({ ...flow, intent: redeemIntents(this.host.sdk).intent(reward.id, points) });
  }

  async #run(flow: Flow): Promise<void> {
    const { host } = this;
    this.#set({ ...flow, step: 'busy' });
    let next: Flow;
    try {
      const result = await redeemIntents(host.sdk).redeem(flow.intent!);
      next = { ...flow, step: 'done', result };
      host.emit(new RewardRedeemedEvent({ redemption: result.redemption, reward: flow.reward }), { global: true });
    } catch (cause) {
      const error = asLoyaltyError(cause);
      const spent = error.code === 'code-missing';
      const final = spent || isFinalRefusal(error);
      const code = error.problem?.code ?? '';
      const message = spent
        ? host.t('catalog.error.codeMissing')
        : final
          ? host.t(refusals.includes(code) ? (`catalog.error.${code}` as MessageKey) : 'catalog.error.refused')
          : `${error.code === 'network' ? `${host.t('common.offline')} ` : ''}${host.t('catalog.error.retry')}`;
      next = { ...flow, step: 'error', retry: !final, error: message };
      host.emit(new LoyaltyErrorEvent(error));
    }
    if (this.#flow?.intent === flow.intent) {
      this.#set(next);
      await host.updated();
      // Closed while the call ran (see closed()): the outcome opens it again, the code above all.
      const dialog = host.dialog();
      if (dialog?.isConnected && !dialog.open) dialog.showModal();
      // Focus follows the dialog's content: the code once issued, a button after a failure.
      dialog?.querySelector<HTMLElement>('[data-focus]')?.focus();
    }
    await host.settled();
  }

  /** Escape is refused while redeeming. */
  cancel(event: Event): void {
    if (this.#flow?.step === 'busy') event.preventDefault();
  }

  closed(): void {
    const flow = this.#flow;
    // Escape is refused while redeeming, but a browser lets a second press close the dialog (a
    // close watcher gives way without user activation in between): the redemption goes on.
    if (flow?.step !== 'busy') this.#set(undefined);
    // Back to the button that opened the dialog, or to its card when that button is gone or disabled.
    const opener = this.#opener;
    if (opener?.isConnected && !opener.disabled) opener.focus();
    else if (flow) this.host.focusCard(flow.reward.id);
  }

  render(view: CatalogView): TemplateResult | typeof nothing {
    if (!this.#flow) return nothing;
    const { reward, step, points, result, error, retry } = this.#flow;
    const { t } = view;
    const busy = step === 'busy';
    const failed = step === 'error';
    const done = step === 'done' && result?.redemption;
    // The code takes focus once issued (it comes first); after a failure, Try again or Close.
    return html`${
        done
          ? html`<h2 id="title">${t('catalog.done')}</h2>
              <p>${rewardName(view, reward)}</p>
              ${renderCode(view, done.code, t('catalog.code'), true)}
              <p>${expiry(view, done.expiresAt)}</p>
              <p>${reward.instructions}</p>`
          : html`<h2 id="title">
                ${t('catalog.confirm', { reward: rewardName(view, reward), points: view.points(points) })}
              </h2>
              <p>${worth(view, reward, points)}</p>
              ${
                failed
                  ? html`<p role="alert">${error}</p>`
                  : html`<p>
                      ${t('catalog.balanceAfter', { points: view.points(Math.max(0, (view.balance ?? 0) - points)) })}
                    </p>`
              }`
      }
      <div class="row" aria-busy=${busy}>
        <button class="secondary" ?data-focus=${!retry} ?disabled=${busy} @click=${() => this.host.dialog()?.close()}>
          ${t(done || failed ? 'common.close' : 'catalog.cancel')}
        </button>
        ${
          done || (failed && !retry)
            ? nothing
            : html`<button
                aria-disabled=${busy}
                ?data-focus=${retry}
                @click=${() => (failed ? void this.#run(this.#flow!) : this.#confirm())}
              >
                ${t(busy ? 'catalog.redeeming' : failed ? 'common.retry' : 'catalog.redeem')}
              </button>`
        }
      </div>`;
  }
}
