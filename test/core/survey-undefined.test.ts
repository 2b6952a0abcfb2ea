// A page that triggers the survey but never imports <nps-survey> (an npm build without the
// element's entry). No element module is imported in this file, so the tag stays undefined.
import { expect, waitUntil } from '@open-wc/testing';
import { on, showSurvey, type LoyaltyError } from '../../src/core/index.js';
import { setClock } from '../../src/core/clock.js';
import { TestApi } from '../helpers/api.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';

afterEach(() => resetSdk());

describe('survey without the element', () => {
  it('gives up after 10 s with a console error saying what to import, holding nothing', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer(), { survey: { delay: 0 } });
    let time = Date.now();
    setClock(() => time);
    const heard: LoyaltyError[] = [];
    on('loyalty-error', ({ error }: { error: LoyaltyError }) => heard.push(error));
    const errors: string[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    try {
      const opened = showSurvey('nps', { orderId: 'o_500' });
      await waitUntil(() => document.querySelector('nps-survey'), 'the SDK adds the element');
      time += 9_000;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(errors, 'still waiting within 10 s').to.deep.equal([]);
      time += 1_000;
      expect(await opened).to.equal(false);
    } finally {
      console.error = consoleError;
    }
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain("import 'loyalty-widgets/nps-survey'");
    expect(heard.map((error) => error.code)).to.deep.equal(['config']);
    expect(document.querySelector('nps-survey'), 'the element it added is gone').to.equal(null);
    // Other tabs may show their survey: the lock is free.
    const { held = [] } = await navigator.locks.query();
    expect(held.map((lock) => lock.name)).not.to.include('loyalty-widgets-nps');

    // Taken out of the page before its code arrived (a page swapping its body): nothing shows,
    // nothing throws, nothing stays held.
    const waiting = showSurvey('nps', { orderId: 'o_500' });
    await waitUntil(() => document.querySelector('nps-survey'), 'added again');
    document.querySelector('nps-survey')!.remove();

    // The order was not used up: once an element is there, the same order's survey shows.
    const shown: unknown[] = [];
    customElements.define(
      'nps-survey',
      class extends HTMLElement {
        show(context: unknown) {
          shown.push(context);
        }
      },
    );
    expect(await waiting).to.equal(false);
    expect((await navigator.locks.query()).held?.map((lock) => lock.name)).not.to.include('loyalty-widgets-nps');
    expect(await showSurvey('nps', { orderId: 'o_500' })).to.equal(true);
    expect(shown).to.deep.equal([{ orderId: 'o_500' }]);
  });
});
