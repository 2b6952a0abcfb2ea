// Property-based: every element takes generated answers (valid ones with extra fields and enum
// values added later, broken ones; see helpers/hostile.ts) through the whole SDK (ky, schemas,
// the store) from a fetch-level API, the other endpoints answering as the reference API does.
// Each answer must end in a rendered element or its readable error state with one loyalty-error,
// with nothing thrown into the page, no rejection unhandled and nothing a response carried run.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { html, render, type TemplateResult } from 'lit';
import '../../src/components/loyalty-activity/define.js';
import '../../src/components/loyalty-balance/define.js';
import '../../src/components/referral-share/define.js';
import '../../src/components/reward-catalog/define.js';
import { configure, on } from '../../src/core/index.js';
import { outboxFor } from '../../src/core/outbox/outbox.js';
import { getSdk } from '../../src/core/global.js';
import { checks, realAnswers, type Endpoint } from '../helpers/answers.js';
import { engine } from '../helpers/engine.js';
import { broken, dangerous, pwnedFlag, vary, wire } from '../helpers/hostile.js';
import { localApiBase, serveLocally } from '../helpers/local-api.js';
import { resetSdk } from '../helpers/sdk.js';

/**
 * Answers per endpoint and kind (valid, broken): 1,000 per endpoint in all. WebKit (WebKitGTK
 * through its WebDriver) takes about 30 ms an answer here, over the runner's 180 s a file: it
 * runs the same properties with 50 per endpoint (the counts are in the titles).
 */
const runs = engine === 'webkit' ? 25 : 500;

/** Which element shows an endpoint, and whether it can show anything without it. */
const shownBy: Record<Exclude<Endpoint, 'redeem' | 'feedback'>, { template: TemplateResult; required: boolean }> = {
  program: { template: html`<loyalty-balance></loyalty-balance>`, required: false },
  me: { template: html`<loyalty-balance></loyalty-balance>`, required: true },
  rewards: { template: html`<reward-catalog></reward-catalog>`, required: true },
  // Without its codes the catalog still shows rewards, and says the codes could not be loaded.
  redemptions: { template: html`<reward-catalog></reward-catalog>`, required: false },
  referral: { template: html`<referral-share></referral-share>`, required: true },
  activity: { template: html`<loyalty-activity></loyalty-activity>`, required: true },
};

/** Prints a failing answer's own assertion: the runner shows only fast-check's summary of it. */
const explained =
  <A>(check: (answer: A) => Promise<void>) =>
  (answer: A) =>
    check(answer).catch((error: Error) => {
      console.log(`[hostile] ${error.message}`);
      throw error;
    });

const settled = (root: ShadowRoot) =>
  !root.querySelector('.skeleton, [aria-busy="true"]') && !root.textContent.includes('Loading…');
/** One task later, without the 4 ms clamp of nested timers. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
async function until(condition: () => unknown, what: () => string): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > 4000) throw new Error(`never ${what()}`);
    await nextTask();
  }
}
/** Nothing cached is ever shown: each reset asks the (local) API again. */
const noCache = Object.fromEntries(
  ['program', 'me', 'rewards', 'redemptions', 'referral', 'activity'].map((name) => [
    name,
    { freshMs: 0, maxAgeMs: -1 },
  ]),
);

describe('Generated answers through the SDK into every element', function () {
  this.timeout(120_000);
  let real: Record<Endpoint, unknown>;
  /** The JSON text each endpoint answers now (the real answer unless a test put another). */
  let answers: Record<string, string>;
  let restore: () => void;
  let thrown: unknown[] = [];
  /** loyalty-error from the SDK (`on`) and from the element, since the last answer. */
  let errors: unknown[] = [];
  let events: unknown[] = [];
  let container: HTMLElement | undefined;
  const onError = (event: ErrorEvent | PromiseRejectionEvent) =>
    thrown.push('reason' in event ? event.reason : event.error);
  const warn = console.warn;
  const counts: Record<string, number> = {};

  before(async () => {
    real = await realAnswers();
    restore = serveLocally((method, path) =>
      method === 'POST' && path === 'redemptions' ? answers.redeem : (answers[path.split('?')[0]] ?? ''),
    );
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    // Lists that leave an entry out warn once each: thousands of them are not printed.
    console.warn = () => undefined;
  });

  after(() => {
    restore();
    console.warn = warn;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
    resetSdk();
    console.log(`[hostile] elements, answers per endpoint: ${JSON.stringify(counts)}; ms: ${JSON.stringify(took)}`);
  });

  let started = 0;
  const took: Record<string, number> = {};
  beforeEach(() => void (started = performance.now()));
  afterEach(function () {
    const name = this.currentTest?.title.split(':')[0] ?? '';
    took[name] = Math.round((took[name] ?? 0) + performance.now() - started);
    container?.remove();
    container = undefined;
  });

  /** A fresh SDK for the customer of the real answers, memory-only, no retries, no cache. */
  function freshSdk(): void {
    answers = Object.fromEntries(Object.entries(real).map(([name, body]) => [name, wire(body)]));
    resetSdk();
    const { id } = (real.me as { customer: { id: string } }).customer;
    configure({
      apiBase: localApiBase,
      customerId: id,
      token: 't',
      persist: false,
      cache: noCache,
      network: { retries: 0, timeoutMs: 4000 },
    });
    on('loyalty-error', (detail) => void errors.push(detail));
  }

  /** Whether the client takes this answer (as the client reads it: JSON text, then the schema). */
  function accepted(endpoint: Exclude<Endpoint, 'redeem'>, answer: unknown): boolean {
    try {
      checks[endpoint](JSON.parse(wire(answer)), endpoint);
      return true;
    } catch {
      return false;
    }
  }

  /** Nothing thrown, nothing run, nothing dangerous in the element's DOM. */
  function expectHarmless(element: Element): void {
    expect(thrown, 'errors thrown into the page').to.deep.equal([]);
    expect((window as unknown as Record<string, unknown>)[pwnedFlag], 'something a response carried ran').to.equal(
      undefined,
    );
    expect(dangerous(element.shadowRoot!)).to.deep.equal([]);
  }

  type Lit = HTMLElement & { updateComplete: Promise<boolean> };

  /** Waits for the element to show data or its error, then a task more for late failures. */
  async function settle(element: Lit): Promise<void> {
    await element.updateComplete;
    await until(
      () => settled(element.shadowRoot!),
      () => `settled: ${element.shadowRoot!.textContent.slice(0, 200)}`,
    );
    await nextTask();
    await element.updateComplete;
  }

  /** One element, mounted once per test; every answer goes to it through the SDK's store. */
  async function mountElement(template: TemplateResult): Promise<Lit> {
    container = document.createElement('div');
    document.body.append(container);
    container.addEventListener('loyalty-error', (event) => events.push(event));
    render(template, container);
    const element = container.firstElementChild as Lit;
    await settle(element);
    return element;
  }

  /** Serves `answer` for `endpoint` and makes the store ask for it again; the errors start afresh. */
  async function answerWith(element: Lit, endpoint: Exclude<Endpoint, 'redeem' | 'feedback'>, answer: unknown) {
    counts[endpoint] = (counts[endpoint] ?? 0) + 1;
    thrown = [];
    errors = [];
    events = [];
    answers[endpoint] = wire(answer);
    getSdk().resource(endpoint).reset();
    await settle(element);
  }

  for (const endpoint of Object.keys(shownBy) as (keyof typeof shownBy)[]) {
    const { template, required } = shownBy[endpoint];
    const tag = template.strings[0].slice(1, -1);
    const property = (element: Lit) => (answer: unknown) =>
      answerWith(element, endpoint, answer).then(() => {
        expectHarmless(element);
        const alert = element.shadowRoot!.querySelector('[role="alert"]');
        if (accepted(endpoint, answer)) {
          expect(errors, 'loyalty-error for an answer the client takes').to.have.length(0);
          expect(alert, 'an error state for an answer the client takes').to.equal(null);
        } else {
          expect(errors, 'one loyalty-error').to.have.length(1);
          if (required) {
            expect(alert, 'a readable error state').not.to.equal(null);
            expect(events, 'one loyalty-error from the element').to.have.length(1);
          } else {
            expect(alert, 'still shown without it').to.equal(null);
          }
        }
      });

    it(`${endpoint}: <${tag}> renders ${runs} valid answers`, async () => {
      freshSdk();
      const element = await mountElement(template);
      await fc.assert(fc.asyncProperty(vary(real[endpoint]), explained(property(element))), {
        numRuns: runs,
        endOnFailure: true,
      });
    });

    it(`${endpoint}: <${tag}> shows ${runs} broken answers or its error state`, async () => {
      freshSdk();
      const element = await mountElement(template);
      await fc.assert(fc.asyncProperty(broken(vary(real[endpoint])), explained(property(element))), {
        numRuns: runs,
        endOnFailure: true,
      });
    });
  }

  /**
   * Redeems r_5_off in the catalog with `reply` as the API's answer. The dialog stays open after
   * (closing one waits for a frame): the next answer starts from the card's Redeem, clicked by script.
   */
  const redeemProperty = (element: Lit) => async (reply: unknown) => {
    counts.redeem = (counts.redeem ?? 0) + 1;
    thrown = [];
    events = [];
    answers.redeem = wire(reply);
    const root = element.shadowRoot!;
    const redeem = () => root.querySelector<HTMLButtonElement>('[data-id="r_5_off"] [part="redeem-button"]');
    // The reply's balance (any number) is shown after it: /v1/me's comes back for the next one.
    await getSdk().resource('me').refresh();
    await until(
      () => redeem() && !redeem()!.disabled,
      () => 'a Redeem button to press',
    );
    redeem()!.click();
    const dialog = root.querySelector('dialog')!;
    const buttons = () => [...dialog.querySelectorAll('button')];
    await until(
      () => dialog.open && buttons().some((button) => button.textContent.trim() === 'Redeem'),
      () => `a confirmation: ${dialog.textContent}`,
    );
    buttons()
      .find((button) => button.textContent.trim() === 'Redeem')!
      .click();
    await until(
      () => dialog.querySelector('[part="code"], [role="alert"]'),
      () => `ended: ${dialog.textContent}`,
    );
    await nextTask();
    expectHarmless(element);
    const code = dialog.querySelector<HTMLInputElement>('[part="code"]');
    if (code) {
      expect(code.value).to.be.a('string');
      expect(events).to.have.length(0);
    } else {
      // Points spent, code unreadable: said plainly, once, and no Try again to loop on.
      expect(dialog.textContent).to.contain('It will show up in My rewards');
      expect(buttons().map((button) => button.textContent.trim())).to.deep.equal(['Close']);
      expect(events).to.have.length(1);
    }
    await element.updateComplete;
  };

  /** The catalog for redeeming: one reward, so each redemption's refetches re-render one card. */
  function redeemOnly(): void {
    const { rewards } = real.rewards as { rewards: { id: string }[] };
    answers.rewards = wire({ rewards: rewards.filter(({ id }) => id === 'r_5_off') });
  }

  it(`redeem reply: <reward-catalog> shows the code of ${runs} valid replies`, async () => {
    freshSdk();
    redeemOnly();
    const element = await mountElement(html`<reward-catalog></reward-catalog>`);
    await fc.assert(fc.asyncProperty(vary(real.redeem), explained(redeemProperty(element))), {
      numRuns: runs,
      endOnFailure: true,
    });
  });

  it(`redeem reply: <reward-catalog> ends ${runs} broken replies with a code or a clear message`, async () => {
    freshSdk();
    redeemOnly();
    const element = await mountElement(html`<reward-catalog></reward-catalog>`);
    await fc.assert(fc.asyncProperty(broken(vary(real.redeem)), explained(redeemProperty(element))), {
      numRuns: runs,
      endOnFailure: true,
    });
  });

  // No element shows the feedback reply: the SDK's outbox reads it and tells the survey.
  const feedbackProperty = async (reply: unknown) => {
    counts.feedback = (counts.feedback ?? 0) + 1;
    thrown = [];
    errors = [];
    answers.feedback = wire(reply);
    const delivered: unknown[] = [];
    const stop = on('nps-delivered', (detail) => void delivered.push(detail));
    await outboxFor(getSdk()).add({ id: crypto.randomUUID(), survey: 'nps', score: 3, answeredAt: '2026-01-01' });
    await outboxFor(getSdk()).flush();
    stop();
    expect(thrown).to.deep.equal([]);
    // Delivered (with the score's category when the reply has none it knows), or dropped with one error.
    expect(delivered.length + errors.length).to.equal(1);
    expect(accepted('feedback', reply) ? delivered : errors).to.have.length(1);
  };

  it(`feedback reply: the outbox reads ${runs} valid replies`, async () => {
    freshSdk();
    await fc.assert(fc.asyncProperty(vary(real.feedback), explained(feedbackProperty)), {
      numRuns: runs,
      endOnFailure: true,
    });
  });

  it(`feedback reply: the outbox reads ${runs} broken replies`, async () => {
    freshSdk();
    await fc.assert(fc.asyncProperty(broken(vary(real.feedback)), explained(feedbackProperty)), {
      numRuns: runs,
      endOnFailure: true,
    });
  });
});
