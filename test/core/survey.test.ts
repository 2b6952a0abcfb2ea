import { expect, waitUntil } from '@open-wc/testing';
import '../../src/components/nps-survey/define.js';
import type { NpsSurvey } from '../../src/components/nps-survey/nps-survey.js';
import { getSdk, identify, logout, on, showSurvey, trackPurchase, type LoyaltyError } from '../../src/core/index.js';
import { unconfirmedCustomer } from '../../src/core/identity.js';
import { setClock } from '../../src/core/clock.js';
import type { SurveyOptions } from '../../src/core/config.js';
import { recordAnswer, recordClose } from '../../src/core/survey/show.js';
import { TestApi } from '../helpers/api.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';
import { heard, messages, navigate, openTab, uniqueName } from '../fixtures/nps-frames.js';

const day = 86_400_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const surveys = () => [...document.querySelectorAll('nps-survey')];
const clearSurveys = () => surveys().forEach((survey) => survey.remove());

/** A new page view (a new SDK instance on the same storage), at `time` on the test's clock. */
function visit(api: TestApi, customer?: { customerId: string; token: string }, survey: SurveyOptions = {}, time = 0) {
  clearSurveys();
  const sdk = configureFor(api, customer, { survey: { delay: 0, ...survey } });
  const start = Date.now();
  setClock(() => start + time);
  return sdk;
}

/** Answers the survey that is showing, through the SDK calls the element makes. */
const answer = () =>
  recordAnswer(getSdk(), { id: crypto.randomUUID(), survey: 'nps', score: 8, answeredAt: new Date().toISOString() });

afterEach(() => {
  clearSurveys();
  resetSdk();
});

describe('survey triggers and eligibility', () => {
  describe('trackPurchase() and the loyalty-purchase event', () => {
    it('opens the survey after the delay, adding a modal <nps-survey> when the page has none', async () => {
      const api = new TestApi();
      visit(api, await api.customer(), { delay: 300 });
      const shown = new Promise<{ orderId?: string }>((resolve) => on('nps-shown', resolve));
      await trackPurchase({ orderId: 'o_100', total: { amount: 4990, currency: 'USD' } });
      await sleep(100);
      expect(surveys(), 'not before the delay').to.have.length(0);
      expect((await shown).orderId).to.equal('o_100');
      const [survey] = surveys();
      expect(survey.mode).to.equal('modal');
      expect(survey.open).to.equal(true);
    });

    it('uses the <nps-survey> already on the page', async () => {
      const api = new TestApi();
      visit(api, await api.customer());
      const own = document.createElement('nps-survey');
      own.mode = 'slide-in';
      document.body.append(own);
      await trackPurchase({ orderId: 'o_101' });
      await waitUntil(() => own.open, 'the page’s survey never opened');
      expect(surveys()).to.have.length(1);
    });

    it('listens for the loyalty-purchase DOM event, and reports a bad one as loyalty-error', async () => {
      const api = new TestApi();
      visit(api, await api.customer());
      const errors: LoyaltyError[] = [];
      on('loyalty-error', ({ error }: { error: LoyaltyError }) => errors.push(error));
      document.dispatchEvent(new CustomEvent('loyalty-purchase', { detail: {} }));
      await waitUntil(() => errors.length === 1);
      expect(errors[0].code).to.equal('config');
      document.dispatchEvent(new CustomEvent('loyalty-purchase', { detail: { orderId: 'o_102' } }));
      await waitUntil(() => (surveys()[0] as NpsSurvey | undefined)?.open, 'never opened');
    });

    it('refuses a call before configure() or without an order id', async () => {
      resetSdk();
      const early = await trackPurchase({ orderId: 'o_1' }).catch((error: LoyaltyError) => error);
      expect((early as LoyaltyError).code).to.equal('config');
      visit(new TestApi());
      const missing = await trackPurchase({} as never).catch((error: LoyaltyError) => error);
      expect((missing as LoyaltyError).message).to.contain('orderId');
    });

    it('works from the script tag alone: queued calls, the global API, the element loaded by the autoloader', async () => {
      const api = new TestApi();
      const name = uniqueName('cdn');
      const frame = document.createElement('iframe');
      frame.title = 'script-tag page';
      frame.src = `/test/fixtures/nps-cdn.html?${new URLSearchParams({ name, apiBase: api.apiBase, orderId: 'o_cdn' })}`;
      document.body.append(frame);
      await waitUntil(() => heard(name, 'nps-shown'), 'the survey never opened', { timeout: 8000 });
      const ready = messages.find((m) => m.tab === name && m.event === 'ready')!;
      expect(ready.detail).to.have.members(['trackPurchase', 'showSurvey']);
      const shown = messages.find((m) => m.tab === name && m.event === 'nps-shown')!;
      expect(shown.detail).to.deep.equal({ orderId: 'o_cdn', mode: 'modal' });
      expect((shown as { defined?: boolean }).defined).to.equal(true);
      const survey = frame.contentDocument!.querySelector('nps-survey')!;
      expect(survey.getAttribute('mode')).to.equal('modal');
      frame.remove();
    });

    it('survives the navigation from checkout to the thank-you page', async () => {
      const api = new TestApi();
      const customer = await api.customer();
      const checkout = uniqueName('checkout');
      const thanks = uniqueName('thanks');
      const frame = openTab(checkout, { apiBase: api.apiBase, ...customer, delay: '800' });
      await waitUntil(() => heard(checkout, 'ready'), 'checkout never loaded', { timeout: 5000 });
      frame.contentWindow!.postMessage({ track: 'o_nav' }, '*');
      await waitUntil(() => heard(checkout, 'tracked'), 'never tracked');
      navigate(frame, thanks, { apiBase: api.apiBase, ...customer });
      await waitUntil(() => heard(thanks, 'nps-shown'), 'the thank-you page never showed the survey', {
        timeout: 5000,
      });
      const shown = messages.find((m) => m.tab === thanks && m.event === 'nps-shown')!;
      expect(shown.detail).to.deep.equal({ orderId: 'o_nav', mode: 'modal' });
      expect(heard(checkout, 'nps-shown'), 'the checkout page had gone').to.equal(false);
      frame.remove();
    });

    it('keeps a pending purchase to its shopper: another who signs in meanwhile is not asked about it', async () => {
      const api = new TestApi();
      const [ada, bob] = [await api.customer(), await api.customer()];
      visit(api, ada, { delay: 300 });
      const askedWhom: (string | null)[] = [];
      on('nps-shown', () => askedWhom.push(getSdk().customerId));
      await trackPurchase({ orderId: 'o_ada' });
      // A shared computer: Bob signs in before Ada's survey is due, and stays past it.
      await identify(bob.customerId, { token: bob.token });
      await sleep(800);
      expect(askedWhom, 'Bob was asked about Ada’s order').to.deep.equal([]);
      // Ada back within the 30 minutes: her survey is still hers.
      await identify(ada.customerId, { token: ada.token });
      await waitUntil(() => askedWhom.length, 'Ada’s survey never opened');
      expect(askedWhom).to.deep.equal([ada.customerId]);
    });

    it("keeps no purchase for a placeholder shopper: a later page's shopper is not asked about it", async () => {
      const api = new TestApi();
      const bob = await api.customer();
      const failing = async (): Promise<string> => {
        throw new TypeError('Failed to fetch');
      };
      // The token URL failed and the page named nobody: whose purchase this is cannot be known.
      configureFor(api, undefined, { customerId: unconfirmedCustomer, tokenProvider: failing, survey: { delay: 300 } });
      await trackPurchase({ orderId: 'o_unknown' });
      // The page goes away before the survey is due (its timer with it).
      await logout();

      // The next page on a shared device: nobody named again, and the token that comes is Bob's.
      const askedWhom: (string | null)[] = [];
      configureFor(api, undefined, {
        customerId: unconfirmedCustomer,
        tokenProvider: async () => bob.token,
        survey: { delay: 0 },
      });
      on('nps-shown', () => askedWhom.push(getSdk().customerId));
      await sleep(800);
      expect(askedWhom, 'Bob was asked about a purchase that may not be his').to.deep.equal([]);
    });

    it('forgets a pending trigger after 30 minutes', async () => {
      const api = new TestApi();
      const customer = await api.customer();
      const checkout = uniqueName('checkout');
      const later = uniqueName('later');
      const frame = openTab(checkout, { apiBase: api.apiBase, ...customer, delay: String(60_000) });
      await waitUntil(() => heard(checkout, 'ready'), 'checkout never loaded', { timeout: 5000 });
      frame.contentWindow!.postMessage({ track: 'o_old' }, '*');
      await waitUntil(() => heard(checkout, 'tracked'));
      // The next page opens 31 minutes later (its clock moved ahead).
      navigate(frame, later, { apiBase: api.apiBase, ...customer, clockOffset: String(31 * 60_000) });
      await waitUntil(() => heard(later, 'ready'), 'the next page never loaded', { timeout: 5000 });
      await sleep(500);
      expect(heard(later, 'nps-shown')).to.equal(false);
      frame.remove();
    });
  });

  describe('rules', () => {
    it('asks again only after recontactDays (90) from an answer', async () => {
      const api = new TestApi();
      const customer = await api.customer();
      visit(api, customer);
      expect(await showSurvey('nps', { orderId: 'o_1' })).to.equal(true);
      await answer();
      visit(api, customer, {}, 89 * day);
      expect(await showSurvey('nps', { orderId: 'o_2' })).to.equal(false);
      visit(api, customer, {}, 90 * day);
      expect(await showSurvey('nps', { orderId: 'o_3' })).to.equal(true);
    });

    it('waits dismissCooldownDays (14) after a dismissal by the shopper', async () => {
      const api = new TestApi();
      const customer = await api.customer();
      const sdk = visit(api, customer);
      expect(await showSurvey('nps', { orderId: 'o_1' })).to.equal(true);
      // Dismissed through the element's close button.
      const survey = surveys()[0];
      await survey.updateComplete;
      survey.shadowRoot!.querySelector<HTMLElement>('[part~="close-button"]')!.click();
      const key = `nps-state|${api.apiBase}|${customer.customerId}`;
      await waitUntil(async () => (await sdk.cache.get<{ dismissals: number[] }>(key))?.dismissals.length === 1);
      visit(api, customer, {}, 13 * day);
      expect(await showSurvey('nps', { orderId: 'o_2' })).to.equal(false);
      visit(api, customer, {}, 14 * day);
      expect(await showSurvey('nps', { orderId: 'o_3' })).to.equal(true);
    });

    it('gives up after maxDismissals (3) until the next recontact window', async () => {
      const api = new TestApi();
      const customer = await api.customer();
      for (const [index, time] of [0, 15, 30].entries()) {
        visit(api, customer, {}, time * day);
        expect(await showSurvey('nps', { orderId: `o_${index}` })).to.equal(true);
        await recordClose(getSdk(), true);
      }
      visit(api, customer, {}, 45 * day);
      expect(await showSurvey('nps', { orderId: 'o_45' }), 'three dismissals').to.equal(false);
      visit(api, customer, {}, 89 * day);
      expect(await showSurvey('nps', { orderId: 'o_89' })).to.equal(false);
      // The first dismissal leaves the 90-day window.
      visit(api, customer, {}, 90 * day);
      expect(await showSurvey('nps', { orderId: 'o_90' })).to.equal(true);
    });

    it('honours configured rules', async () => {
      const api = new TestApi();
      const customer = await api.customer();
      const rules = { recontactDays: 30, dismissCooldownDays: 2, maxDismissals: 1 };
      visit(api, customer, rules);
      expect(await showSurvey('nps', { orderId: 'o_1' })).to.equal(true);
      await recordClose(getSdk(), true);
      visit(api, customer, rules, 3 * day);
      expect(await showSurvey('nps', { orderId: 'o_2' }), 'maxDismissals 1').to.equal(false);
      visit(api, customer, rules, 30 * day);
      expect(await showSurvey('nps', { orderId: 'o_3' })).to.equal(true);
      await answer();
      visit(api, customer, rules, 59 * day);
      expect(await showSurvey('nps', { orderId: 'o_4' })).to.equal(false);
      visit(api, customer, rules, 60 * day);
      expect(await showSurvey('nps', { orderId: 'o_5' })).to.equal(true);
    });

    it('shows once per order id', async () => {
      const api = new TestApi();
      const customer = await api.customer();
      visit(api, customer);
      expect(await showSurvey('nps', { orderId: 'o_1' })).to.equal(true);
      surveys()[0].hide();
      visit(api, customer);
      expect(await showSurvey('nps', { orderId: 'o_1' })).to.equal(false);
      expect(await showSurvey('nps', { orderId: 'o_2' })).to.equal(true);
    });

    it('never shows twice in one page view', async () => {
      const api = new TestApi();
      visit(api, await api.customer());
      expect(await showSurvey('nps', { orderId: 'o_1' })).to.equal(true);
      surveys()[0].hide();
      expect(await showSurvey('nps', { orderId: 'o_2' })).to.equal(false);
      await trackPurchase({ orderId: 'o_3' });
      await sleep(100);
      expect(surveys()[0].open).to.equal(false);
    });

    it('shows one survey for two triggers at once', async () => {
      const api = new TestApi();
      visit(api, await api.customer());
      const results = await Promise.all([showSurvey('nps', { orderId: 'o_1' }), showSurvey('nps', { orderId: 'o_2' })]);
      expect(results.filter(Boolean)).to.have.length(1);
    });

    it('never shows while another tab shows it', async () => {
      const api = new TestApi();
      const customer = await api.customer();
      const other = uniqueName('other');
      const frame = openTab(other, { apiBase: api.apiBase, ...customer });
      await waitUntil(() => heard(other, 'ready'), 'the other tab never loaded', { timeout: 5000 });
      frame.contentWindow!.postMessage({ show: true }, '*');
      await waitUntil(() => heard(other, 'nps-shown'), 'the other tab never showed it');
      visit(api, customer);
      expect(await showSurvey('nps', { orderId: 'o_1' })).to.equal(false);
      frame.contentWindow!.postMessage({ hide: true }, '*');
      await waitUntil(async () => showSurvey('nps', { orderId: 'o_1' }), 'never shown after the other tab closed it');
      frame.remove();
    });

    it('samples once per shopper per recontact window, not on every trigger', async () => {
      const api = new TestApi();
      const customer = await api.customer();
      const random = Math.random;
      let roll = 0.9;
      Math.random = () => roll;
      try {
        visit(api, customer, { sampleRate: 0.5 });
        expect(await showSurvey('nps', { orderId: 'o_1' }), 'sampled out').to.equal(false);
        roll = 0.1;
        visit(api, customer, { sampleRate: 0.5 }, 10 * day);
        expect(await showSurvey('nps', { orderId: 'o_2' }), 'the decision stands').to.equal(false);
        visit(api, customer, { sampleRate: 0.5 }, 90 * day);
        expect(await showSurvey('nps', { orderId: 'o_3' }), 'decided again in the next window').to.equal(true);
        await recordClose(getSdk(), false);
        roll = 0.9;
        visit(api, customer, { sampleRate: 0.95 }, 91 * day);
        expect(await showSurvey('nps', { orderId: 'o_4' }), 'decided again when the rate changes').to.equal(true);
      } finally {
        Math.random = random;
      }
      visit(api, await api.customer(), { sampleRate: 0 });
      expect(await showSurvey('nps', { orderId: 'o_5' }), 'sampleRate 0').to.equal(false);
    });

    it('keeps the rules per customer, and per browser for guests', async () => {
      const api = new TestApi();
      const ada = await api.customer();
      const bob = await api.customer();
      visit(api, ada);
      expect(await showSurvey('nps', { orderId: 'o_a' })).to.equal(true);
      await answer();
      visit(api, bob);
      expect(await showSurvey('nps', { orderId: 'o_b' }), 'Bob was never asked').to.equal(true);
      await answer();
      visit(api);
      expect(await showSurvey('nps', { orderId: 'o_g1' }), 'a guest').to.equal(true);
      await answer();
      visit(api);
      expect(await showSurvey('nps', { orderId: 'o_g2' }), 'the same browser’s guest answered').to.equal(false);
    });

    it('opens with {force: true} whatever the rules say', async () => {
      const api = new TestApi();
      const customer = await api.customer();
      visit(api, customer);
      expect(await showSurvey('nps', { orderId: 'o_1' })).to.equal(true);
      await answer();
      surveys()[0].hide();
      expect(await showSurvey('nps', { orderId: 'o_1' })).to.equal(false);
      expect(await showSurvey('nps', { force: true, orderId: 'o_1' })).to.equal(true);
      expect(surveys()[0].open).to.equal(true);
    });
  });
});
