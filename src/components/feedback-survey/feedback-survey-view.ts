// The UI of <feedback-survey>, loaded when a survey first opens: one question at a time, every
// question type. Scales, thumbs and single choice are radiogroups as the NPS scale is: arrow keys
// move focus only, Enter, Space or a click chooses (and the answer is sent at once).
import { html, nothing, type TemplateResult } from 'lit';
import { numberFormat } from '../../core/i18n/format.js';
import { scales, type AnswerValue, type SurveyQuestion } from '../../core/survey/feedback/definitions.js';
import type { SurveyHost } from './feedback-survey.js';

export { styles } from './feedback-survey.styles.js';

interface Option {
  value: number | string;
  /** What the button shows; `label` is its accessible name when they differ (a star, a face). */
  content: string;
  label?: string;
}

const faces = ['😞', '🙁', '😐', '🙂', '😄'];
/** By response: the radio in the tab order per question (roving tabindex), and text typed but not yet sent. */
const focusAt = new Map<string, Map<string, number>>();
const drafts = new Map<string, Map<string, string>>();
const mapOf = <V>(maps: Map<string, Map<string, V>>, host: SurveyHost) =>
  maps.get(host.progress.id) ?? maps.set(host.progress.id, new Map()).get(host.progress.id)!;

function options(host: SurveyHost, question: SurveyQuestion): Option[] {
  const range = scales[question.type];
  if (range) {
    const format = numberFormat(host.locale);
    const values = Array.from({ length: range[1] - range[0] + 1 }, (_, index) => range[0] + index);
    if (question.type === 'rating' && question.display === 'stars')
      return values.map((value) => ({ value, content: '★', label: host.text('feedback.stars', { count: value }) }));
    if (question.type === 'rating' && question.display === 'faces')
      return values.map((value) => ({
        value,
        content: faces[value - 1],
        label: host.text(`feedback.face${value as 1 | 2 | 3 | 4 | 5}`),
      }));
    return values.map((value) => ({ value, content: format.format(value) }));
  }
  if (question.type === 'thumbs')
    return [
      { value: 'up', content: '👍', label: host.text('feedback.up') },
      { value: 'down', content: '👎', label: host.text('feedback.down') },
    ];
  return question.choices!.map((choice) => ({ value: choice.id, content: choice.text }));
}

/** The name of an answer, for "You chose …". */
function spoken(host: SurveyHost, question: SurveyQuestion, value: AnswerValue): string {
  const option = options(host, question).find((candidate) => candidate.value === value);
  return option ? (option.label ?? option.content) : '';
}

function radios(host: SurveyHost, question: SurveyQuestion, labelledBy: string): TemplateResult {
  const list = options(host, question);
  const chosen = host.progress.answers[question.id];
  const focus = mapOf(focusAt, host);
  const at =
    focus.get(question.id) ??
    Math.max(
      0,
      list.findIndex((option) => option.value === chosen),
    );
  const stars = question.display === 'stars' && question.type === 'rating';
  const move = (event: KeyboardEvent) => {
    const rtl = getComputedStyle(event.currentTarget as Element).direction === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    const step = (
      { [forward]: 1, ArrowDown: 1, [back]: -1, ArrowUp: -1, Home: -at, End: list.length - 1 - at } as Record<
        string,
        number | undefined
      >
    )[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = (at + step + list.length) % list.length;
    focus.set(question.id, next);
    host.requestUpdate();
    void host.updateComplete.then(() =>
      (event.currentTarget as HTMLElement | null)?.querySelectorAll<HTMLElement>('[role=radio]')[next]?.focus(),
    );
  };
  const low = question.lowLabel ?? '';
  const high = question.highLabel ?? '';
  const scale = !!scales[question.type];
  return html`<div
      class="options n${list.length} ${scale || question.type === 'thumbs' ? 'row' : 'column'} ${stars ? 'stars' : ''}"
      role="radiogroup"
      aria-labelledby=${labelledBy}
      @keydown=${move}
    >
      ${list.map(
        (option, index) =>
          html`<button
            type="button"
            role="radio"
            part="option"
            class=${stars && typeof chosen === 'number' && (option.value as number) <= chosen ? 'lit' : ''}
            aria-checked=${option.value === chosen}
            aria-label=${option.label ?? nothing}
            aria-describedby=${scale && index === 0 && low ? 'low' : scale && index === list.length - 1 && high ? 'high' : nothing}
            tabindex=${index === at ? 0 : -1}
            @click=${() => (focus.set(question.id, index), host.answer(question, option.value))}
          >
            <span aria-hidden=${option.label ? 'true' : nothing}>${option.content}</span>
          </button>`,
      )}
    </div>
    ${
      low || high ? html`<p class="ends small"><span id="low">${low}</span><span id="high">${high}</span></p>` : nothing
    }`;
}

function multiple(host: SurveyHost, question: SurveyQuestion, labelledBy: string): TemplateResult {
  const given = host.progress.answers[question.id] as { choices: string[]; other?: string } | undefined;
  const chosen = given?.choices ?? [];
  const draft = mapOf(drafts, host);
  const toggle = (id: string, on: boolean) => {
    const choices = [...chosen.filter((choice) => choice !== id), ...(on ? [id] : [])];
    const other = choices.includes('other') ? (draft.get(question.id) ?? given?.other) : undefined;
    host.answer(question, choices.length ? { choices, ...(other ? { other } : {}) } : undefined);
  };
  const all = [...question.choices!, ...(question.other ? [{ id: 'other', text: host.text('feedback.other') }] : [])];
  return html`<div class="column" role="group" aria-labelledby=${labelledBy}>
    ${all.map(
      (choice) =>
        html`<label part="option" class="check"
          ><input
            type="checkbox"
            .checked=${chosen.includes(choice.id)}
            @change=${(event: Event) => toggle(choice.id, (event.target as HTMLInputElement).checked)}
          />${choice.text}</label
        >`,
    )}
    <input
      class="other"
      type="text"
      maxlength="500"
      aria-label=${host.text('feedback.otherText')}
      ?hidden=${!chosen.includes('other')}
      .value=${draft.get(question.id) ?? given?.other ?? ''}
      @input=${(event: Event) => draft.set(question.id, (event.target as HTMLInputElement).value)}
      @change=${() => toggle('other', true)}
    />
  </div>`;
}

function open(host: SurveyHost, question: SurveyQuestion, labelledBy: string): TemplateResult {
  const draft = mapOf(drafts, host);
  const given = host.progress.answers[question.id];
  const value = draft.get(question.id) ?? (typeof given === 'string' ? given : '');
  const max = question.maxLength ?? 500;
  return html`<textarea
      rows="3"
      aria-labelledby=${labelledBy}
      aria-describedby="limit"
      maxlength=${max}
      .value=${value}
      @input=${(event: Event) => (draft.set(question.id, (event.target as HTMLTextAreaElement).value), host.requestUpdate())}
    ></textarea>
    <p class="ends small">
      <span id="limit">${host.text('feedback.limit', { count: max })}</span>
      <span>${host.text('feedback.remaining', { count: max - value.length })}</span>
    </p>`;
}

/** Sends text typed but not yet sent (open text, Other), then moves on. */
function next(host: SurveyHost, question: SurveyQuestion): void {
  const draft = mapOf(drafts, host).get(question.id);
  if (draft !== undefined && question.type === 'open') host.answer(question, draft.trim() || undefined);
  const given = host.progress.answers[question.id];
  if (
    draft !== undefined &&
    question.type === 'multiple' &&
    typeof given === 'object' &&
    given.choices.includes('other')
  )
    host.answer(question, { choices: given.choices, ...(draft.trim() ? { other: draft.trim() } : {}) });
  host.next();
}

function body(host: SurveyHost): TemplateResult {
  const { progress, thanks, mode } = host;
  const asked = host.asked;
  const question = progress.survey.questions.find((candidate) => candidate.id === progress.question)!;
  const title = progress.survey.title;
  const labelledBy = title ? 'question' : 'title';
  const at = asked.indexOf(question);
  const chosen = progress.answers[question.id];
  const last = at === asked.length - 1;
  const kind = question.type === 'multiple' ? multiple : question.type === 'open' ? open : radios;
  return html`<h2 id="title" part="title" tabindex="-1">
      ${thanks ? host.text('feedback.thanks') : (title ?? question.text)}
    </h2>
    ${
      thanks
        ? nothing
        : html`${
              asked.length > 1
                ? html`<p class="small">${host.text('feedback.step', { current: at + 1, total: asked.length })}</p>`
                : nothing
            }
            ${title ? html`<p id="question" part="question">${question.text}</p>` : nothing}
            ${kind(host, question, labelledBy)}
            <p class="footer">
              <button type="button" part="next-button" @click=${() => next(host, question)}>
                ${host.text(last ? 'feedback.send' : 'feedback.next')}
              </button>
            </p>`
    }
    <p class="visually-hidden" role="status">
      ${
        thanks
          ? host.text('feedback.thanks')
          : chosen === undefined || !spoken(host, question, chosen)
            ? ''
            : host.text('feedback.chosen', { value: spoken(host, question, chosen) })
      }
    </p>
    ${
      mode === 'inline'
        ? nothing
        : html`<button
            class="close secondary"
            part="close-button"
            aria-label=${host.text('common.close')}
            @click=${() => host.close(true)}
          >
            ×
          </button>`
    }`;
}

export function render(host: SurveyHost & { open: boolean }): TemplateResult {
  const escape = (event: KeyboardEvent) => {
    // Escape within the survey only: a slide-in leaves the page's own Escape alone.
    if (event.key === 'Escape' && host.mode !== 'inline') {
      event.preventDefault();
      host.close(true);
    }
  };
  return host.mode === 'modal'
    ? html`<dialog
        part="base"
        class="base"
        aria-labelledby="title"
        @keydown=${escape}
        @cancel=${(event: Event) => (event.preventDefault(), host.close(true))}
      >
        ${host.open ? body(host) : nothing}
      </dialog>`
    : html`<section
        part="base"
        class="base"
        role=${host.mode === 'slide-in' ? 'dialog' : 'region'}
        aria-labelledby="title"
        ?hidden=${!host.open}
        @keydown=${escape}
      >
        ${host.open ? body(host) : nothing}
      </section>`;
}
