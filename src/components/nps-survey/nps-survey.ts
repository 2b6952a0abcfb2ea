import { survey } from '../../core/i18n/en/survey.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Program } from '../../core/api/schemas.js';
import { now } from '../../core/clock.js';
import { asLoyaltyError, LoyaltyError } from '../../core/errors.js';
import { numberFormat } from '../../core/i18n/format.js';
import type { Snapshot } from '../../core/store/resource.js';
import { newId } from '../../core/id.js';
import { categoryOf } from '../../core/survey/rules.js';
import { recordAnswer, recordClose, showSurvey } from '../../core/survey/show.js';
import { announce } from '../shared/announcer.js';
import { LoyaltyElement } from '../shared/loyalty-element.js';
import { LoyaltyErrorEvent } from '../shared/loyalty-error-event.js';
import { NpsAnsweredEvent, NpsDeliveredEvent, NpsDismissedEvent, NpsShownEvent } from './events.js';
import { styles } from './nps-survey.styles.js';

const scores = [...Array(11).keys()];
const thanksMs = 6000;
const languageTag = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/** Connected surveys, first connected first: the SDK's news of an answer reaches the page through one of them. */
const connected = new Set<NpsSurvey>();

/** The focused element, looking through shadow roots. */
function focusedElement(): HTMLElement | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element as HTMLElement | null;
}

/**
 * The Net Promoter Score survey: "How likely are you to recommend {shop} to a friend?" on a
 * 0–10 scale, a follow-up question worded by category, then a thank-you. The SDK opens it a few
 * seconds after `trackPurchase()` when the shopper is eligible (and adds one in modal mode when
 * the page has none); `show()` opens it directly. An inline survey placed in a page (an order
 * confirmation, an account page) also shows itself as soon as the SDK is configured, when the
 * same rules allow (sampling, not answered within `recontactDays`, once per page view); otherwise
 * it takes no space. The score is sent as soon as it is chosen.
 *
 * @fires nps-shown - the survey opened; `detail.orderId`, `detail.mode`
 * @fires nps-answered - a score was chosen (again when changed); `detail.id`, `detail.score`, `detail.category`
 * @fires nps-dismissed - the shopper closed it; `detail.score` is null when unanswered
 * @fires nps-delivered - the server stored an answer; `detail.id`, `detail.category` (also through `on()`)
 * @fires loyalty-error - the shop name could not be loaded (the survey still works) or an answer was refused
 * @slot promoter - offered to promoters (9–10) with the thank-you, e.g. `<referral-share slot="promoter">`
 * @csspart base - the dialog, panel or inline box
 * @csspart title - the question, then the thank-you
 * @csspart score - each of the eleven score buttons
 * @csspart comment - the follow-up text field
 * @csspart send-button - sends the comment
 * @csspart close-button - closes a modal or slide-in survey
 * @csspart promoter - the box around the promoter slot
 * @cssprop --loyalty-nps-survey-accent - score buttons (falls back to --loyalty-color-accent)
 * @cssprop --loyalty-nps-survey-backdrop - behind the modal (default translucent black)
 * @cssprop --loyalty-nps-survey-z-index - of the slide-in panel (default 1000)
 * @tagname nps-survey
 */
export class NpsSurvey extends LoyaltyElement {
  static override messages = survey;
  static override styles = styles;

  // Plain `static properties` rather than decorators: no decorator helper calls in the bundle.
  static override properties = {
    mode: { reflect: true },
    open: { type: Boolean, reflect: true },
    detractorQuestion: { attribute: 'detractor-question' },
    passiveQuestion: { attribute: 'passive-question' },
    promoterQuestion: { attribute: 'promoter-question' },
    score: { state: true },
    thanks: { state: true },
    focusIndex: { state: true },
    program: { state: true },
  };

  /**
   * `modal` blocks the page, `slide-in` is a corner panel that does not (both wait for a trigger),
   * `inline` sits in the page and shows itself when the rules allow.
   */
  mode: 'modal' | 'slide-in' | 'inline' = 'modal';
  /** Shown; set by `show()` and by closing. Setting it shows or hides without events. */
  open = false;
  /** Replace the follow-up questions (default from the message catalog). */
  detractorQuestion = '';
  passiveQuestion = '';
  promoterQuestion = '';

  private score: number | null = null;
  private thanks = false;
  /** The score button in the tab order (roving tabindex). */
  private focusIndex = 0;
  private program: Snapshot<Program> | undefined;

  // Set before they are read (by show(), connectedCallback() and so on): no initializers to ship.
  #answerId?: string;
  #answeredAt?: string;
  #customerId?: string | null;
  #comment?: string;
  #orderId: string | undefined;
  #opener: HTMLElement | null | undefined;
  #restoreFocus?: boolean;
  #thanksAt?: number;
  #timer: ReturnType<typeof setInterval> | undefined;
  #offs?: (() => void)[];
  #unwatch: (() => void) | undefined;
  /** Times show() opened it; an inline survey's own request yields to any opening before it. */
  #opened = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    // Deliveries come from the SDK's outbox (the answer may be from an earlier page).
    this.#offs = [
      this.sdk.on('nps-delivered', (detail) => {
        if (this.#tells((detail as { id: string }).id)) this.dispatchEvent(new NpsDeliveredEvent(detail));
      }),
      this.sdk.on('loyalty-error', (detail) => {
        const { error, feedbackId } = detail as { error: LoyaltyError; feedbackId?: string };
        if (feedbackId && this.#tells(feedbackId)) this.dispatchEvent(new LoyaltyErrorEvent(error));
      }),
    ];
    if (this.mode === 'inline') this.#offs.push(this.#showWhenAllowed());
  }

  /** Asks the rules once the SDK is configured (now, or at the next configure()); returns a cancel. */
  #showWhenAllowed(): () => void {
    const opened = this.#opened;
    const unopened = () => this.#opened === opened;
    const connected = () => this.isConnected;
    // Opened meanwhile (a trigger, show()): that opening stands, and this one must not reopen it.
    const self = {
      get isConnected() {
        return connected();
      },
      show: (context: { orderId?: string }) => (unopened() ? this.show(context) : void recordClose(this.sdk, false)),
    };
    let asked = false;
    const ask = () => {
      off();
      if (asked || !unopened()) return;
      asked = true;
      void showSurvey(this.sdk, {}, self).catch(() => undefined);
    };
    const off = this.sdk.on('configured', ask);
    if (this.sdk.options) queueMicrotask(ask);
    return off;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
    this.#offs!.forEach((off) => off());
    this.#unwatch?.();
    this.#unwatch = undefined;
    clearInterval(this.#timer);
    if (this.open) this.#release();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('open') || !this.open) return;
    this.#opener = focusedElement();
    // The shop name, unless configured: loaded only once the survey shows.
    if (!this.#unwatch && !this.sdk.options?.survey?.shopName) {
      this.#unwatch = this.sdk.resource('program').subscribe((snapshot) => {
        if (snapshot.error && snapshot.error !== this.program?.error) this.emit(new LoyaltyErrorEvent(snapshot.error));
        this.program = snapshot;
      });
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    const dialog = this.renderRoot.querySelector('dialog');
    if (this.open) {
      if (dialog && !dialog.open) {
        dialog.showModal();
        this.#focusScore();
      }
      // A slide-in does not take focus from the page, so it is announced instead.
      if (this.mode === 'slide-in' && changed.get('open') === false) announce(this, this.#question());
    } else {
      dialog?.close();
      if (this.#restoreFocus && this.#opener?.isConnected) this.#opener.focus();
      // Closed by code too (open = false): let another tab show a survey; no event, no cooldown.
      if (changed.get('open')) this.#release();
    }
  }

  /** Opens the survey, for the order the answer will be about. */
  show({ orderId }: { orderId?: string } = {}): void {
    if (this.open) return;
    this.#opened++;
    this.#orderId = orderId;
    this.#answerId = this.#answeredAt = this.#comment = '';
    Object.assign(this, { score: null, thanks: false, focusIndex: 0, open: true });
    this.emit(new NpsShownEvent({ orderId, mode: this.mode }), { global: true });
  }

  /** Closes the survey; not a dismissal (no event, no cooldown). */
  hide(): void {
    this.#close();
  }

  #close(dismissed = false): void {
    if (!this.open) return;
    this.#restoreFocus = this.mode === 'modal' || this.matches(':focus-within');
    this.open = false;
    clearInterval(this.#timer);
    this.#release(dismissed && this.score === null);
    if (dismissed)
      this.emit(new NpsDismissedEvent({ id: this.#answerId || undefined, score: this.score }), { global: true });
  }

  /**
   * Whether this survey dispatches the news of answer `id`: the one that took it, or the first
   * connected for an answer from an earlier page. Every survey hears the SDK; the page hears once.
   */
  #tells(id: string): boolean {
    const surveys = [...connected];
    return (surveys.find((survey) => survey.#answerId === id) ?? surveys[0]) === this;
  }

  /** Lets another tab show a survey; `dismissed` (unanswered, by the shopper) starts the cooldown. */
  #release(dismissed = false): void {
    void recordClose(this.sdk, dismissed).catch(() => undefined);
  }

  #focusScore(index = this.focusIndex): void {
    this.renderRoot.querySelectorAll<HTMLElement>('[role=radio]')[index]?.focus();
  }

  #question(): string {
    const shop = this.sdk.options?.survey?.shopName ?? this.program?.data?.name;
    return shop ? this.t('survey.question', { shop }) : this.t('survey.questionGeneric');
  }

  #followUp(): string {
    const category = categoryOf(this.score!);
    return this[`${category}Question`] || this.t(`survey.${category}`);
  }

  /** Arrow keys, Home and End move focus only (around the scale); a score is chosen by click, Enter or Space. */
  #onScaleKey(event: KeyboardEvent): void {
    const rtl = getComputedStyle(this).direction === 'rtl';
    const at = this.focusIndex;
    const next = (
      {
        Home: 0,
        End: 10,
        ArrowUp: at + 10,
        ArrowDown: at + 1,
        ArrowLeft: rtl ? at + 1 : at + 10,
        ArrowRight: rtl ? at + 10 : at + 1,
      } as Record<string, number | undefined>
    )[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.#focusScore((this.focusIndex = next % 11));
  }

  #onKeydown(event: KeyboardEvent): void {
    // Escape within the survey only: a slide-in leaves the page's own Escape alone.
    if (event.key === 'Escape' && this.mode !== 'inline') {
      event.preventDefault();
      this.#close(true);
    }
  }

  #choose(score: number): void {
    this.focusIndex = score;
    if (score === this.score) return;
    this.score = score;
    // The time of the latest score: the API never lets an older send take it back. Always later
    // than the one before, even if the device clock stepped back.
    this.#answeredAt = new Date(Math.max(now(), this.#answeredAt ? Date.parse(this.#answeredAt) + 1 : 0)).toISOString();
    if (!this.#answerId) {
      this.#answerId = newId();
      // The answer stays theirs: a comment after a sign-out waits for them instead of going as a guest's.
      this.#customerId = this.sdk.customerId;
    }
    this.#save();
    this.emit(
      new NpsAnsweredEvent({ id: this.#answerId, score, category: categoryOf(score), orderId: this.#orderId }),
      { global: true },
    );
  }

  #send(event: SubmitEvent): void {
    event.preventDefault();
    const comment = this.renderRoot.querySelector('textarea')!.value.trim();
    if (comment && comment !== this.#comment) {
      this.#comment = comment;
      this.#save();
    }
    this.thanks = true;
    this.#thanksAt = now();
    if (this.mode !== 'inline') this.#timer = setInterval(() => this.#autoClose(), 250);
    // The Send button is gone: focus the thank-you so keyboard users are not lost.
    void this.updateComplete.then(() => this.renderRoot.querySelector('h2')?.focus());
  }

  /** The thank-you closes after 6 s, unless it offers promoters something (then it waits for them). */
  #autoClose(): void {
    const offered = this.score! >= 9 && !!this.renderRoot.querySelector('slot')?.assignedElements().length;
    if (!offered && now() - this.#thanksAt! >= thanksMs) this.#close();
  }

  #save(): void {
    const { locale } = this;
    recordAnswer(
      this.sdk,
      {
        id: this.#answerId!,
        survey: 'nps',
        score: this.score!,
        answeredAt: this.#answeredAt!,
        comment: this.#comment || undefined,
        orderId: this.#orderId?.slice(0, 128),
        page: (location.origin + location.pathname).slice(0, 2048),
        // An odd page language must not get the answer refused.
        locale: languageTag.test(locale) ? locale : undefined,
      },
      this.#customerId,
    ).catch((error: unknown) => this.emit(new LoyaltyErrorEvent(asLoyaltyError(error, 'config'))));
  }

  #renderScale(): TemplateResult {
    const format = numberFormat(this.locale);
    return html`<div class="scale" role="radiogroup" aria-labelledby="title" @keydown=${this.#onScaleKey}>
        ${scores.map(
          (score) =>
            html`<button
              role="radio"
              part="score"
              aria-checked=${score === this.score}
              aria-describedby=${score === 0 ? 'low' : score === 10 ? 'high' : nothing}
              tabindex=${score === this.focusIndex ? 0 : -1}
              @click=${() => this.#choose(score)}
            >
              ${format.format(score)}
            </button>`,
        )}
      </div>
      <p class="ends small">
        <span id="low">${this.t('survey.low')}</span><span id="high">${this.t('survey.high')}</span>
      </p>
      ${
        this.score === null
          ? nothing
          : html`<form @submit=${this.#send}>
              <label for="comment">${this.#followUp()}</label>
              <textarea id="comment" part="comment" maxlength="2000" rows="3"></textarea>
              <button part="send-button">${this.t('survey.send')}</button>
            </form>`
      }`;
  }

  override render(): TemplateResult {
    const loading = this.program?.status === 'loading';
    const { mode, thanks, score, open } = this;
    // Nothing inside until it opens (most page views never show the survey), except the slot:
    // STYLE renders slots always and hides them.
    const body = html`${
        open
          ? html`<h2 id="title" part="title" tabindex="-1">
                ${
                  loading
                    ? html`<span class="skeleton"></span
                        ><span class="visually-hidden">${this.t('common.loading')}</span>`
                    : thanks
                      ? this.t('survey.thanks')
                      : this.#question()
                }
              </h2>
              ${thanks ? nothing : this.#renderScale()}`
          : nothing
      }
      <div part="promoter" ?hidden=${!open || !thanks || score! < 9}><slot name="promoter"></slot></div>
      ${
        open
          ? html`<p class="visually-hidden" role="status">
                ${
                  thanks
                    ? this.t('survey.thanks')
                    : score === null
                      ? ''
                      : `${this.t('survey.chosen', { score })} ${this.#followUp()}`
                }
              </p>
              ${
                mode === 'inline'
                  ? nothing
                  : html`<button
                      class="close secondary"
                      part="close-button"
                      aria-label=${this.t('common.close')}
                      @click=${() => this.#close(true)}
                    >
                      ×
                    </button>`
              }`
          : nothing
      }`;
    return mode === 'modal'
      ? html`<dialog
          part="base"
          class="base"
          aria-labelledby="title"
          aria-busy=${loading || nothing}
          @keydown=${this.#onKeydown}
          @cancel=${(event: Event) => (event.preventDefault(), this.#close(true))}
        >
          ${body}
        </dialog>`
      : html`<section
          part="base"
          class="base"
          role=${mode === 'slide-in' ? 'dialog' : 'region'}
          aria-labelledby="title"
          aria-busy=${loading || nothing}
          ?hidden=${!this.open}
          @keydown=${this.#onKeydown}
        >
          ${body}
        </section>`;
  }
}
