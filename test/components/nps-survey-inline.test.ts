// An inline <nps-survey> placed in a page (an order confirmation, an account page) shows itself
// when the rules allow, without trackPurchase() or show(); modal and slide-in wait for a trigger.
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/components/nps-survey/define.js';
import type { NpsShownEvent } from '../../src/components/nps-survey/events.js';
import type { NpsSurvey } from '../../src/components/nps-survey/nps-survey.js';
import { configure } from '../../src/core/index.js';
import { TestApi } from '../helpers/api.js';
import { configureFor, fastNetwork, resetSdk } from '../helpers/sdk.js';

const scoreButtons = (survey: NpsSurvey) => [
  ...survey.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="radio"]'),
];

function place(): NpsSurvey {
  const survey = document.createElement('nps-survey');
  survey.mode = 'inline';
  document.body.append(survey);
  return survey;
}

afterEach(() => {
  document.querySelectorAll('nps-survey').forEach((survey) => survey.remove());
  resetSdk();
});

describe('<nps-survey mode="inline"> on its own', () => {
  it('shows itself in place once configure() runs, and the chosen score reaches the server', async () => {
    const api = new TestApi();
    const customer = await api.customer();
    resetSdk();
    // On the page before the SDK is configured, as with the script tag fetching its token.
    const survey = place();
    const shown = new Promise<NpsShownEvent>((resolve) =>
      survey.addEventListener('nps-shown', resolve, { once: true }),
    );
    configure({ apiBase: api.apiBase, network: fastNetwork, ...customer });
    expect((await shown).detail.mode).to.equal('inline');
    await waitUntil(() => scoreButtons(survey).length === 11, 'the scale never rendered');
    expect(document.querySelectorAll('nps-survey'), 'no modal added').to.have.length(1);
    scoreButtons(survey)[9].click();
    await waitUntil(async () => (await api.feedback()).length === 1, 'the answer never reached the server');
    expect(((await api.feedback()) as { score: number; customerId: string }[])[0]).to.include({
      score: 9,
      customerId: customer.customerId,
    });
  });

  it('shows itself when it appears after configure() (a page an SPA renders later)', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer());
    const survey = place();
    await waitUntil(() => survey.open && scoreButtons(survey).length === 11, 'the inline survey never showed');
  });

  it('stays closed and takes no space when the rules say no', async () => {
    const api = new TestApi();
    const customer = await api.customer();
    const sdk = configureFor(api, customer, { survey: { sampleRate: 0 } });
    const survey = place();
    // The rules' decision is stored with the shopper's survey state: wait for it, not for time.
    const key = `nps-state|${api.apiBase}|${customer.customerId}`;
    await waitUntil(async () => (await sdk.cache.get<{ sample?: object }>(key))?.sample, 'the rules never ran');
    await new Promise((resolve) => setTimeout(resolve));
    await survey.updateComplete;
    expect(survey.open).to.equal(false);
    expect(survey.getBoundingClientRect().height).to.equal(0);
  });
});
