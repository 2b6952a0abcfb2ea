// The triggers of the program's surveys (headless rules): a named event, a URL pattern, the Nth
// page view, a purchase; sampling, recontact days, the dismissal cool-down, one survey per page
// view. Each "page view" is a new SDK on the same IndexedDB, as after a navigation. The demo
// surveys' delays are rewritten to 0 by the test host, so nothing waits on a timer.
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/components/feedback-survey/define.js';
import type { FeedbackSurvey } from '../../src/components/feedback-survey/feedback-survey.js';
import { configure, getSdk, track, trackPurchase } from '../../src/core/index.js';
import { setClock } from '../../src/core/clock.js';
import { TestApi } from '../helpers/api.js';
import { fastNetwork, resetSdk } from '../helpers/sdk.js';

const surveysShown = () => [...document.querySelectorAll<FeedbackSurvey>('feedback-survey')].filter((s) => s.open);
const opened = (id: string) =>
  waitUntil(() => surveysShown().some((survey) => survey.survey === id), `survey ${id} never opened`, {
    timeout: 4000,
  });

/** The demo surveys with no delay, and `change` applied (by index: post-purchase, delivery, support, on-site). */
async function surveysFor(api: TestApi, set: Record<string, unknown> = {}) {
  await api.fault({
    path: '/v1/surveys',
    method: 'GET',
    times: 100,
    rewrite: {
      set: {
        'surveys.*.trigger.delayMs': 0,
        'surveys.3.sampling': 1,
        ...set,
      },
    },
  });
}

/** A new page: a fresh SDK configured for the surveys, and nothing of the last page's survey left. */
function pageView(api: TestApi) {
  document.querySelectorAll('feedback-survey').forEach((survey) => survey.remove());
  resetSdk();
  configure({ apiBase: api.apiBase, network: fastNetwork, survey: { programSurveys: true } });
  return getSdk();
}

/** Lets a page's triggers run to the end (the rules read IndexedDB); a survey that would open has by then. */
const settled = async (api: TestApi) => {
  await waitUntil(async () => (await api.requests({ path: '/v1/surveys' })).length > 0, 'surveys never asked');
  await new Promise((resolve) => setTimeout(resolve, 300));
};

const url = location.pathname + location.search;

afterEach(() => {
  document.querySelectorAll('feedback-survey').forEach((survey) => survey.remove());
  history.replaceState(null, '', url);
  resetSdk();
});

describe('program survey triggers', () => {
  it("opens the CES survey on track('support-viewed'), not on another event name", async () => {
    const api = new TestApi();
    await surveysFor(api);
    pageView(api);
    await track('support-browsed');
    await settled(api);
    expect(surveysShown()).to.have.length(0);
    await track('support-viewed');
    await opened('support');
  });

  it('opens the CSAT survey on a page whose path matches its pattern', async () => {
    const api = new TestApi();
    await surveysFor(api);
    pageView(api);
    await settled(api);
    expect(surveysShown()).to.have.length(0);
    history.replaceState(null, '', '/account/orders/1094/delivered');
    pageView(api);
    await opened('delivery');
  });

  it('opens the on-site survey at the third page view of a visit', async () => {
    const api = new TestApi();
    await surveysFor(api);
    pageView(api);
    await settled(api);
    pageView(api);
    await settled(api);
    expect(surveysShown()).to.have.length(0);
    pageView(api);
    await opened('on-site');
  });

  it('opens the post-purchase survey after trackPurchase', async () => {
    const api = new TestApi();
    await surveysFor(api);
    pageView(api);
    await trackPurchase({ orderId: 'o-1' });
    await opened('post-purchase');
  });

  it('never asks a shopper sampled out (sampling 0)', async () => {
    const api = new TestApi();
    await surveysFor(api, { 'surveys.2.sampling': 0 });
    pageView(api);
    await track('support-viewed');
    await settled(api);
    expect(surveysShown()).to.have.length(0);
  });

  it('does not ask again within the recontact days of an answer', async () => {
    const api = new TestApi();
    await surveysFor(api);
    pageView(api);
    await track('support-viewed');
    await opened('support');
    const root = surveysShown()[0].shadowRoot!;
    const step = async () => {
      root.querySelector<HTMLButtonElement>('[role="radio"]')!.click();
      await surveysShown()[0].updateComplete;
      root.querySelector<HTMLButtonElement>('[part="next-button"]')!.click();
      await surveysShown()[0].updateComplete;
    };
    await step();
    await step();
    await waitUntil(
      async () => (await api.feedback()).some((r) => (r as { completed: boolean }).completed),
      'completed',
    );
    pageView(api);
    await track('support-viewed');
    await settled(api);
    expect(surveysShown()).to.have.length(0);
  });

  it('waits out the cool-down after a dismissal', async () => {
    const api = new TestApi();
    await surveysFor(api);
    pageView(api);
    await track('support-viewed');
    await opened('support');
    surveysShown()[0].shadowRoot!.querySelector<HTMLButtonElement>('[part="close-button"]')!.click();
    pageView(api);
    await track('support-viewed');
    await settled(api);
    expect(surveysShown()).to.have.length(0);
  });

  it('shows one survey per page view, whatever else triggers', async () => {
    const api = new TestApi();
    await surveysFor(api);
    pageView(api);
    await track('support-viewed');
    await opened('support');
    surveysShown()[0].hide();
    await trackPurchase({ orderId: 'o-2' });
    await settled(api);
    expect(surveysShown()).to.have.length(0);
  });

  it('brings back a survey left mid-way on the next page, at the same question, and nothing else', async () => {
    const api = new TestApi();
    await surveysFor(api);
    history.replaceState(null, '', '/account/orders/1094/delivered');
    pageView(api);
    await opened('delivery');
    const first = surveysShown()[0];
    first.shadowRoot!.querySelector<HTMLButtonElement>('[role="radio"]')!.click();
    await waitUntil(async () => (await api.feedback()).length === 1, 'the first answer was never stored');
    first.shadowRoot!.querySelector<HTMLButtonElement>('[part="next-button"]')!.click();
    await waitUntil(() => first.shadowRoot!.textContent.includes('What went wrong?'), 'the follow-up');
    history.replaceState(null, '', '/somewhere-else');
    pageView(api);
    await opened('delivery');
    const again = surveysShown()[0];
    await waitUntil(() => again.shadowRoot!.textContent.includes('What went wrong?'), 'resumed at the follow-up');
    await track('support-viewed');
    await settled(api);
    expect(surveysShown().map((survey) => survey.survey)).to.deep.equal(['delivery']);
  });

  it('still opens on the next page when the shopper navigates during the delay', async () => {
    const api = new TestApi();
    await surveysFor(api, { 'surveys.2.trigger.delayMs': 600_000 });
    pageView(api);
    await track('support-viewed');
    await settled(api);
    expect(surveysShown()).to.have.length(0);
    // The next page, past the delay: the stored trigger fires there.
    pageView(api);
    setClock(() => Date.now() + 600_001);
    await opened('support');
  });
});
