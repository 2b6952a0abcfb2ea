import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Program } from '../../core/api/schemas.js';
import type { LoyaltyError } from '../../core/errors.js';
import type { Snapshot } from '../../core/store/resource.js';
import { recordClose, showSurvey } from '../../core/survey/show.js';
import { LazyPart } from '../shared/lazy-part.js';
import { LoyaltyElement } from '../shared/loyalty-element.js';
import { LoyaltyErrorEvent } from '../shared/loyalty-error-event.js';
import { NpsAnsweredEvent, NpsDeliveredEvent, NpsDismissedEvent, NpsShownEvent } from './events.js';
import { styles } from './nps-survey.styles.js';
import type { SurveyUi } from './survey-ui.js';

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
 * The class that defines the tag is small: the survey's inside (question, scale, follow-up,
 * thank-you) and its strings load when it first opens. If they cannot be loaded (offline, a CDN
 * error), the open survey says so with Try again and fires `loyalty-error`.
 *
 * @fires nps-shown - the survey opened; `detail.orderId`, `detail.mode`
 * @fires nps-answered - a score was chosen (again when changed); `detail.id`, `detail.score`, `detail.category`
 * @fires nps-dismissed - the shopper closed it; `detail.score` is null when unanswered
 * @fires nps-delivered - the server stored an answer; `detail.id`, `detail.category` (also through `on()`)
 * @fires loyalty-error - the shop name could not be loaded (the survey still works), the survey's inside could not be loaded, or an answer was refused
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
  static override styles = styles;

  // Plain `static properties` rather than decorators: no decorator helper calls in the bundle.
  static override properties = {
    mode: { reflect: true },
    open: { type: Boolean, reflect: true },
    detractorQuestion: { attribute: 'detractor-question' },
    passiveQuestion: { attribute: 'passive-question' },
    promoterQuestion: { attribute: 'promoter-question' },
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

  private program: Snapshot<Program> | undefined;

  // Set before they are read (by show(), connectedCallback() and so on): no initializers to ship.
  #orderId: string | undefined;
  #opener: HTMLElement | null | undefined;
  #restoreFocus?: boolean;
  #offs?: (() => void)[];
  /** The survey's inside, loaded when it first opens. */
  readonly #part = new LazyPart(
    this,
    () => import('./survey-ui.js'),
    (error) => this.emit(new LoyaltyErrorEvent(error)),
  );
  #ui: SurveyUi | undefined;
  /** Opened and not yet greeted (focus, or an announcement): done once the inside is there. */
  #greet: { announce: boolean } | undefined;
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
    this.#ui?.stop();
    if (this.open) this.#release();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('open') || !this.open) return;
    this.#opener = focusedElement();
    void this.#loadUi();
    // The shop name, unless configured: loaded only once the survey shows.
    if (!this.#unwatch && !this.sdk.options?.survey?.shopName) {
      this.#unwatch = this.sdk.resource('program').subscribe((snapshot) => {
        if (snapshot.error && snapshot.error !== this.program?.error) this.emit(new LoyaltyErrorEvent(snapshot.error));
        this.program = snapshot;
      });
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.renderRoot.querySelector('dialog');
    // Shown once its inside is there (or could not be loaded): a popup never opens half-built.
    if (this.#shown() && dialog && !dialog.open) dialog.showModal();
    if (changed.has('open')) {
      if (this.open) this.#greet = { announce: changed.get('open') === false };
      else {
        dialog?.close();
        if (this.#restoreFocus && this.#opener?.isConnected) this.#opener.focus();
        // Closed by code too (open = false): let another tab show a survey; no event, no cooldown.
        if (changed.get('open')) this.#release();
      }
    }
    if (this.open && this.#greet && this.#ui) {
      this.#ui.greet(this.#greet.announce);
      this.#greet = undefined;
    }
  }

  /** Open, and its inside loaded or its load failed (then it says so). */
  #shown(): boolean {
    return this.open && !!(this.#ui || this.#part.error);
  }

  /** Loads the survey's inside once (again after a failed load: Try again). */
  async #loadUi(): Promise<void> {
    const part = await this.#part.load();
    if (!part || this.#ui) return;
    NpsSurvey.messages = part.messages;
    adoptStyles(this.renderRoot as ShadowRoot, [...NpsSurvey.elementStyles, part.styles]);
    this.#ui = new part.SurveyUi(this, {
      sdk: this.sdk,
      t: (key, vars) => this.t(key, vars),
      emit: (event, options) => this.emit(event, options),
      answered: (detail) => this.emit(new NpsAnsweredEvent(detail), { global: true }),
      shop: () => this.sdk.options?.survey?.shopName ?? this.program?.data?.name,
      loading: () => this.program?.status === 'loading',
      orderId: () => this.#orderId,
      close: () => this.#close(),
    });
    this.requestUpdate();
  }

  /** Opens the survey, for the order the answer will be about. */
  show({ orderId }: { orderId?: string } = {}): void {
    if (this.open) return;
    this.#opened++;
    this.#orderId = orderId;
    this.#ui?.reset();
    this.open = true;
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
    this.#ui?.stop();
    const score = this.#ui?.score ?? null;
    this.#release(dismissed && score === null);
    if (dismissed) this.emit(new NpsDismissedEvent({ id: this.#ui?.answerId || undefined, score }), { global: true });
  }

  /**
   * Whether this survey dispatches the news of answer `id`: the one that took it, or the first
   * connected for an answer from an earlier page. Every survey hears the SDK; the page hears once.
   */
  #tells(id: string): boolean {
    const surveys = [...connected];
    return (surveys.find((survey) => survey.#ui?.answerId === id) ?? surveys[0]) === this;
  }

  /** Lets another tab show a survey; `dismissed` (unanswered, by the shopper) starts the cooldown. */
  #release(dismissed = false): void {
    void recordClose(this.sdk, dismissed).catch(() => undefined);
  }

  #onKeydown(event: KeyboardEvent): void {
    // Escape within the survey only: a slide-in leaves the page's own Escape alone.
    if (event.key === 'Escape' && this.mode !== 'inline') {
      event.preventDefault();
      this.#close(true);
    }
  }

  /** Until the inside has loaded: a skeleton, or what went wrong with Try again. */
  #renderWaiting(): TemplateResult {
    return this.#part.error
      ? html`<p id="title" part="title" role="alert">${this.t('common.error')}</p>
          <button class="secondary" @click=${() => void this.#loadUi()}>${this.t('common.retry')}</button>`
      : html`<h2 id="title" part="title">
          <span class="skeleton"></span><span class="visually-hidden">${this.t('common.loading')}</span>
        </h2>`;
  }

  override render(): TemplateResult {
    const { mode, open } = this;
    const ui = this.#ui;
    const loading = this.program?.status === 'loading';
    // Nothing inside until it opens (most page views never show the survey), except the slot:
    // STYLE renders slots always and hides them.
    const body = html`${open ? (ui ? ui.render() : this.#renderWaiting()) : nothing}
      <div part="promoter" ?hidden=${!open || !ui?.thanks || ui.score! < 9}><slot name="promoter"></slot></div>
      ${
        open
          ? html`<p class="visually-hidden" role="status">${ui?.renderStatus()}</p>
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
          ?hidden=${!this.#shown()}
          @keydown=${this.#onKeydown}
        >
          ${body}
        </section>`;
  }
}
