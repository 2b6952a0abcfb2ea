// The inside of <nps-survey>: the question and the 0–10 scale, the follow-up worded by category,
// the thank-you, and saving the answer. It loads with its strings when a survey first opens:
// most page views never show one.
import { html, nothing, type TemplateResult } from 'lit';
import { now } from '../../core/clock.js';
import { asLoyaltyError } from '../../core/errors.js';
import { survey } from '../../core/i18n/en/survey.js';
import { numberFormat } from '../../core/i18n/format.js';
import type { MessageKey } from '../../core/i18n/messages.js';
import type { Vars } from '../../core/i18n/translate.js';
import { newId } from '../../core/id.js';
import { categoryOf } from '../../core/survey/rules.js';
import { recordAnswer } from '../../core/survey/show.js';
import type { Sdk } from '../../core/sdk.js';
import { announce } from '../shared/announcer.js';
import { LoyaltyErrorEvent } from '../shared/loyalty-error-event.js';
import type { NpsAnsweredEvent } from './events.js';
import type { NpsSurvey } from './nps-survey.js';
import { uiStyles } from './survey-ui.styles.js';

/** The survey's English strings and the scale's styles, the element's once this part loads. */
export { survey as messages, uiStyles as styles };

const scores = [...Array(11).keys()];
const thanksMs = 6000;
const languageTag = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/** What the survey element lends its inside beyond its public members. */
export interface SurveyOwner {
  readonly sdk: Sdk;
  t(key: MessageKey, vars?: Vars): string;
  emit(event: Event & { detail: unknown }, options?: { global?: boolean }): boolean;
  /** Tells the page a score was chosen (`nps-answered`). */
  answered(detail: NpsAnsweredEvent['detail']): void;
  /** The shop's name (configured, else the program's), while the program loads undefined. */
  shop(): string | undefined;
  /** The program (for the shop's name) is still loading. */
  loading(): boolean;
  /** The order the open survey is about. */
  orderId(): string | undefined;
  /** Closes the survey (the thank-you's own time is up). */
  close(): void;
}

export class SurveyUi {
  score: number | null = null;
  thanks = false;
  /** The answer's id, once a score is chosen: the news of its delivery is this survey's to tell. */
  answerId = '';
  /** The score button in the tab order (roving tabindex). */
  #focusIndex = 0;
  #answeredAt = '';
  #customerId: string | null | undefined;
  #comment = '';
  #thanksAt = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: NpsSurvey,
    private readonly owner: SurveyOwner,
  ) {}

  /** A new opening: a new answer. */
  reset(): void {
    this.stop();
    this.answerId = this.#answeredAt = this.#comment = '';
    this.score = null;
    this.thanks = false;
    this.#focusIndex = 0;
  }

  /** Stops the thank-you's timer (closed, or out of the page). */
  stop(): void {
    clearInterval(this.#timer);
  }

  /** Once shown: a modal takes focus to the scale; a slide-in does not take focus from the page, so it is announced. */
  greet(announceIt: boolean): void {
    if (this.host.mode === 'modal') this.#focusScore();
    else if (this.host.mode === 'slide-in' && announceIt) announce(this.host, this.#question());
  }

  #update(): void {
    this.host.requestUpdate();
  }

  #focusScore(index = this.#focusIndex): void {
    this.host.renderRoot.querySelectorAll<HTMLElement>('[role=radio]')[index]?.focus();
  }

  #question(): string {
    const shop = this.owner.shop();
    return shop ? this.owner.t('survey.question', { shop }) : this.owner.t('survey.questionGeneric');
  }

  #followUp(): string {
    const category = categoryOf(this.score!);
    return this.host[`${category}Question`] || this.owner.t(`survey.${category}`);
  }

  /** Arrow keys, Home and End move focus only (around the scale); a score is chosen by click, Enter or Space. */
  #onScaleKey(event: KeyboardEvent): void {
    const rtl = getComputedStyle(this.host).direction === 'rtl';
    const at = this.#focusIndex;
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
    this.#focusScore((this.#focusIndex = next % 11));
    this.#update();
  }

  #choose(score: number): void {
    this.#focusIndex = score;
    this.#update();
    if (score === this.score) return;
    this.score = score;
    // The time of the latest score: the API never lets an older send take it back. Always later
    // than the one before, even if the device clock stepped back.
    this.#answeredAt = new Date(Math.max(now(), this.#answeredAt ? Date.parse(this.#answeredAt) + 1 : 0)).toISOString();
    if (!this.answerId) {
      this.answerId = newId();
      // The answer stays theirs: a comment after a sign-out waits for them instead of going as a guest's.
      this.#customerId = this.owner.sdk.customerId;
    }
    this.#save();
    this.owner.answered({ id: this.answerId, score, category: categoryOf(score), orderId: this.owner.orderId() });
  }

  #send(event: SubmitEvent): void {
    event.preventDefault();
    const comment = this.host.renderRoot.querySelector('textarea')!.value.trim();
    if (comment && comment !== this.#comment) {
      this.#comment = comment;
      this.#save();
    }
    this.thanks = true;
    this.#update();
    this.#thanksAt = now();
    if (this.host.mode !== 'inline') this.#timer = setInterval(() => this.#autoClose(), 250);
    // The Send button is gone: focus the thank-you so keyboard users are not lost.
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector('h2')?.focus());
  }

  /** The thank-you closes after 6 s, unless it offers promoters something (then it waits for them). */
  #autoClose(): void {
    const offered = this.score! >= 9 && !!this.host.renderRoot.querySelector('slot')?.assignedElements().length;
    if (!offered && now() - this.#thanksAt >= thanksMs) this.owner.close();
  }

  #save(): void {
    const { locale } = this.host;
    recordAnswer(
      this.owner.sdk,
      {
        id: this.answerId,
        survey: 'nps',
        score: this.score!,
        answeredAt: this.#answeredAt,
        comment: this.#comment || undefined,
        orderId: this.owner.orderId()?.slice(0, 128),
        page: (location.origin + location.pathname).slice(0, 2048),
        // An odd page language must not get the answer refused.
        locale: languageTag.test(locale) ? locale : undefined,
      },
      this.#customerId,
    ).catch((error: unknown) => this.owner.emit(new LoyaltyErrorEvent(asLoyaltyError(error, 'config'))));
  }

  #renderScale(): TemplateResult {
    const format = numberFormat(this.host.locale);
    const { t } = this.owner;
    return html`<div
        class="scale"
        role="radiogroup"
        aria-labelledby="title"
        @keydown=${(event: KeyboardEvent) => this.#onScaleKey(event)}
      >
        ${scores.map(
          (score) =>
            html`<button
              role="radio"
              part="score"
              aria-checked=${score === this.score}
              aria-describedby=${score === 0 ? 'low' : score === 10 ? 'high' : nothing}
              tabindex=${score === this.#focusIndex ? 0 : -1}
              @click=${() => this.#choose(score)}
            >
              ${format.format(score)}
            </button>`,
        )}
      </div>
      <p class="ends small"><span id="low">${t('survey.low')}</span><span id="high">${t('survey.high')}</span></p>
      ${
        this.score === null
          ? nothing
          : html`<form @submit=${(event: SubmitEvent) => this.#send(event)}>
              <label for="comment">${this.#followUp()}</label>
              <textarea id="comment" part="comment" maxlength="2000" rows="3"></textarea>
              <button part="send-button">${t('survey.send')}</button>
            </form>`
      }`;
  }

  /** The question (or the thank-you) and the scale. */
  render(): TemplateResult {
    const { t } = this.owner;
    return html`<h2 id="title" part="title" tabindex="-1">
        ${
          this.owner.loading()
            ? html`<span class="skeleton"></span><span class="visually-hidden">${t('common.loading')}</span>`
            : this.thanks
              ? t('survey.thanks')
              : this.#question()
        }
      </h2>
      ${this.thanks ? nothing : this.#renderScale()}`;
  }

  /** What a screen reader hears after a score: the score and the follow-up; then the thank-you. */
  renderStatus(): string {
    const { t } = this.owner;
    return this.thanks
      ? t('survey.thanks')
      : this.score === null
        ? ''
        : `${t('survey.chosen', { score: this.score })} ${this.#followUp()}`;
  }
}
