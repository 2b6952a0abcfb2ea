// <nps-survey>: its inside (question, scale, follow-up, thank-you, strings) loads when it first
// opens, and a failed load (offline, a CDN error) shows a readable error with Try again in the
// popup and fires `loyalty-error`; Try again brings the survey for the same order. A file of its
// own: a module, once loaded, stays loaded for the page.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/nps-survey/define.js';
import type { NpsSurvey } from '../../src/components/nps-survey/nps-survey.js';
import type { LoyaltyErrorEvent } from '../../src/components/shared/loyalty-error-event.js';
import { TestApi } from '../helpers/api.js';
import { failModule, requested } from '../helpers/lazy.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';

const root = (element: HTMLElement) => element.shadowRoot!;
const text = (element: HTMLElement) => root(element).textContent.replace(/\s+/g, ' ').trim();
const scoreButtons = (element: HTMLElement) => [...root(element).querySelectorAll<HTMLButtonElement>('[role="radio"]')];

afterEach(() => resetSdk());

describe('<nps-survey> lazy inside', () => {
  it('loads its inside on first open; a failed load shows Try again, and the answer is stored after it', async function () {
    // A failed load, the dev server's first compile of the module on Retry, then axe: more than
    // the default 10 s when six engineers' browsers share two cores.
    this.timeout(20_000);
    const api = new TestApi();
    configureFor(api, await api.customer());
    const survey = await fixture<NpsSurvey>(html`<nps-survey></nps-survey>`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requested('survey-ui'), 'the inside before the survey opens').to.equal(false);

    await failModule('/src/components/nps-survey/survey-ui.ts');
    const failed: Promise<LoyaltyErrorEvent> = oneEvent(survey, 'loyalty-error');
    survey.show({ orderId: 'o_lazy' });
    expect((await failed).detail.error.code).to.equal('network');
    const dialog = root(survey).querySelector('dialog')!;
    await waitUntil(() => dialog.open, 'the popup never said what went wrong');
    expect(text(survey)).to.contain('We couldn’t load this right now.');
    // The popup fades in: axe reads colours once it is opaque (mid-fade, text is paler).
    await Promise.all(survey.shadowRoot!.getAnimations().map((animation) => animation.finished));
    await expect(survey).to.be.accessible();

    [...dialog.querySelectorAll('button')].find((button) => button.textContent.trim() === 'Try again')!.click();
    // The dev server compiles the module on this first request: allowed more than the default second.
    await waitUntil(() => scoreButtons(survey).length === 11, 'Try again never brought the scale', { timeout: 5000 });
    expect(text(survey)).to.contain('How likely are you to recommend');
    await waitUntil(
      () => root(survey).activeElement?.getAttribute('role') === 'radio',
      'focus never reached the scale',
    );
    scoreButtons(survey)[9].click();
    await waitUntil(
      async () => ((await api.feedback()) as { score: number; orderId?: string }[])[0]?.orderId === 'o_lazy',
      'the answer never reached the server',
    );
    expect(((await api.feedback()) as { score: number }[])[0].score).to.equal(9);
  });
});
