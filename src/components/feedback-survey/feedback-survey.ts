import { adoptStyles, nothing, type LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { now } from '../../core/clock.js';
import { feedback } from '../../core/i18n/en/feedback.js';
import { asLoyaltyError, LoyaltyError } from '../../core/errors.js';
import { newId } from '../../core/id.js';
import type { MessageKey } from '../../core/i18n/messages.js';
import type { Vars } from '../../core/i18n/translate.js';
import {
  asked,
  loadSurveys,
  type AnswerValue,
  type Survey,
  type SurveyQuestion,
} from '../../core/survey/feedback/definitions.js';
import {
  readProgress,
  recordDismissal,
  recordResponse,
  saveProgress,
  type Progress,
} from '../../core/survey/feedback/responses.js';
import { announce } from '../shared/announcer.js';
import { LoyaltyElement } from '../shared/loyalty-element.js';
import { LoyaltyErrorEvent } from '../shared/loyalty-error-event.js';
import { baseStyles } from '../shared/tokens.js';
import { releaseTab } from '../../core/survey/show.js';
import {
  FeedbackAnsweredEvent,
  FeedbackCompletedEvent,
  FeedbackDeliveredEvent,
  FeedbackDismissedEvent,
  FeedbackShownEvent,
} from './events.js';

type View = typeof import('./feedback-survey-view.js');

/** What the view module needs from the element (it renders, the element keeps the state). */
export interface SurveyHost extends Pick<LitElement, 'requestUpdate' | 'updateComplete'> {
  readonly open: boolean;
  readonly mode: FeedbackSurvey['mode'];
  readonly locale: string;
  readonly progress: Progress;
  readonly thanks: boolean;
  /** The questions asked given the answers so far, and the shown one's place among them. */
  readonly asked: SurveyQuestion[];
  text(key: MessageKey, vars?: Vars): string;
  answer(question: SurveyQuestion, value: AnswerValue | undefined): void;
  next(): void;
  close(dismissed: boolean): void;
}

/**
 * One of the merchant's surveys (GET /v1/surveys) by its id: NPS, ratings as numbers, stars or
 * faces, CES, thumbs, single and multiple choice, open text, and follow-ups asked by answer, one
 * question at a time. Each answer is stored and sent as it is given; a reload mid-survey resumes
 * at the same question within an hour. `mode` as `<nps-survey>`'s: `modal` and `slide-in` wait
 * for a trigger or `show()`, `inline` shows itself in place once the SDK is configured (and the
 * rules allow). Its UI loads when it first opens.
 *
 * @fires feedback-shown - the survey opened; `detail.survey`, `detail.id`, `detail.mode`, `detail.resumed`
 * @fires feedback-answered - a question was answered; `detail.question`, `detail.value`
 * @fires feedback-completed - the shopper reached the end; `detail.answers`
 * @fires feedback-dismissed - closed before the end; `detail.answered` questions were kept
 * @fires feedback-delivered - the server stored the response as it stands (also through `on()`)
 * @fires loyalty-error - the survey could not be loaded, or an answer was refused
 * @csspart base - the dialog, panel or inline box
 * @csspart title - the survey's title, then the thank-you
 * @csspart question - the question's text
 * @csspart option - each scale point, star, face, thumb or choice
 * @csspart next-button - goes to the next question, or sends at the end
 * @csspart close-button - closes a modal or slide-in survey
 * @cssprop --loyalty-nps-survey-accent - options, as in `<nps-survey>` (falls back to --loyalty-color-accent)
 * @cssprop --loyalty-nps-survey-backdrop - behind the modal (default translucent black)
 * @cssprop --loyalty-nps-survey-z-index - of the slide-in panel (default 1000)
 * @tagname feedback-survey
 */
export class FeedbackSurvey extends LoyaltyElement {
  static override messages = feedback;
  static override styles = baseStyles;

  static override properties = {
    survey: { reflect: true },
    mode: { reflect: true },
    open: { type: Boolean, reflect: true },
    progress: { state: true },
    thanks: { state: true },
  };

  /** The id of the survey in GET /v1/surveys. */
  survey = '';
  /** `modal` blocks the page, `slide-in` is a corner panel, `inline` sits in the page. */
  mode: 'modal' | 'slide-in' | 'inline' = 'modal';
  /** Shown; set by `show()` and by closing. */
  open = false;

  progress!: Progress;
  thanks = false;

  static #loading: Promise<View> | undefined;
  #view?: View;
  #offs: (() => void)[] = [];
  #timer?: ReturnType<typeof setTimeout>;
  #opener?: HTMLElement | null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#offs = [
      this.sdk.on('feedback-delivered', (detail) => {
        if (detail.id === this.progress?.id) this.dispatchEvent(new FeedbackDeliveredEvent(detail));
      }),
      this.sdk.on('loyalty-error', ({ error, feedbackId }) => {
        if (feedbackId && feedbackId === this.progress?.id) this.dispatchEvent(new LoyaltyErrorEvent(error));
      }),
    ];
    // An inline survey shows itself; any survey resumes the response its shopper left mid-way.
    const ask = () => void this.#showWhenAllowed();
    if (this.sdk.options) queueMicrotask(ask);
    else this.#offs.push(this.sdk.on('configured', ask));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#offs.forEach((off) => off());
    clearTimeout(this.#timer);
    // Taken out of the page while open: another tab may show a survey (a response begun stays resumable).
    if (this.open) void releaseTab(this.sdk).catch(() => undefined);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    const dialog = this.renderRoot.querySelector('dialog');
    if (this.open) {
      if (dialog && !dialog.open) dialog.showModal();
      if (this.mode === 'slide-in') announce(this, this.progress.survey.title ?? this.#question()!.text);
      else if (this.mode === 'modal') this.#focusQuestion();
    } else {
      dialog?.close();
      if (this.#opener?.isConnected && this.mode === 'modal') this.#opener.focus();
    }
  }

  async #showWhenAllowed(): Promise<void> {
    const progress = await readProgress(this.sdk).catch(() => undefined);
    if (progress?.survey.id === this.survey && this.survey) return this.show({ resume: progress });
    if (this.mode !== 'inline' || !this.survey) return;
    const { showFeedback } = await import('../../core/survey/feedback/show.js');
    await showFeedback(this.sdk, this.survey, {}, this).catch(() => undefined);
  }

  /** Opens the survey (loading its definition and UI first); `resume` continues a response. */
  async show({ orderId, resume }: { orderId?: string; resume?: Progress } = {}): Promise<void> {
    if (this.open) return;
    try {
      const [surveys, view] = await Promise.all([
        resume ? [resume.survey] : loadSurveys(this.sdk),
        (FeedbackSurvey.#loading ??= import('./feedback-survey-view.js')),
      ]);
      const survey: Survey | undefined = surveys.find((candidate) => candidate.id === this.survey);
      if (!survey) throw new LoyaltyError('config', `There is no active survey "${this.survey}"`);
      if (!this.#view) {
        this.#view = view;
        adoptStyles(this.renderRoot as ShadowRoot, view.styles);
      }
      this.progress = resume ?? {
        survey,
        id: newId(),
        answers: {},
        question: survey.questions[0].id,
        customerId: this.sdk.customerId,
        orderId,
        updatedAt: now(),
      };
      this.thanks = false;
      this.#opener = focusedElement();
      this.open = true;
      const { id } = this.progress;
      this.emit(new FeedbackShownEvent({ survey: survey.id, id, mode: this.mode, resumed: !!resume }), {
        global: true,
      });
    } catch (error) {
      this.emit(new LoyaltyErrorEvent(asLoyaltyError(error, 'config')));
    }
  }

  /** Closes the survey; not a dismissal (no event, no cool-down); a response begun stays resumable. */
  hide(): void {
    this.open = false;
    void releaseTab(this.sdk).catch(() => undefined);
  }

  text(key: MessageKey, vars?: Vars): string {
    return this.t(key, vars);
  }

  get asked(): SurveyQuestion[] {
    return this.progress.survey.questions.filter((question) => asked(question, this.progress.answers));
  }

  #question(): SurveyQuestion | undefined {
    return this.progress.survey.questions.find((question) => question.id === this.progress.question);
  }

  #focusQuestion(): void {
    void this.updateComplete.then(() => {
      const find = (selector: string) => this.renderRoot.querySelector<HTMLElement>(selector);
      (find('[role=radio][tabindex="0"]') ?? find('input, textarea') ?? find('h2'))?.focus();
    });
  }

  /** Keeps the answer, stores the response so far in the outbox (sent at once) and the progress. */
  answer(question: SurveyQuestion, value: AnswerValue | undefined): void {
    const answers = { ...this.progress.answers };
    if (value === undefined) delete answers[question.id];
    else if (JSON.stringify(answers[question.id]) === JSON.stringify(value)) return;
    else answers[question.id] = value;
    // Never earlier than the answer before, even if the device clock stepped back.
    const before = this.progress.answeredAt ? Date.parse(this.progress.answeredAt) + 1 : 0;
    this.progress = { ...this.progress, answers, answeredAt: new Date(Math.max(now(), before)).toISOString() };
    if (value === undefined) return;
    this.#record(false);
    const { survey, id } = this.progress;
    this.emit(new FeedbackAnsweredEvent({ survey: survey.id, id, question: question.id, value }), { global: true });
  }

  /** The next question asked, or the end: the response is sent complete and the thank-you shows. */
  next(): void {
    const asked = this.asked;
    const at = asked.findIndex((question) => question.id === this.progress.question);
    const following = asked[at + 1];
    if (following) {
      this.progress = { ...this.progress, question: following.id };
      void saveProgress(this.sdk, this.progress).catch(() => undefined);
      announce(this, following.text);
      this.#focusQuestion();
      return;
    }
    const { survey, id, answers } = this.progress;
    if (Object.keys(answers).length === 0) return this.close(true);
    this.#record(true);
    this.thanks = true;
    this.emit(new FeedbackCompletedEvent({ survey: survey.id, id, answers }), { global: true });
    void this.updateComplete.then(() => this.renderRoot.querySelector('h2')?.focus());
    if (this.mode !== 'inline') this.#timer = setTimeout(() => this.close(false), 6000);
  }

  /** Closes it; `dismissed` by the shopper before the end (answers given so far stay sent). */
  close(dismissed: boolean): void {
    if (!this.open) return;
    clearTimeout(this.#timer);
    this.open = false;
    // Lets another tab show a survey.
    void releaseTab(this.sdk).catch(() => undefined);
    if (!dismissed || this.thanks) return;
    const { survey, id, answers } = this.progress;
    const answered = Object.keys(answers).length;
    void recordDismissal(this.sdk, survey.id, answered > 0).catch(() => undefined);
    this.emit(new FeedbackDismissedEvent({ survey: survey.id, id, answered }), { global: true });
  }

  #record(completed: boolean): void {
    const progress = this.progress;
    const saved = completed ? saveProgress(this.sdk, null) : saveProgress(this.sdk, progress);
    saved
      .then(() => recordResponse(this.sdk, progress, completed, this.locale))
      .catch((error: unknown) => this.emit(new LoyaltyErrorEvent(asLoyaltyError(error, 'config'))));
  }

  override render(): TemplateResult | typeof nothing {
    return this.#view && this.progress ? this.#view.render(this) : nothing;
  }
}

/** The focused element, looking through shadow roots. */
function focusedElement(): HTMLElement | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element as HTMLElement | null;
}
