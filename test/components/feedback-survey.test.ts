// <feedback-survey>: the demo program's surveys from GET /v1/surveys, every question type by
// keyboard, answers stored on the reference API question by question, resumed after a reload.
import { expect, waitUntil } from '@open-wc/testing';
import { render, html, type TemplateResult } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/feedback-survey/define.js';
import type { FeedbackSurvey } from '../../src/components/feedback-survey/feedback-survey.js';
import type { FeedbackCompletedEvent, FeedbackShownEvent } from '../../src/components/feedback-survey/events.js';
import type { LoyaltyErrorEvent } from '../../src/components/shared/loyalty-error-event.js';
import { on } from '../../src/core/index.js';
import { TestApi } from '../helpers/api.js';
import { closePhoneFrames, phoneFrame, setViewport } from '../helpers/engine.js';
import { pwnedFlag } from '../helpers/hostile.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';

interface Stored {
  id: string;
  survey: string;
  answers: Record<string, unknown>;
  completed: boolean;
  customerId: string | null;
  locale?: string;
}

const root = (element: HTMLElement) => element.shadowRoot!;
const text = (element: HTMLElement) => root(element).textContent.replace(/\s+/g, ' ').trim();
const radios = (element: HTMLElement) => [...root(element).querySelectorAll<HTMLButtonElement>('[role="radio"]')];
const focused = (element: HTMLElement) => root(element).activeElement as HTMLElement | null;
const nextButton = (element: HTMLElement) => root(element).querySelector<HTMLButtonElement>('[part="next-button"]')!;
const stored = async (api: TestApi) => (await api.feedback()) as Stored[];
const shows = (element: HTMLElement, words: string) =>
  waitUntil(() => text(element).includes(words), `never showed "${words}": ${text(element)}`);
const storedAs = (api: TestApi, check: (record: Stored) => boolean, what: string) =>
  waitUntil(async () => (await stored(api)).some(check), `the server never stored ${what}`, { timeout: 5000 });

const mounted: HTMLElement[] = [];

/** A page with the survey (not `fixture()`, which may wait for a frame a background page never gets). */
function mount(template: TemplateResult): FeedbackSurvey {
  const host = document.createElement('div');
  document.body.append(host);
  mounted.push(host);
  render(template, host);
  return host.querySelector('feedback-survey')!;
}

async function open(survey: string, mode = 'inline', lang?: string): Promise<FeedbackSurvey> {
  const element = mount(html`<feedback-survey survey=${survey} mode=${mode} lang=${lang ?? 'en'}></feedback-survey>`);
  await element.show();
  await waitUntil(() => element.open && root(element).querySelector('h2'), 'the survey never opened');
  await element.updateComplete;
  return element;
}

/** Axe reads colours: the opening animation (a fade) must have ended. */
async function accessible(element: FeedbackSurvey) {
  const base = root(element).querySelector<HTMLElement>('[part="base"]')!;
  await Promise.all(base.getAnimations().map((animation) => animation.finished));
  await expect(element).to.be.accessible();
}

/** Focuses the first radio of the question, as Tab would. */
async function focusGroup(element: FeedbackSurvey) {
  radios(element)
    .find((radio) => radio.tabIndex === 0)!
    .focus();
  await element.updateComplete;
}

afterEach(async () => {
  mounted.splice(0).forEach((host) => host.remove());
  closePhoneFrames();
  document.querySelectorAll('feedback-survey').forEach((survey) => survey.remove());
  await setViewport({ width: 800, height: 600 });
  resetSdk();
});

describe('<feedback-survey>', () => {
  it('CSAT as stars by keyboard: arrows choose nothing, Enter chooses and sends; a low rating asks what went wrong', async () => {
    const api = new TestApi();
    const customer = await api.customer();
    configureFor(api, customer);
    const survey = await open('delivery');
    await shows(survey, 'How satisfied are you with your delivery?');
    const group = root(survey).querySelector('[role="radiogroup"]')!;
    expect(group.getAttribute('aria-labelledby')).to.equal('question');
    expect(radios(survey).map((radio) => radio.getAttribute('aria-label'))).to.deep.equal([
      '1 star',
      '2 stars',
      '3 stars',
      '4 stars',
      '5 stars',
    ]);
    await focusGroup(survey);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowLeft' });
    await survey.updateComplete;
    expect(focused(survey)?.getAttribute('aria-label')).to.equal('2 stars');
    expect(radios(survey).filter((radio) => radio.getAttribute('aria-checked') === 'true')).to.have.length(0);
    expect(await stored(api)).to.deep.equal([]);
    await sendKeys({ press: 'Enter' });
    await survey.updateComplete;
    expect(radios(survey)[1].getAttribute('aria-checked')).to.equal('true');
    await storedAs(api, (r) => r.answers.satisfied === 2 && !r.completed, 'the rating, not yet complete');
    // The follow-up for a low rating, a single choice, by keyboard too.
    nextButton(survey).click();
    await shows(survey, 'What went wrong?');
    await shows(survey, 'Question 2 of 2');
    await waitUntil(() => focused(survey)?.textContent?.includes('It arrived late'), 'focus on the first choice');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    await survey.updateComplete;
    nextButton(survey).click();
    await shows(survey, 'Thank you for your feedback!');
    await storedAs(api, (r) => r.completed, 'the completed response');
    const [record] = await stored(api);
    expect(record).to.include({ survey: 'delivery', customerId: customer.customerId, completed: true });
    expect(record.answers).to.deep.equal({ satisfied: 2, problem: 'damaged' });
    expect(await stored(api)).to.have.length(1);
  });

  it('skips a follow-up whose condition the answer does not meet (5 stars: one question)', async () => {
    const api = new TestApi();
    configureFor(api);
    const survey = await open('delivery');
    radios(survey)[4].click();
    await survey.updateComplete;
    expect(text(survey)).to.include('Send');
    nextButton(survey).click();
    await shows(survey, 'Thank you');
    await storedAs(api, (r) => r.completed && r.answers.satisfied === 5 && r.customerId === null, 'a guest response');
  });

  it('CES 1–7 and thumbs, labelled at the ends, with events for each answer and the end', async () => {
    const api = new TestApi();
    configureFor(api);
    const answered: unknown[] = [];
    const offs = [on('feedback-answered', (detail) => answered.push([detail.question, detail.value]))];
    const survey = await open('support');
    expect(radios(survey).map((radio) => radio.textContent.trim())).to.deep.equal(['1', '2', '3', '4', '5', '6', '7']);
    expect(radios(survey)[0].getAttribute('aria-describedby')).to.equal('low');
    expect(root(survey).getElementById('low')!.textContent).to.equal('Very difficult');
    await focusGroup(survey);
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Enter' });
    await survey.updateComplete;
    nextButton(survey).click();
    await shows(survey, 'Did this page answer your question?');
    expect(radios(survey).map((radio) => radio.getAttribute('aria-label'))).to.deep.equal(['Yes', 'No']);
    const completed = new Promise<FeedbackCompletedEvent>((resolve) =>
      survey.addEventListener('feedback-completed', resolve, { once: true }),
    );
    radios(survey)[1].click();
    await survey.updateComplete;
    nextButton(survey).click();
    expect((await completed).detail.answers).to.deep.equal({ effort: 7, helpful: 'down' });
    expect(answered).to.deep.equal([
      ['effort', 7],
      ['helpful', 'down'],
    ]);
    await storedAs(api, (r) => r.completed && r.answers.helpful === 'down', 'thumbs down');
    offs.forEach((off) => off());
  });

  it('multiple choice with Other and its text, then open text with its limit shown', async () => {
    const api = new TestApi();
    configureFor(api);
    const survey = await open('on-site');
    const boxes = () => [...root(survey).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes().map((box) => box.parentElement!.textContent.trim())).to.deep.equal([
      'A gift',
      'Just browsing',
      'Spending my points',
      'Other',
    ]);
    const other = root(survey).querySelector<HTMLInputElement>('input.other')!;
    expect(other.hidden).to.equal(true);
    boxes()[0].focus();
    await sendKeys({ press: 'Space' });
    boxes()[3].focus();
    await sendKeys({ press: 'Space' });
    await survey.updateComplete;
    expect(other.hidden).to.equal(false);
    other.focus();
    await sendKeys({ type: 'A café' });
    nextButton(survey).click();
    await shows(survey, 'Is anything missing from our shop?');
    await shows(survey, 'At most 280 characters.');
    await shows(survey, '280 characters left');
    const field = root(survey).querySelector('textarea')!;
    expect(field.maxLength).to.equal(280);
    field.focus();
    await sendKeys({ type: 'Gift cards' });
    await shows(survey, '270 characters left');
    nextButton(survey).click();
    await storedAs(api, (r) => r.completed, 'the completed response');
    expect((await stored(api))[0].answers).to.deep.equal({
      'came-for': { choices: ['gift', 'other'], other: 'A café' },
      missing: 'Gift cards',
    });
  });

  it('NPS with a follow-up per category: a promoter is asked what they like', async () => {
    const api = new TestApi();
    configureFor(api);
    const survey = await open('post-purchase');
    expect(radios(survey)).to.have.length(11);
    radios(survey)[9].click();
    await survey.updateComplete;
    nextButton(survey).click();
    await shows(survey, 'What do you like most?');
    expect(text(survey)).not.to.include('What should we do better?');
  });

  it('resumes after a reload mid-survey at the next question, the same response on the server', async () => {
    const api = new TestApi();
    const customer = await api.customer();
    configureFor(api, customer);
    const first = await open('delivery', 'modal');
    radios(first)[0].click();
    await first.updateComplete;
    nextButton(first).click();
    await shows(first, 'What went wrong?');
    await storedAs(api, (r) => r.answers.satisfied === 1, 'the first answer');
    // A reload: the page and its SDK are gone; the IndexedDB store stays.
    mounted.splice(0).forEach((host) => host.remove());
    configureFor(api, customer);
    const shown = new Promise<FeedbackShownEvent>((resolve) =>
      document.addEventListener('feedback-shown', resolve as EventListener, { once: true }),
    );
    const again = mount(html`<feedback-survey survey="delivery"></feedback-survey>`);
    expect((await shown).detail.resumed).to.equal(true);
    await shows(again, 'What went wrong?');
    radios(again)[2].click();
    await again.updateComplete;
    nextButton(again).click();
    await storedAs(api, (r) => r.completed, 'the completed response');
    const records = await stored(api);
    expect(records).to.have.length(1);
    expect(records[0].answers).to.deep.equal({ satisfied: 1, problem: 'wrong' });
  });

  it('delivers an answer once through a 503', async () => {
    const api = new TestApi();
    configureFor(api);
    await api.fault({ path: '/v1/feedback', method: 'POST', status: 503, times: 1 });
    const survey = await open('support');
    radios(survey)[3].click();
    // The outbox tries again after its first backoff (2 s).
    await waitUntil(async () => (await stored(api)).some((r) => r.answers.effort === 4), 'the answer after the 503', {
      timeout: 10_000,
    });
    expect(await api.requests({ path: '/v1/feedback', method: 'POST' })).to.have.length(2);
    expect(await stored(api)).to.have.length(1);
  });

  it('keeps the answers while offline and delivers them once, completed, when back online', async () => {
    const api = new TestApi();
    const customer = await api.customer();
    configureFor(api, customer);
    const survey = await open('delivery');
    // Offline: the browser's fetch fails before any request leaves (only the failure is faked).
    const realFetch = window.fetch;
    const tried: string[] = [];
    window.fetch = async (input: RequestInfo | URL) => {
      if (input instanceof Request) tried.push(await input.clone().text());
      throw new TypeError('Failed to fetch');
    };
    try {
      radios(survey)[0].click();
      await survey.updateComplete;
      nextButton(survey).click();
      await shows(survey, 'What went wrong?');
      radios(survey)[2].click();
      await survey.updateComplete;
      nextButton(survey).click();
      await shows(survey, 'Thank you for your feedback!');
      await waitUntil(
        () => tried.some((body) => body.includes('"completed":true')),
        'the completed response never tried',
      );
    } finally {
      window.fetch = realFetch;
    }
    expect(await api.requests({ path: '/v1/feedback', method: 'POST' })).to.have.length(0);
    dispatchEvent(new Event('online'));
    // The outbox tries again once back online, after its first backoff (2 s).
    await storedAs(api, (r) => r.completed, 'the completed response after going online');
    const records = await stored(api);
    expect(records).to.have.length(1);
    expect(records[0]).to.include({ survey: 'delivery', customerId: customer.customerId, completed: true });
    expect(records[0].answers).to.deep.equal({ satisfied: 1, problem: 'wrong' });
  });

  it('shows the definition the API changed between visits, not the one the browser cached', async () => {
    const api = new TestApi();
    configureFor(api);
    const first = await open('delivery');
    await shows(first, 'How satisfied are you with your delivery?');
    // The next visit: the merchant reworded the first question and added a choice.
    mounted.splice(0).forEach((host) => host.remove());
    await api.fault({
      path: '/v1/surveys',
      method: 'GET',
      times: 5,
      rewrite: {
        set: {
          'surveys.1.questions.0.text': 'How happy are you with your delivery?',
          'surveys.1.questions.1.choices.3': { id: 'missing', text: 'Something was missing' },
        },
      },
    });
    configureFor(api);
    const again = await open('delivery');
    await shows(again, 'How happy are you with your delivery?');
    radios(again)[0].click();
    await again.updateComplete;
    nextButton(again).click();
    await shows(again, 'Something was missing');
  });

  it('renders hostile text from the API as text', async () => {
    const api = new TestApi();
    configureFor(api);
    const attack = `<img src=x onerror="window.${pwnedFlag}=1">`;
    await api.fault({
      path: '/v1/surveys',
      method: 'GET',
      times: 5,
      rewrite: { set: { 'surveys.1.questions.0.text': attack, 'surveys.1.title': '<b>bold</b>' } },
    });
    const survey = await open('delivery');
    await shows(survey, attack);
    expect(text(survey)).to.include('<b>bold</b>');
    expect(root(survey).querySelector('img, b')).to.equal(null);
    expect((window as unknown as Record<string, unknown>)[pwnedFlag]).to.equal(undefined);
  });

  it('fires feedback-delivered on the element and through on() once the server stored the response', async () => {
    const api = new TestApi();
    configureFor(api);
    const heard: unknown[] = [];
    const off = on('feedback-delivered', (detail) => heard.push(detail));
    const survey = await open('support');
    const delivered = new Promise<Event & { detail: { completed: boolean } }>((resolve) =>
      survey.addEventListener('feedback-delivered', resolve, { once: true }),
    );
    radios(survey)[0].click();
    const event = await delivered;
    expect(event.detail.completed).to.equal(false);
    expect(heard).to.deep.equal([event.detail]);
    expect((await stored(api))[0].answers).to.deep.equal({ effort: 1 });
    off();
  });

  it('shows itself inline when the rules allow', async () => {
    const api = new TestApi();
    configureFor(api);
    const survey = mount(html`<feedback-survey survey="support" mode="inline"></feedback-survey>`);
    await shows(survey, 'How easy was it to find the help you needed?');
  });

  it('is accessible in the dark theme', async () => {
    const api = new TestApi();
    configureFor(api);
    const survey = mount(html`<feedback-survey survey="on-site" mode="inline" theme="dark"></feedback-survey>`);
    await survey.show();
    await shows(survey, 'What brought you here today?');
    await accessible(survey);
  });

  it('reports an unknown survey with loyalty-error and shows nothing', async () => {
    const api = new TestApi();
    configureFor(api);
    const survey = mount(html`<feedback-survey survey="gone"></feedback-survey>`);
    const failed = new Promise<LoyaltyErrorEvent>((resolve) =>
      survey.addEventListener('loyalty-error', resolve, { once: true }),
    );
    void survey.show();
    expect((await failed).detail.error.message).to.include('gone');
    expect(survey.open).to.equal(false);
  });

  it('speaks Spanish, German and Turkish: the API’s questions and its own words', async () => {
    const api = new TestApi();
    configureFor(api, undefined, { locale: 'es' });
    const es = await open('delivery', 'inline', 'es');
    await shows(es, '¿Qué tan satisfecho estás con tu entrega?');
    expect(radios(es)[0].getAttribute('aria-label')).to.equal('1 estrella');
    es.remove();
    for (const [lang, word, star] of [
      ['de', 'Senden', '2 Sterne'],
      ['tr', 'Gönder', '2 yıldız'],
    ]) {
      const survey = await open('delivery', 'inline', lang);
      expect(nextButton(survey).textContent.trim()).to.equal(word);
      expect(radios(survey)[1].getAttribute('aria-label')).to.equal(star);
      survey.remove();
    }
  });

  describe('accessibility', () => {
    for (const mode of ['modal', 'slide-in', 'inline']) {
      it(`is accessible in every state (${mode})`, async () => {
        const api = new TestApi();
        configureFor(api);
        const survey = await open('delivery', mode);
        await accessible(survey);
        radios(survey)[0].click();
        await survey.updateComplete;
        nextButton(survey).click();
        await shows(survey, 'What went wrong?');
        await accessible(survey);
        nextButton(survey).click();
        await shows(survey, 'Thank you');
        await accessible(survey);
      });
    }

    it('is accessible with faces, choices, Other and open text, right to left', async () => {
      const api = new TestApi();
      configureFor(api);
      await api.fault({
        path: '/v1/surveys',
        method: 'GET',
        times: 5,
        rewrite: { set: { 'surveys.1.questions.0.display': 'faces' } },
      });
      document.documentElement.dir = 'rtl';
      try {
        const survey = await open('delivery');
        expect(radios(survey)[4].getAttribute('aria-label')).to.equal('Very satisfied');
        await focusGroup(survey);
        // Right to left, the left arrow moves forward.
        await sendKeys({ press: 'ArrowLeft' });
        await survey.updateComplete;
        expect(focused(survey)?.getAttribute('aria-label')).to.equal('Unsatisfied');
        await accessible(survey);
        const onSite = await open('on-site');
        root(onSite).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[3].click();
        await onSite.updateComplete;
        await accessible(onSite);
        nextButton(onSite).click();
        await shows(onSite, 'characters left');
        await accessible(onSite);
      } finally {
        document.documentElement.dir = '';
      }
    });

    it('fits a 320 px phone: eleven NPS options and the buttons without a horizontal scroll', async () => {
      const api = new TestApi();
      const phone = await phoneFrame({ width: 320, height: 640 }, { apiBase: api.apiBase });
      phone.body.innerHTML = '<feedback-survey survey="post-purchase" mode="modal"></feedback-survey>';
      const survey = phone.querySelector<FeedbackSurvey>('feedback-survey')!;
      await survey.show();
      await waitUntil(() => radios(survey).length === 11, 'the scale never rendered');
      const box = root(survey).querySelector('[part="base"]')!.getBoundingClientRect();
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(320);
      for (const radio of radios(survey)) {
        const rect = radio.getBoundingClientRect();
        expect(rect.width).to.be.at.least(36);
        expect(rect.right).to.be.at.most(320);
      }
    });
  });
});
