import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/components/nps-survey/define.js';
import type { NpsSurvey } from '../../src/components/nps-survey/nps-survey.js';
import type {
  NpsAnsweredEvent,
  NpsDeliveredEvent,
  NpsDismissedEvent,
  NpsShownEvent,
} from '../../src/components/nps-survey/events.js';
import type { LoyaltyErrorEvent } from '../../src/components/shared/loyalty-error-event.js';
import { getSdk, identify, logout, on } from '../../src/core/index.js';
import { outboxFor } from '../../src/core/outbox/outbox.js';
import { setClock } from '../../src/core/clock.js';
import { TestApi } from '../helpers/api.js';
import { elementSuite } from '../helpers/element-suite.js';
import { closePhoneFrames, engine, itIn, phoneFrame, setViewport } from '../helpers/engine.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';

interface Stored {
  id: string;
  answeredAt: string;
  score: number;
  comment?: string;
  orderId?: string;
  customerId: string | null;
  locale?: string;
  page?: string;
}

const root = (element: HTMLElement) => element.shadowRoot!;
const text = (element: HTMLElement) => root(element).textContent.replace(/\s+/g, ' ').trim();
const part = (element: HTMLElement, name: string) => root(element).querySelector<HTMLElement>(`[part~="${name}"]`);
const scoreButtons = (element: HTMLElement) => [...root(element).querySelectorAll<HTMLButtonElement>('[role="radio"]')];
const focused = (element: HTMLElement) => root(element).activeElement as HTMLElement | null;
const stored = async (api: TestApi) => (await api.feedback()) as Stored[];
const posts = (api: TestApi) => api.requests({ path: '/v1/feedback', method: 'POST' });
const shows = (element: HTMLElement, words: string) =>
  waitUntil(() => text(element).includes(words), `never showed "${words}": ${text(element)}`);

const mounted: HTMLElement[] = [];

/**
 * Renders a small page around the survey. Not `fixture()`: for a plain <div> it waits for an
 * animation frame, which a test page running in the background (concurrency 2) may never get.
 */
function mount(template: TemplateResult): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  mounted.push(host);
  render(template, host);
  return host.firstElementChild as HTMLElement;
}

async function open(template = html`<nps-survey mode="inline"></nps-survey>`, orderId?: string) {
  const element = await fixture<NpsSurvey>(template);
  const survey = element.localName === 'nps-survey' ? element : element.querySelector<NpsSurvey>('nps-survey')!;
  survey.show({ orderId });
  await survey.updateComplete;
  await waitUntil(() => scoreButtons(survey).length === 11, 'the scale never rendered');
  return survey;
}

async function comment(element: NpsSurvey, words: string) {
  await element.updateComplete;
  const field = root(element).querySelector('textarea')!;
  field.value = words;
  part(element, 'send-button')!.click();
  await element.updateComplete;
}

afterEach(async () => {
  mounted.splice(0).forEach((host) => host.remove());
  closePhoneFrames();
  document.querySelectorAll('nps-survey').forEach((survey) => survey.remove());
  await setViewport({ width: 800, height: 600 });
  if (engine === 'chromium') await emulateMedia({ reducedMotion: 'no-preference' });
  resetSdk();
});

describe('<nps-survey>', () => {
  describe('scoring', () => {
    it('keeps a changed score on the server even when the device clock stepped back in between', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer());
      const time = Date.now();
      setClock(() => time);
      const survey = await open();
      scoreButtons(survey)[3].click();
      await waitUntil(async () => (await stored(api))[0]?.score === 3, 'the first score');
      // answeredAt is the time of the latest score.
      setClock(() => time + 5000);
      scoreButtons(survey)[5].click();
      await waitUntil(async () => (await stored(api))[0]?.score === 5, 'the changed score');
      expect((await stored(api))[0].answeredAt).to.equal(new Date(time + 5000).toISOString());
      setClock(() => time - 60_000);
      scoreButtons(survey)[8].click();
      await waitUntil(async () => (await stored(api))[0]?.score === 8, 'the changed score is kept');
      expect(await stored(api)).to.have.length(1);
    });

    it('asks about the shop by the program’s name, with eleven options labelled at both ends', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer());
      const survey = await open();
      await shows(survey, 'How likely are you to recommend Acme Rewards to a friend or colleague?');
      const group = root(survey).querySelector('[role="radiogroup"]')!;
      expect(group.getAttribute('aria-labelledby')).to.equal('title');
      expect(scoreButtons(survey).map((button) => button.textContent.trim())).to.deep.equal([
        '0',
        '1',
        '2',
        '3',
        '4',
        '5',
        '6',
        '7',
        '8',
        '9',
        '10',
      ]);
      expect(text(survey)).to.contain('Not at all likely');
      expect(text(survey)).to.contain('Extremely likely');
      expect(scoreButtons(survey)[0].getAttribute('aria-describedby')).to.equal('low');
      expect(scoreButtons(survey)[10].getAttribute('aria-describedby')).to.equal('high');
    });

    it('uses the configured shop name without loading the program', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer(), { survey: { shopName: 'Cozy Socks' } });
      const survey = await open();
      await shows(survey, 'recommend Cozy Socks to a friend');
      expect(await api.requests({ path: '/v1/program' })).to.have.length(0);
    });

    it('sends the score as soon as it is clicked and fires nps-answered once per chosen score', async () => {
      const api = new TestApi();
      const customer = await api.customer();
      configureFor(api, customer, { locale: 'en-US' });
      const survey = await open(undefined, 'o_1001');
      const answered: NpsAnsweredEvent['detail'][] = [];
      survey.addEventListener('nps-answered', (event) => answered.push(event.detail));
      scoreButtons(survey)[9].click();
      scoreButtons(survey)[9].click();
      await waitUntil(async () => (await stored(api)).length === 1, 'the score never reached the server');
      const [record] = await stored(api);
      expect(record).to.include({ score: 9, orderId: 'o_1001', customerId: customer.customerId, locale: 'en-US' });
      expect(record.page).to.equal(location.origin + location.pathname);
      expect(answered).to.have.length(1);
      expect(answered[0]).to.include({ id: record.id, score: 9, category: 'promoter', orderId: 'o_1001' });
      expect(scoreButtons(survey)[9].getAttribute('aria-checked')).to.equal('true');
    });

    it('moves focus with the arrow keys without sending anything; Enter and Space choose', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer());
      const survey = await open();
      const answered: number[] = [];
      survey.addEventListener('nps-answered', (event) => answered.push(event.detail.score));
      scoreButtons(survey)[0].focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(survey)?.textContent?.trim()).to.equal('3');
      await sendKeys({ press: 'End' });
      expect(focused(survey)?.textContent?.trim()).to.equal('10');
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(survey)?.textContent?.trim(), 'wraps around').to.equal('0');
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'ArrowUp' });
      expect(focused(survey)?.textContent?.trim()).to.equal('10');
      // Only the focused option is in the tab order (roving tabindex).
      expect(scoreButtons(survey).filter((button) => button.tabIndex === 0)).to.have.length(1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(answered, 'arrows alone choose nothing').to.deep.equal([]);
      expect(await posts(api), 'arrows alone send nothing').to.have.length(0);

      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'Enter' });
      expect(answered).to.deep.equal([8]);
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'Space' });
      expect(answered).to.deep.equal([8, 7]);
      await waitUntil(async () => (await stored(api))[0]?.score === 7, 'the changed score never arrived');
      expect(await stored(api), 'a changed score updates the same response').to.have.length(1);
    });

    it('reverses left and right in a right-to-left page', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer());
      const wrapper = mount(html`<div dir="rtl"><nps-survey mode="inline"></nps-survey></div>`);
      const survey = wrapper.querySelector('nps-survey')!;
      survey.show();
      await waitUntil(() => scoreButtons(survey).length === 11);
      scoreButtons(survey)[0].focus();
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(survey)?.textContent?.trim()).to.equal('1');
    });
  });

  describe('follow-up and thank-you', () => {
    const cases = [
      [3, 'What could we do better?'],
      [7, 'What would make it a 10 for you?'],
      [10, 'What do you like most about us?'],
    ] as const;
    for (const [score, words] of cases) {
      it(`asks “${words}” after a ${score}`, async () => {
        const api = new TestApi();
        configureFor(api, await api.customer());
        const survey = await open();
        scoreButtons(survey)[score].click();
        await survey.updateComplete;
        const label = root(survey).querySelector('label[for="comment"]')!;
        expect(label.textContent).to.contain(words);
        await waitUntil(() => root(survey).querySelector('[role="status"]')!.textContent.includes(words));
      });
    }

    it('rewords the follow-up by category when the score changes, and takes overrides', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer(), {
        messages: { en: { 'survey.passive': 'Almost there. What is missing?' } },
      });
      const survey = await open(
        html`<nps-survey mode="inline" detractor-question="Tell us what went wrong"></nps-survey>`,
      );
      scoreButtons(survey)[2].click();
      await shows(survey, 'Tell us what went wrong');
      scoreButtons(survey)[8].click();
      await shows(survey, 'Almost there. What is missing?');
    });

    it('sends the score, then the comment to the same response; one record keeps both', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer());
      const survey = await open();
      scoreButtons(survey)[6].click();
      await waitUntil(async () => (await stored(api)).length === 1);
      await comment(survey, 'Shipping took two weeks');
      await shows(survey, 'Thank you for your feedback!');
      await waitUntil(async () => (await stored(api))[0]?.comment === 'Shipping took two weeks');
      const records = await stored(api);
      expect(records).to.have.length(1);
      expect(records[0]).to.include({ score: 6 });
      const keys = (await posts(api)).map((request) => request.idempotencyKey);
      expect(keys).to.have.length(2);
      expect(new Set(keys).size, 'a fresh Idempotency-Key per request').to.equal(2);
      expect(root(survey).activeElement?.localName, 'focus moves to the thank-you').to.equal('h2');
    });

    it('keeps the thank-you at least 6 seconds, then closes it (clock moved by the test)', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer());
      let time = Date.now();
      setClock(() => time);
      const survey = await open(html`<nps-survey mode="slide-in"></nps-survey>`);
      scoreButtons(survey)[4].click();
      await comment(survey, '');
      await shows(survey, 'Thank you');
      time += 5900;
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(survey.open, 'still open before 6 s').to.equal(true);
      time += 100;
      await waitUntil(() => !survey.open, 'the thank-you never closed');
    });

    it('offers promoters the referral slot and waits for them to close it', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer());
      let time = Date.now();
      setClock(() => time);
      const survey = await open(
        html`<nps-survey mode="slide-in"><a slot="promoter" href="/refer">Give friends $10</a></nps-survey>`,
      );
      const box = part(survey, 'promoter')!;
      expect(box.hidden).to.equal(true);
      scoreButtons(survey)[10].click();
      await comment(survey, 'Love it');
      expect(box.hidden).to.equal(false);
      time += 7000;
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(survey.open, 'a promoter’s offer stays until dismissed').to.equal(true);
      part(survey, 'close-button')!.click();
      expect(survey.open).to.equal(false);
    });

    it('does not offer the promoter slot to a detractor', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer());
      const survey = await open(
        html`<nps-survey mode="inline"><a slot="promoter" href="/refer">Give friends $10</a></nps-survey>`,
      );
      scoreButtons(survey)[5].click();
      await comment(survey, 'Meh');
      expect(part(survey, 'promoter')!.hidden).to.equal(true);
    });
  });

  describe('modes', () => {
    it('builds nothing inside until it opens (most page views never show it), and empties again on close', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer());
      const survey = await fixture<NpsSurvey>(html`<nps-survey mode="slide-in"></nps-survey>`);
      expect(text(survey)).to.equal('');
      expect(scoreButtons(survey)).to.have.length(0);
      survey.show();
      await waitUntil(() => scoreButtons(survey).length === 11, 'the scale renders on show');
      survey.hide();
      await survey.updateComplete;
      expect(scoreButtons(survey)).to.have.length(0);
    });

    it('modal: a native modal dialog that takes focus, keeps the page inert, closes on Escape and returns focus', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer());
      const page = mount(html`<div><button id="opener">Pay</button><nps-survey mode="modal"></nps-survey></div>`);
      const opener = page.querySelector<HTMLButtonElement>('#opener')!;
      const survey = page.querySelector('nps-survey')!;
      opener.focus();
      const shown = oneEvent<NpsShownEvent>(survey, 'nps-shown');
      survey.show({ orderId: 'o_1' });
      expect((await shown).detail).to.deep.equal({ orderId: 'o_1', mode: 'modal' });
      await waitUntil(() => focused(survey)?.getAttribute('role') === 'radio', 'focus never moved into the dialog');
      const dialog = root(survey).querySelector('dialog')!;
      expect(dialog.matches(':modal')).to.equal(true);
      opener.focus();
      expect(document.activeElement, 'the page behind is inert').not.to.equal(opener);
      const dismissed = oneEvent<NpsDismissedEvent>(survey, 'nps-dismissed');
      await sendKeys({ press: 'Escape' });
      expect((await dismissed).detail).to.deep.equal({ id: undefined, score: null });
      await survey.updateComplete;
      expect(dialog.open).to.equal(false);
      expect(document.activeElement).to.equal(opener);
    });

    it('modal: the close button dismisses after a score, which still counts', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer());
      const page = mount(html`<div><button id="opener">Pay</button><nps-survey mode="modal"></nps-survey></div>`);
      const opener = page.querySelector<HTMLButtonElement>('#opener')!;
      opener.focus();
      const survey = page.querySelector('nps-survey')!;
      survey.show();
      await waitUntil(() => scoreButtons(survey).length === 11);
      scoreButtons(survey)[8].click();
      const dismissed = oneEvent<NpsDismissedEvent>(survey, 'nps-dismissed');
      part(survey, 'close-button')!.click();
      expect((await dismissed).detail.score).to.equal(8);
      await survey.updateComplete;
      expect(document.activeElement).to.equal(opener);
      await waitUntil(async () => (await stored(api))[0]?.score === 8, 'the score was lost on close');
    });

    it('slide-in: does not take focus or block the page; Escape only inside it; focus returns', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer());
      const page = mount(html`<div><input aria-label="Search" /><nps-survey mode="slide-in"></nps-survey></div>`);
      const input = page.querySelector('input')!;
      const survey = page.querySelector('nps-survey')!;
      input.focus();
      survey.show();
      await waitUntil(() => scoreButtons(survey).length === 11);
      expect(document.activeElement, 'focus stays in the page').to.equal(input);
      const base = part(survey, 'base')!;
      expect(base.getAttribute('role')).to.equal('dialog');
      expect(getComputedStyle(base).position).to.equal('fixed');
      await waitUntil(() =>
        document.querySelector('[data-loyalty-announcer]')?.textContent?.includes('How likely are you'),
      );
      await sendKeys({ press: 'Escape' });
      expect(survey.open, 'Escape in the page is the page’s').to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(focused(survey)?.getAttribute('role')).to.equal('radio');
      await sendKeys({ press: 'Escape' });
      expect(survey.open).to.equal(false);
      await survey.updateComplete;
      expect(document.activeElement).to.equal(input);
    });

    it('inline: sits in the page flow with no close button, and Escape leaves it open', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer());
      const survey = await open();
      expect(part(survey, 'close-button')).to.equal(null);
      expect(getComputedStyle(part(survey, 'base')!).position).to.equal('relative');
      scoreButtons(survey)[5].focus();
      await sendKeys({ press: 'Escape' });
      expect(survey.open).to.equal(true);
    });

    it('fits a 320 px wide phone with 44 px score targets', async () => {
      const api = new TestApi();
      const phone = await phoneFrame({ width: 320, height: 640 }, { apiBase: api.apiBase, ...(await api.customer()) });
      phone.body.innerHTML = '<nps-survey mode="modal"></nps-survey>';
      const survey = phone.querySelector<NpsSurvey>('nps-survey')!;
      survey.show();
      await waitUntil(() => scoreButtons(survey).length === 11, 'the scale never rendered');
      const box = part(survey, 'base')!.getBoundingClientRect();
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(320);
      for (const button of scoreButtons(survey)) {
        const rect = button.getBoundingClientRect();
        expect(rect.width).to.be.at.least(44);
        expect(rect.height).to.be.at.least(44);
        expect(rect.right).to.be.at.most(box.right);
      }
    });

    it('slides in with motion when the shopper has no motion preference', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer());
      const survey = await open(html`<nps-survey mode="slide-in"></nps-survey>`);
      expect(matchMedia('(prefers-reduced-motion: no-preference)').matches).to.equal(true);
      expect(getComputedStyle(part(survey, 'base')!).animationName).not.to.equal('none');
    });

    itIn(
      ['chromium'],
      'only its driver (CDP) emulates prefers-reduced-motion',
      'respects prefers-reduced-motion',
      async () => {
        const api = new TestApi();
        configureFor(api, await api.customer());
        await emulateMedia({ reducedMotion: 'reduce' });
        const survey = await open(html`<nps-survey mode="slide-in"></nps-survey>`);
        expect(getComputedStyle(part(survey, 'base')!).animationName).to.equal('none');
        await emulateMedia({ reducedMotion: 'no-preference' });
        expect(getComputedStyle(part(survey, 'base')!).animationName).not.to.equal('none');
      },
    );
  });

  describe('guests and delivery', () => {
    it('lets a guest answer after a guest checkout: no token, tied to the order id', async () => {
      const api = new TestApi();
      configureFor(api);
      const survey = await open(undefined, 'o_guest_42');
      scoreButtons(survey)[10].click();
      await comment(survey, 'Smooth checkout');
      await waitUntil(async () => (await stored(api))[0]?.comment === 'Smooth checkout');
      const [record] = await stored(api);
      expect(record).to.include({ score: 10, orderId: 'o_guest_42', customerId: null });
      expect((await posts(api)).every((request) => !request.authorization)).to.equal(true);
    });

    it('keeps a comment written after a sign-out for the shopper who scored, until they are back', async () => {
      const api = new TestApi();
      const customer = await api.customer();
      configureFor(api, customer);
      const survey = await open();
      const errors: unknown[] = [];
      on('loyalty-error', (detail: unknown) => errors.push(detail));
      scoreButtons(survey)[6].click();
      await waitUntil(async () => (await stored(api)).length === 1, 'the score is delivered');
      await logout(); // in another tab, or the shop's own sign-out
      await comment(survey, 'Written after signing out');
      const outbox = getSdk().store('loyalty-widgets-outbox');
      await waitUntil(
        async () =>
          (await outbox.prefixed<{ answer: { comment?: string } }>(api.apiBase)).some(
            ([, item]) => item.answer.comment,
          ),
        'stored first',
      );
      await outboxFor(getSdk()).flush();
      expect(await posts(api), 'not sent as a guest’s (the API would refuse it)').to.have.length(1);
      expect(errors).to.deep.equal([]);

      await identify(customer.customerId, { token: customer.token });
      await waitUntil(async () => (await stored(api))[0].comment === 'Written after signing out', 'delivered');
      expect(await stored(api)).to.have.length(1);
      expect((await stored(api))[0]).to.include({ customerId: customer.customerId, score: 6 });
      expect(errors).to.deep.equal([]);
    });

    it('fires nps-delivered through on() even when the element is gone', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer());
      const survey = await open();
      const delivered = new Promise<{ id: string; category: string }>((resolve) =>
        on('nps-delivered', (detail: { id: string; category: string }) => resolve(detail)),
      );
      scoreButtons(survey)[1].click();
      survey.remove();
      const detail = await delivered;
      expect(detail.category).to.equal('detractor');
      expect((await stored(api))[0].id).to.equal(detail.id);
    });

    it('two surveys on one page: the page and on() hear each event once', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer());
      const types = ['nps-shown', 'nps-answered', 'nps-delivered', 'loyalty-error'] as const;
      const onPage: string[] = [];
      const viaOn: string[] = [];
      const listen = (event: Event) => onPage.push(event.type);
      types.forEach((type) => document.addEventListener(type, listen));
      types.forEach((type) => on(type, () => viaOn.push(type)));
      try {
        const host = mount(
          html`<div><nps-survey mode="slide-in"></nps-survey><nps-survey mode="slide-in"></nps-survey></div>`,
        );
        // The second one shows: the first one connected must not tell its news too.
        const survey = host.querySelectorAll('nps-survey')[1];
        await survey.updateComplete;
        survey.show();
        await waitUntil(() => scoreButtons(survey).length === 11, 'the scale never rendered');
        scoreButtons(survey)[9].click();
        await waitUntil(() => viaOn.includes('nps-delivered'), 'never delivered');
        await api.fault({ path: '/v1/feedback', times: 1, status: 400 });
        await comment(survey, 'refused');
        await waitUntil(() => viaOn.includes('loyalty-error'), 'never refused');
        // An answer from an earlier page, which no survey here took: told once too.
        await outboxFor(getSdk()).add({
          id: crypto.randomUUID(),
          survey: 'nps',
          score: 3,
          answeredAt: new Date().toISOString(),
        });
        await waitUntil(() => viaOn.filter((type) => type === 'nps-delivered').length === 2, 'never delivered');
        const expected = ['nps-shown', 'nps-answered', 'nps-delivered', 'loyalty-error', 'nps-delivered'];
        expect(viaOn, 'on()').to.deep.equal(expected);
        expect(onPage, 'document').to.deep.equal(expected);
      } finally {
        types.forEach((type) => document.removeEventListener(type, listen));
      }
    });

    it('re-dispatches deliveries and refused answers as DOM events while connected', async () => {
      const api = new TestApi();
      configureFor(api, await api.customer());
      const survey = await open();
      const delivered = oneEvent<NpsDeliveredEvent>(survey, 'nps-delivered');
      scoreButtons(survey)[7].click();
      expect((await delivered).detail.category).to.equal('passive');
      await api.fault({ path: '/v1/feedback', times: 1, status: 400 });
      const refused = oneEvent<LoyaltyErrorEvent>(survey, 'loyalty-error');
      await comment(survey, 'refused');
      expect((await refused).detail.error.status).to.equal(400);
    });
  });
});

// Compile-only: the events are typed on every element and on document.
export const typedEvents = (survey: NpsSurvey) => {
  survey.addEventListener('nps-answered', (event) => event.detail.score satisfies number);
  document.addEventListener('nps-dismissed', (event) => event.detail.score satisfies number | null);
  document.addEventListener(
    'nps-delivered',
    (event) => event.detail.category satisfies 'detractor' | 'passive' | 'promoter',
  );
  survey.addEventListener('nps-shown', (event) => event.detail.mode satisfies string);
};

elementSuite({
  tag: 'nps-survey',
  template: () => html`<nps-survey mode="inline" open></nps-survey>`,
  paths: ['/v1/program'],
  isReady: (element) => text(element).includes('recommend Acme Rewards') && scoreButtons(element).length === 11,
  isGuest: (element) => text(element).includes('recommend Acme Rewards'),
  // The survey never blocks feedback on its shop name: the error state is the generic question.
  isError: (element) => text(element).includes('recommend us to a friend') && scoreButtons(element).length === 11,
});
