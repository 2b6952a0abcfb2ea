import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/loyalty-launcher/define.js';
import type { LoyaltyPanelOpenedEvent } from '../../src/components/loyalty-launcher/events.js';
import type { LoyaltyLauncher } from '../../src/components/loyalty-launcher/loyalty-launcher.js';
import type { LoyaltyPanel } from '../../src/components/loyalty-panel/loyalty-panel.js';
import { close, identify, open } from '../../src/core/index.js';
import { TestApi } from '../helpers/api.js';
import { openDemoPage } from '../helpers/demo-page.js';
import { mount, unmountAll } from '../helpers/mount.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';
import { part, text } from '../helpers/shadow.js';

const pageUrl = location.href;
afterEach(() => {
  unmountAll();
  resetSdk();
  history.replaceState(null, '', pageUrl);
});

const dialog = (launcher: LoyaltyLauncher) => part(launcher, 'dialog') as HTMLDialogElement | null;
const panel = (launcher: LoyaltyLauncher) => launcher.shadowRoot!.querySelector<LoyaltyPanel>('loyalty-panel');
const button = (launcher: LoyaltyLauncher) => part(launcher, 'launcher')!;
const heading = (launcher: LoyaltyLauncher) => panel(launcher)?.shadowRoot?.querySelector('h2');
const panelRequested = () =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes('/loyalty-panel/'));

/** Resolves once the dialog is open with `words` as the panel's heading. */
const opened = (launcher: LoyaltyLauncher, words: string) =>
  waitUntil(
    () => dialog(launcher)?.open && heading(launcher)?.textContent?.trim() === words,
    `never opened on "${words}": ${heading(launcher)?.textContent}`,
    // The first open loads the panel's modules (unbundled in the test server).
    { timeout: 5000 },
  );
/** Resolves once the dialog is closed and its history entries are gone (Back then leaves the page's own). */
const closed = (launcher: LoyaltyLauncher) =>
  waitUntil(
    () => !dialog(launcher)?.open && !(history.state as { loyaltyPanel?: string } | null)?.loyaltyPanel,
    'the panel never closed',
  );

async function signedIn(balance = 1250) {
  const api = new TestApi();
  const customer = await api.customer({ balance });
  configureFor(api, customer, { locale: 'en-US' });
  return { api, customer };
}

describe('<loyalty-launcher>', () => {
  // First in the file: the panel's code is loaded once per page.
  it('does not request the panel’s code until the browser is idle', async () => {
    const idle: (() => void)[] = [];
    const original = window.requestIdleCallback;
    window.requestIdleCallback = (callback) => idle.push(() => callback({} as IdleDeadline));
    try {
      await signedIn();
      const launcher = await fixture<LoyaltyLauncher>(html`<loyalty-launcher></loyalty-launcher>`);
      await waitUntil(() => part(launcher, 'points'), 'no points on the button');
      expect(panelRequested(), 'panel requested before idle').to.equal(false);
      expect(idle.length).to.equal(1);
      idle[0]();
      await waitUntil(panelRequested, 'idle time never loaded the panel');
      await waitUntil(() => customElements.get('loyalty-panel'), 'the panel was never defined', { timeout: 5000 });
    } finally {
      window.requestIdleCallback = original;
    }
  });

  it('shows the icon and the shopper’s points on a labelled button, floating at the end by default', async () => {
    await signedIn(1250);
    const launcher = await fixture<LoyaltyLauncher>(html`<loyalty-launcher></loyalty-launcher>`);
    await waitUntil(
      () => part(launcher, 'points')?.textContent === '1,250',
      `points on the button: ${part(launcher, 'points')?.textContent}`,
    );
    expect(button(launcher).getAttribute('aria-label')).to.equal('Open Acme Rewards, 1,250 points');
    expect(getComputedStyle(launcher).position).to.equal('fixed');
    expect(launcher.getBoundingClientRect().right, 'distance from the end').to.be.closeTo(
      document.documentElement.clientWidth - 20,
      2,
    );
    launcher.position = 'bottom-start';
    await launcher.updateComplete;
    expect(launcher.getBoundingClientRect().left).to.be.closeTo(20, 2);
    launcher.position = 'inline';
    await launcher.updateComplete;
    expect(getComputedStyle(launcher).position).to.equal('static');
  });

  it('shows a guest the program’s name on the button and no points', async () => {
    const api = new TestApi();
    configureFor(api, undefined, { locale: 'en-US' });
    const launcher = await fixture<LoyaltyLauncher>(html`<loyalty-launcher></loyalty-launcher>`);
    await waitUntil(() => button(launcher).getAttribute('aria-label') === 'Open Acme Rewards');
    expect(part(launcher, 'points')).to.equal(null);
  });

  it('opens the panel as a modal dialog by keyboard, focuses its heading, and Escape returns focus', async () => {
    await signedIn();
    const launcher = await fixture<LoyaltyLauncher>(html`<loyalty-launcher></loyalty-launcher>`);
    button(launcher).focus();
    const opening = oneEvent<LoyaltyPanelOpenedEvent>(launcher, 'loyalty-panel-opened');
    await sendKeys({ press: 'Enter' });
    expect((await opening).detail.section).to.equal('home');
    await opened(launcher, 'Acme Rewards');
    expect(dialog(launcher)!.matches(':modal')).to.equal(true);
    expect(panel(launcher)!.shadowRoot!.activeElement).to.equal(heading(launcher));
    const closing = oneEvent(launcher, 'loyalty-panel-closed');
    await sendKeys({ press: 'Escape' });
    await closing;
    await closed(launcher);
    expect(launcher.shadowRoot!.activeElement).to.equal(button(launcher));
  });

  it('closes with its close button and with a click outside', async () => {
    await signedIn();
    const launcher = await fixture<LoyaltyLauncher>(html`<loyalty-launcher></loyalty-launcher>`);
    button(launcher).click();
    await opened(launcher, 'Acme Rewards');
    part(launcher, 'close-button')!.click();
    await closed(launcher);
    expect(launcher.shadowRoot!.activeElement).to.equal(button(launcher));
    button(launcher).click();
    await opened(launcher, 'Acme Rewards');
    // The backdrop: a click whose target is the dialog element itself.
    dialog(launcher)!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await closed(launcher);
    // A click inside the panel does not close it.
    button(launcher).click();
    await opened(launcher, 'Acme Rewards');
    heading(launcher)!.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(dialog(launcher)!.open).to.equal(true);
    launcher.close();
    await closed(launcher);
  });

  it('open() before the launcher exists opens it on that section once it appears; close() closes it', async () => {
    await signedIn();
    open('tiers');
    const launcher = await fixture<LoyaltyLauncher>(html`<loyalty-launcher></loyalty-launcher>`);
    await opened(launcher, 'VIP tiers');
    close();
    await closed(launcher);
    open('rewards');
    await opened(launcher, 'Rewards');
    open('activity');
    await opened(launcher, 'Activity');
    close();
    await closed(launcher);
  });

  it('opens on the section named in the page URL (?loyalty=earn), the parameter configurable', async () => {
    await signedIn();
    history.replaceState(null, '', `${location.pathname}?loyalty=earn&rewards=referral`);
    const launcher = await fixture<LoyaltyLauncher>(html`<loyalty-launcher></loyalty-launcher>`);
    await opened(launcher, 'Ways to earn');
    const other = mount(html`<loyalty-launcher deep-link-param="rewards" position="inline"></loyalty-launcher>`);
    const second = other.querySelector('loyalty-launcher')!;
    await opened(second, 'Refer a friend');
    // Closed by the shopper, then rendered again by an SPA on the same address: it stays closed.
    launcher.close();
    await closed(launcher);
    const again = mount(html`<loyalty-launcher position="inline"></loyalty-launcher>`).querySelector(
      'loyalty-launcher',
    )!;
    await again.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(dialog(again)!.open).to.equal(false);
  });

  it('ignores an unknown section in the page URL', async () => {
    await signedIn();
    history.replaceState(null, '', `${location.pathname}?loyalty=nope`);
    const launcher = await fixture<LoyaltyLauncher>(html`<loyalty-launcher></loyalty-launcher>`);
    await launcher.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(dialog(launcher)!.open).to.equal(false);
  });

  it('Back in the browser closes a section, then the panel, without a reload', async () => {
    await signedIn();
    (window as { notReloaded?: boolean }).notReloaded = true;
    const launcher = await fixture<LoyaltyLauncher>(html`<loyalty-launcher></loyalty-launcher>`);
    const start = history.length;
    button(launcher).click();
    await opened(launcher, 'Acme Rewards');
    panel(launcher)!.shadowRoot!.querySelector<HTMLElement>('[data-section="earn"]')!.click();
    await opened(launcher, 'Ways to earn');
    history.back();
    await opened(launcher, 'Acme Rewards');
    history.back();
    await closed(launcher);
    expect((window as { notReloaded?: boolean }).notReloaded).to.equal(true);
    // Closing by other means takes the panel's entries off the history too.
    button(launcher).click();
    await opened(launcher, 'Acme Rewards');
    panel(launcher)!.shadowRoot!.querySelector<HTMLElement>('[data-section="tiers"]')!.click();
    await opened(launcher, 'VIP tiers');
    part(launcher, 'close-button')!.click();
    await closed(launcher);
    expect(history.state).to.equal(null);
    expect(history.length).to.be.at.least(start);
  });

  it('opens once on a double click: one opened event, one Back closes', async () => {
    await signedIn();
    const launcher = await fixture<LoyaltyLauncher>(html`<loyalty-launcher></loyalty-launcher>`);
    let openedEvents = 0;
    launcher.addEventListener('loyalty-panel-opened', () => openedEvents++);
    button(launcher).click();
    button(launcher).click();
    // Started after both clicks, so it settles after them: everything they do is done.
    await launcher.open();
    await opened(launcher, 'Acme Rewards');
    expect(openedEvents).to.equal(1);
    history.back();
    await closed(launcher);
  });

  for (const before of ['never opened', 'opened and closed'] as const)
    it(`does not open, nor throw, when the page takes it out while the panel loads (${before})`, async () => {
      await signedIn();
      const launcher = await fixture<LoyaltyLauncher>(html`<loyalty-launcher></loyalty-launcher>`);
      if (before === 'opened and closed') {
        await launcher.open();
        await opened(launcher, 'Acme Rewards');
        launcher.close();
        await closed(launcher);
      }
      let openedEvents = 0;
      launcher.addEventListener('loyalty-panel-opened', () => openedEvents++);
      const uncaught: unknown[] = [];
      const record = (event: PromiseRejectionEvent) => uncaught.push(event.reason);
      window.addEventListener('unhandledrejection', record);
      try {
        // What a click does, with the promise to wait for; an SPA's route change removes it at once.
        const opening = launcher.open();
        launcher.remove();
        await opening;
        expect(dialog(launcher)?.open ?? false).to.equal(false);
        expect(openedEvents).to.equal(0);
        expect((history.state as { loyaltyPanel?: string } | null)?.loyaltyPanel).to.equal(undefined);
        expect(uncaught).to.deep.equal([]);
      } finally {
        window.removeEventListener('unhandledrejection', record);
      }
    });

  it('follows an identity switch while open', async () => {
    const { api } = await signedIn(400);
    const launcher = await fixture<LoyaltyLauncher>(html`<loyalty-launcher></loyalty-launcher>`);
    button(launcher).click();
    await opened(launcher, 'Acme Rewards');
    const other = await api.customer({ balance: 55 });
    await identify(other.customerId, { token: other.token });
    await waitUntil(() => part(launcher, 'points')?.textContent === '55', 'button kept the old points');
    const balance = () => panel(launcher)!.shadowRoot!.querySelector('loyalty-balance');
    await waitUntil(() => text(balance() ?? launcher).includes('55 points'), 'panel kept the old shopper');
    expect(dialog(launcher)!.open).to.equal(true);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`is accessible closed and open in every section (${theme})`, async () => {
      await signedIn();
      const launcher = await fixture<LoyaltyLauncher>(html`<loyalty-launcher theme=${theme}></loyalty-launcher>`);
      await waitUntil(() => part(launcher, 'points'));
      await expect(launcher).to.be.accessible();
      for (const section of ['home', 'earn', 'rewards', 'tiers', 'referral', 'activity'] as const) {
        await launcher.open(section);
        // axe reads colours: wait for the opening fade to end.
        await Promise.all(
          dialog(launcher)!
            .getAnimations()
            .map((animation) => animation.finished),
        );
        await waitUntil(() => !text(panel(launcher)!).includes('Loading'), `${section} kept loading`);
        await expect(launcher).to.be.accessible();
      }
      launcher.close();
    });
  }

  it('opens as a full-height sheet 320 px wide on the demo storefront', async () => {
    const { page, close: done } = await openDemoPage('index.html', 'loyalty-launcher');
    try {
      const frame = page.defaultView!.frameElement as HTMLIFrameElement;
      frame.style.inlineSize = '320px';
      frame.style.blockSize = '640px';
      const launcher = page.querySelector('loyalty-launcher')!;
      await launcher.open('rewards');
      await opened(launcher, 'Rewards');
      const box = dialog(launcher)!.getBoundingClientRect();
      // The whole viewport: the frame less classic scrollbars where the engine draws them (Firefox).
      const viewport = page.documentElement.clientWidth;
      expect(viewport).to.be.within(300, 320);
      expect(box.width).to.equal(viewport);
      expect(box.height).to.equal(page.documentElement.clientHeight);
      expect(box.height).to.be.within(620, 640);
      expect(dialog(launcher)!.scrollWidth).to.be.at.most(viewport);
    } finally {
      done();
    }
  });
});
