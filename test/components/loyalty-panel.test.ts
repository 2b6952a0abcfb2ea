import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/loyalty-panel/define.js';
import type { LoyaltyPanel } from '../../src/components/loyalty-panel/loyalty-panel.js';
import { identify, logout, panelSections } from '../../src/core/index.js';
import { TestApi } from '../helpers/api.js';
import { elementSuite } from '../helpers/element-suite.js';
import { mount, unmountAll } from '../helpers/mount.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';
import { part, shows, text } from '../helpers/shadow.js';

afterEach(() => {
  unmountAll();
  resetSdk();
});

const heading = (panel: LoyaltyPanel) => panel.shadowRoot?.querySelector('h2');
const announcer = () => document.querySelector('[data-loyalty-announcer]')?.textContent ?? '';
const inner = (panel: LoyaltyPanel, tag: string) => panel.shadowRoot!.querySelector(tag);

/** The panel's heading once it holds `words` (the section changed and rendered). */
const headed = (panel: LoyaltyPanel, words: string) =>
  waitUntil(
    () => heading(panel)?.textContent?.trim() === words,
    `heading never became "${words}": ${heading(panel)?.textContent} ${text(panel)}`,
  );

describe('<loyalty-panel>', () => {
  it('shows the balance with tier progress and a card for each section on the home view', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 1250, lifetime: 1950 }), { locale: 'en-US' });
    const panel = await fixture<LoyaltyPanel>(html`<loyalty-panel></loyalty-panel>`);
    await headed(panel, 'Acme Rewards');
    await waitUntil(() => text(inner(panel, 'loyalty-balance') ?? panel).includes('1,250 points'));
    const balance = inner(panel, 'loyalty-balance')!;
    await waitUntil(() => part(balance, 'progress'), 'no tier progress');
    const cards = [...panel.shadowRoot!.querySelectorAll<HTMLElement>('[part="card"]')].map(
      (card) => card.dataset.section,
    );
    expect(cards).to.deep.equal(['earn', 'rewards', 'tiers', 'referral', 'activity']);
  });

  it('lists the ways to earn with their points and only safe links', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer(), { locale: 'en-US' });
    const panel = await fixture<LoyaltyPanel>(html`<loyalty-panel section="earn"></loyalty-panel>`);
    await shows(panel, 'Celebrate your birthday');
    expect(text(panel)).to.contain('Shop with us 1 point per $1.00');
    expect(text(panel)).to.contain('Follow us on Instagram 25 points');
    const links = [...panel.shadowRoot!.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(links).to.include('https://www.instagram.com/');
    expect(links.every((href) => /^https?:/.test(href ?? ''))).to.equal(true);
  });

  it('lists every tier with threshold, multiplier and benefits, and marks the shopper’s own', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 100, lifetime: 1200 }), { locale: 'en-US' });
    const panel = await fixture<LoyaltyPanel>(html`<loyalty-panel section="tiers"></loyalty-panel>`);
    await shows(panel, 'Your tier');
    const tiers = [...panel.shadowRoot!.querySelectorAll<HTMLElement>('[part="tier"]')];
    expect(tiers.map((tier) => tier.querySelector('.title')!.textContent)).to.deep.equal(['Bronze', 'Silver', 'Gold']);
    const own = tiers.filter((tier) => tier.getAttribute('aria-current') === 'true');
    expect(own.map((tier) => tier.querySelector('.title')!.textContent)).to.deep.equal(['Silver']);
    expect(text(panel)).to.contain('From 1,000 points');
    expect(text(panel)).to.contain('1.25× points');
    expect(text(panel)).to.contain('Free shipping on orders over $35');
    await waitUntil(() => part(inner(panel, 'loyalty-balance')!, 'progress'), 'no progress to the next tier');
  });

  it('takes the shopper’s birthday once in Ways to earn, stored by the API', async () => {
    const api = new TestApi();
    const customer = await api.customer();
    configureFor(api, customer, { locale: 'en-US' });
    const panel = await fixture<LoyaltyPanel>(html`<loyalty-panel section="earn"></loyalty-panel>`);
    await waitUntil(() => panel.shadowRoot!.querySelector('[part="birthday-form"]'), 'no birthday form');
    const input = panel.shadowRoot!.querySelector<HTMLInputElement>('[part="birthday-form"] input')!;
    input.value = '1990-04-12';
    panel.shadowRoot!.querySelector<HTMLElement>('[part="birthday-form"] button')!.focus();
    await sendKeys({ press: 'Enter' });
    await shows(panel, 'We’ll celebrate on April 12');
    expect(panel.shadowRoot!.querySelector('[part="birthday-form"]')).to.equal(null);
    await waitUntil(() => announcer() === 'Birthday saved', 'the save was not announced');
    const stored = (await api.me(customer.token)) as unknown as { birthday: string };
    expect(stored.birthday).to.equal('1990-04-12');
  });

  it('says so when the birthday was given elsewhere meanwhile (409), and keeps the stored date', async () => {
    const api = new TestApi();
    const customer = await api.customer();
    configureFor(api, customer, { locale: 'en-US' });
    const panel = await fixture<LoyaltyPanel>(html`<loyalty-panel section="earn"></loyalty-panel>`);
    await waitUntil(() => panel.shadowRoot!.querySelector('[part="birthday-form"]'), 'no birthday form');
    await fetch(`${api.apiBase}/v1/me`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${customer.token}` },
      body: JSON.stringify({ birthday: '1985-01-01' }),
    });
    const input = panel.shadowRoot!.querySelector<HTMLInputElement>('[part="birthday-form"] input')!;
    input.value = '1990-04-12';
    const failed = oneEvent(panel, 'loyalty-error');
    panel.shadowRoot!.querySelector<HTMLElement>('[part="birthday-form"] button')!.click();
    await failed;
    await shows(panel, 'already on file');
    await expect(panel).to.be.accessible();
    const stored = (await api.me(customer.token)) as unknown as { birthday: string };
    expect(stored.birthday).to.equal('1985-01-01');
  });

  it('shows Ways to earn, without a birthday form, when the API sends a birthday it cannot read', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer(), { locale: 'en-US' });
    await api.fault({ path: '/v1/me', method: 'GET', times: 5, rewrite: { set: { birthday: '17/05/1990' } } });
    const uncaught: unknown[] = [];
    const record = (event: PromiseRejectionEvent | ErrorEvent) =>
      uncaught.push('reason' in event ? event.reason : event.error);
    window.addEventListener('unhandledrejection', record);
    window.addEventListener('error', record);
    try {
      const panel = await fixture<LoyaltyPanel>(html`<loyalty-panel section="earn"></loyalty-panel>`);
      await shows(panel, 'Celebrate your birthday');
      await waitUntil(() => text(panel).includes('Shop with us'), 'the ways to earn never showed');
      // The date was given (the API would refuse another): no form, and no date it cannot read.
      expect(panel.shadowRoot!.querySelector('[part="birthday-form"]')).to.equal(null);
      expect(text(panel)).not.to.contain('celebrate on');
      await panel.updateComplete;
      expect(uncaught).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', record);
      window.removeEventListener('error', record);
    }
  });

  it('does not show one shopper the birthday alert of the one before', async () => {
    const api = new TestApi();
    const first = await api.customer();
    configureFor(api, first, { locale: 'en-US' });
    const panel = await fixture<LoyaltyPanel>(html`<loyalty-panel section="earn"></loyalty-panel>`);
    await waitUntil(() => panel.shadowRoot!.querySelector('[part="birthday-form"]'), 'no birthday form');
    await fetch(`${api.apiBase}/v1/me`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${first.token}` },
      body: JSON.stringify({ birthday: '1985-01-01' }),
    });
    panel.shadowRoot!.querySelector<HTMLInputElement>('[part="birthday-form"] input')!.value = '1990-04-12';
    panel.shadowRoot!.querySelector<HTMLElement>('[part="birthday-form"] button')!.click();
    await shows(panel, 'already on file');
    const second = await api.customer({ balance: 31 });
    await identify(second.customerId, { token: second.token });
    panel.section = 'home';
    await waitUntil(
      () => text(inner(panel, 'loyalty-balance') ?? panel).includes('31 points'),
      'never showed the new shopper',
    );
    panel.section = 'earn';
    await waitUntil(() => panel.shadowRoot!.querySelector('[part="birthday-form"]'), 'no form for the new shopper');
    expect(text(panel)).not.to.contain('already on file');
    expect(panel.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('shows tier thresholds in money for a program that ranks by spend', async () => {
    const api = new TestApi('', { program: 'spend' });
    configureFor(api, await api.customer(), { locale: 'en-US' });
    const panel = await fixture<LoyaltyPanel>(html`<loyalty-panel section="tiers"></loyalty-panel>`);
    await shows(panel, 'spent');
    expect(text(panel)).to.match(/From €[\d,.]+ spent/);
  });

  it('shows rewards, referral and activity through their own elements', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 500 }), { locale: 'en-US' });
    const panel = await fixture<LoyaltyPanel>(html`<loyalty-panel section="rewards"></loyalty-panel>`);
    await waitUntil(() => inner(panel, 'reward-catalog'), 'no catalog');
    panel.section = 'referral';
    await waitUntil(() => inner(panel, 'referral-share'), 'no referral');
    panel.section = 'activity';
    await waitUntil(() => inner(panel, 'loyalty-activity'), 'no activity');
  });

  it('shows a guest the program, how to earn, tiers and rewards from public endpoints only', async () => {
    const api = new TestApi();
    configureFor(api, undefined, { locale: 'en-US' });
    const panel = await fixture<LoyaltyPanel>(html`<loyalty-panel></loyalty-panel>`);
    await shows(panel, 'Join Acme Rewards');
    expect(text(panel)).to.contain('Join now');
    expect(text(panel)).to.contain('Sign in');
    const cards = [...panel.shadowRoot!.querySelectorAll<HTMLElement>('[part="card"]')].map(
      (card) => card.dataset.section,
    );
    expect(cards).to.deep.equal(['earn', 'rewards', 'tiers']);
    panel.section = 'tiers';
    await shows(panel, 'Gold');
    expect(text(panel)).not.to.contain('Your tier');
    panel.section = 'rewards';
    await waitUntil(
      () => text(inner(panel, 'reward-catalog') ?? panel).includes('Free shipping'),
      'no rewards for a guest',
    );
    const requests = await api.requests();
    expect(requests.filter((request) => request.path.endsWith('/v1/me'))).to.deep.equal([]);
    expect(requests.filter((request) => request.authorization)).to.deep.equal([]);
  });

  it('goes through every section by keyboard, focusing each heading and announcing it, and back', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 500 }), { locale: 'en-US' });
    const panel = await fixture<LoyaltyPanel>(html`<loyalty-panel></loyalty-panel>`);
    await headed(panel, 'Acme Rewards');
    const names = {
      earn: 'Ways to earn',
      rewards: 'Rewards',
      tiers: 'VIP tiers',
      referral: 'Refer a friend',
      activity: 'Activity',
    };
    for (const section of panelSections.filter((each) => each !== 'home')) {
      const card = panel.shadowRoot!.querySelector<HTMLElement>(`[data-section="${section}"]`)!;
      card.focus();
      await sendKeys({ press: 'Enter' });
      await headed(panel, names[section]);
      expect(panel.shadowRoot!.activeElement).to.equal(heading(panel));
      await waitUntil(() => announcer() === `${names[section]} shown`, `never announced ${section}`);
      // The Back button comes right before the heading in tab order. (Focused directly: WebKit's
      // WebDriver sends no Shift+Tab.)
      const back = part(panel, 'back')!;
      expect(back.compareDocumentPosition(heading(panel)!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      back.focus();
      await sendKeys({ press: 'Enter' });
      await headed(panel, 'Acme Rewards');
      expect(panel.shadowRoot!.activeElement).to.equal(heading(panel));
    }
  });

  it('switches to the guest view and back when the shopper signs out and in while it is shown', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 777 });
    configureFor(api, customer, { locale: 'en-US' });
    const panel = await fixture<LoyaltyPanel>(html`<loyalty-panel></loyalty-panel>`);
    await waitUntil(() => text(inner(panel, 'loyalty-balance') ?? panel).includes('777 points'));
    await logout();
    await shows(panel, 'Join Acme Rewards');
    expect(inner(panel, 'loyalty-balance')).to.equal(null);
    const other = await api.customer({ balance: 31 });
    await identify(other.customerId, { token: other.token });
    await waitUntil(
      () => text(inner(panel, 'loyalty-balance') ?? panel).includes('31 points'),
      'never showed the new shopper',
    );
  });

  it('speaks the page language (German)', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer());
    const wrapper = mount(html`<loyalty-panel section="tiers"></loyalty-panel>`, { lang: 'de-DE' });
    const panel = wrapper.querySelector('loyalty-panel')!;
    await headed(panel, 'VIP-Stufen');
    expect(text(panel)).to.contain('Zurück');
  });

  it('is accessible in every view, light and dark, and fits 320 px', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 900, lifetime: 1200 }), { locale: 'en-US' });
    for (const theme of ['light', 'dark']) {
      const wrapper = mount(html`<loyalty-panel theme=${theme}></loyalty-panel>`, {
        style: `inline-size: 320px; background: ${theme === 'dark' ? '#111827' : '#fff'}`,
      });
      const panel = wrapper.querySelector('loyalty-panel')!;
      for (const section of panelSections) {
        panel.section = section;
        await panel.updateComplete;
        await waitUntil(() => !text(panel).includes('Loading'), `${section} kept loading`);
        await expect(panel).to.be.accessible();
        expect(panel.scrollWidth, `${section} overflows 320 px`).to.be.at.most(320);
      }
    }
  });
});

elementSuite({
  tag: 'loyalty-panel',
  template: () => html`<loyalty-panel></loyalty-panel>`,
  paths: ['/v1/program'],
  isReady: (element) => !!element.shadowRoot?.querySelector('[part="card"]'),
  isGuest: (element) => text(element).includes('Join now'),
  isError: (element) => !!element.shadowRoot?.querySelector('[role="alert"]'),
});
