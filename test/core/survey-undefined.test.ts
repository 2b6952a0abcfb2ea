// A page that triggers the survey but never imports <nps-survey> (an npm build without the
// element's entry). No element module is imported in this file, so the tag stays undefined.
import { expect, waitUntil } from '@open-wc/testing';
import { showSurvey } from '../../src/core/index.js';
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
    expect(document.querySelector('nps-survey'), 'the element it added is gone').to.equal(null);
    // Other tabs may show their survey: the lock is free.
    const { held = [] } = await navigator.locks.query();
    expect(held.map((lock) => lock.name)).not.to.include('loyalty-widgets-nps');

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
    expect(await showSurvey('nps', { orderId: 'o_500' })).to.equal(true);
    expect(shown).to.deep.equal([{ orderId: 'o_500' }]);
  });
});
