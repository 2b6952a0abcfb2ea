// Announcements reach screen readers also from inside an open modal dialog, which makes the rest
// of the page inert: checked in the accessibility tree Chromium gives screen readers. Only
// Chromium's driver hands that tree to a test (over CDP; WebDriver BiDi and WebKitWebDriver have
// no accessibility tree), so these run in Chromium alone.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/components/loyalty-balance/define.js';
import '../../src/components/nps-survey/define.js';
import '../../src/components/referral-share/define.js';
import '../../src/components/reward-catalog/define.js';
import type { NpsSurvey } from '../../src/components/nps-survey/nps-survey.js';
import type { RewardCatalog } from '../../src/components/reward-catalog/reward-catalog.js';
import { getSdk } from '../../src/core/index.js';
import { TestApi } from '../helpers/api.js';
import { itIn } from '../helpers/engine.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';

const $ = <E extends Element = HTMLElement>(element: Element, selector: string) =>
  element.shadowRoot!.querySelector<E>(selector);
const buttonIn = (root: ParentNode, words: string) =>
  [...root.querySelectorAll('button')].find((button) => button.textContent.trim() === words);

/** Resolves with what a live region a screen reader can hear now says, once it matches `words`. */
async function heard(words: string | RegExp): Promise<string> {
  let said: string | undefined;
  await waitUntil(
    async () =>
      (said = ((await executeServerCommand<string[], undefined>('live-region-texts')) ?? []).find((text) =>
        typeof words === 'string' ? text === words : words.test(text),
      )),
    `no live region a screen reader can hear said ${String(words)}`,
  );
  return said!;
}

afterEach(() => {
  document.querySelectorAll('[data-loyalty-announcer]').forEach((region) => region.remove());
  resetSdk();
});

/** A test that reads the accessibility tree: Chromium only (see the top of the file). */
const itReadingTheTree = (title: string, fn: Mocha.AsyncFunc) =>
  itIn(['chromium'], 'reads the accessibility tree a screen reader gets, over CDP', title, fn);

describe('announcements', () => {
  itReadingTheTree('from the redemption dialog: “Copied” is heard, from a region inside the open dialog', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 5000 }));
    const catalog = await fixture<RewardCatalog>(html`<reward-catalog></reward-catalog>`);
    await waitUntil(() => $(catalog, '[data-id="r_5_off"] [part="redeem-button"]'), 'the rewards never showed');
    $<HTMLButtonElement>(catalog, '[data-id="r_5_off"] [part="redeem-button"]')!.click();
    const dialog = $<HTMLDialogElement>(catalog, 'dialog')!;
    await waitUntil(() => dialog.open && buttonIn(dialog, 'Redeem'), 'the dialog never opened');
    buttonIn(dialog, 'Redeem')!.click();
    await waitUntil(() => buttonIn(dialog, 'Copy'), 'the code never showed', { timeout: 5000 });
    buttonIn(dialog, 'Copy')!.click();
    // "Copied", or the keys to press where the clipboard is refused: the same words as beside the button.
    const said = () => dialog.querySelector('.row .small')?.textContent.trim();
    await waitUntil(said, 'nothing said beside the button');
    await heard(said()!);
    const region = dialog.querySelector('[data-loyalty-announcer]');
    expect(region?.textContent).to.equal(said());
  });

  itReadingTheTree(
    'from <referral-share> slotted into a modal survey: heard, from a region inside the survey’s dialog',
    async () => {
      const api = new TestApi();
      configureFor(api, await api.token('c_ada'), { locale: 'en-US' });
      const survey = await fixture<NpsSurvey>(
        html`<nps-survey><referral-share slot="promoter"></referral-share></nps-survey>`,
      );
      survey.show();
      await waitUntil(() => $(survey, '[role="radio"]'), 'the survey never opened');
      const dialog = $<HTMLDialogElement>(survey, 'dialog')!;
      expect(dialog.matches(':modal')).to.equal(true);
      $<HTMLButtonElement>(survey, '[role="radio"]:last-of-type')!.click();
      await survey.updateComplete;
      $(survey, 'textarea')!.textContent = 'Love it';
      $<HTMLButtonElement>(survey, '[part="send-button"]')!.click();
      const referral = survey.querySelector('referral-share')!;
      await waitUntil(() => referral.shadowRoot && buttonIn(referral.shadowRoot, 'Copy link'), 'no referral link');
      buttonIn(referral.shadowRoot!, 'Copy link')!.click();
      // "Link copied", or the keys to press where the clipboard is refused.
      const said = await heard(/^(Link copied|Press .+ to copy)$/);
      expect(dialog.querySelector('[data-loyalty-announcer]')?.textContent).to.equal(said);
    },
  );

  itReadingTheTree('outside any modal dialog: from the one region of the page, as before', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 10 }));
    const balance = await fixture<HTMLElement>(html`<loyalty-balance></loyalty-balance>`);
    await waitUntil(() => $(balance, '[part~="balance"]')?.textContent.includes('10'), 'no balance');
    await getSdk()
      .resource('me')
      .update((me) => ({ ...me, points: { ...me.points, balance: 20 } }));
    await heard('Your points balance is now 20 points');
    expect(document.body.querySelector(':scope > [data-loyalty-announcer]')?.textContent).to.contain('20 points');
  });
});
