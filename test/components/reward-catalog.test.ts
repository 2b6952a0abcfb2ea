// <reward-catalog>: what the shopper sees (kinds and values, affordability, tier locks, guests,
// filter and sort, variable rewards, "My rewards", copy) against the reference API.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/components/reward-catalog/define.js';
import type { RewardCatalog } from '../../src/components/reward-catalog/reward-catalog.js';
import { getSdk, type Reward } from '../../src/core/index.js';
import { TestApi } from '../helpers/api.js';
import { elementSuite } from '../helpers/element-suite.js';
import { pastedText, setViewport } from '../helpers/engine.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';
import { text, shows } from '../helpers/shadow.js';

const card = (element: HTMLElement, id: string) =>
  element.shadowRoot!.querySelector<HTMLElement>(`[part="reward"][data-id="${id}"]`);
const cardText = (element: HTMLElement, id: string) => card(element, id)?.textContent!.replace(/\s+/g, ' ') ?? '';

/** A catalog (possibly inside a wrapper) once its rewards show. */
async function catalogFixture<T extends HTMLElement = RewardCatalog>(
  template = html`<reward-catalog></reward-catalog>`,
): Promise<T> {
  const element = await fixture<T>(template);
  const catalog = element.localName === 'reward-catalog' ? element : element.querySelector('reward-catalog')!;
  await waitUntil(() => catalog.shadowRoot!.querySelector('[part="reward"]'), 'the rewards never showed');
  return element;
}

afterEach(() => resetSdk());

const base: Omit<Reward, 'id' | 'name' | 'kind' | 'cost'> = { description: 'd', available: true };

describe('<reward-catalog>', () => {
  it('shows every kind with its value, cost, description and lazy image', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 5000 });
    const rewards: Reward[] = [
      { ...base, id: 'a', name: 'Ten off', kind: 'discount', cost: 1000, value: { amount: 1000, currency: 'USD' } },
      { ...base, id: 'b', name: 'Fifteen percent', kind: 'discount', cost: 900, value: { percent: 15 } },
      { ...base, id: 'c', name: 'Ship free', kind: 'free-shipping', cost: 300 },
      { ...base, id: 'd', name: 'Give', kind: 'donation', cost: 500, value: { amount: 500, currency: 'USD' } },
      { ...base, id: 'e', name: 'Coffee', kind: 'partner', cost: 400 },
      { ...base, id: 'f', name: 'Credit', kind: 'store-credit', cost: 2000, value: { amount: 2000, currency: 'EUR' } },
      { ...base, id: 'g', name: 'Tote', kind: 'free-product', cost: 1200, imageUrl: '/img/tote.svg' },
      { ...base, id: 'h', name: 'Styling', kind: 'experience', cost: 1500 },
    ];
    await api.fault({ method: 'GET', path: '/v1/rewards', times: 100, body: { rewards } });
    configureFor(api, customer, { locale: 'en-US' });
    const element = await catalogFixture();
    expect(cardText(element, 'a')).to.contain('$10.00 off').and.contain('1,000 points');
    expect(cardText(element, 'b')).to.contain('15% off');
    expect(cardText(element, 'c')).to.contain('Free shipping');
    expect(cardText(element, 'd')).to.contain('Donate $5.00 to charity');
    expect(cardText(element, 'e')).to.contain('Partner reward');
    expect(cardText(element, 'f')).to.contain('€20.00 store credit');
    expect(cardText(element, 'h')).to.contain('Styling').and.contain('1,500 points');
    const image = card(element, 'g')!.querySelector('img')!;
    expect(image.getAttribute('alt'), 'decorative').to.equal('');
    expect(image.loading).to.equal('lazy');
    expect(image.src).to.equal(new URL('/img/tote.svg', location.href).href);
    expect(card(element, 'a')!.querySelector('img')!.hidden, 'no image, no broken picture').to.equal(true);
  });

  it('marks a reward image decorative (alt=""): the heading beside it already names the reward', async () => {
    const api = new TestApi();
    const rewards: Reward[] = [
      { ...base, id: 't', name: 'Tote bag', kind: 'free-product', cost: 10, imageUrl: '/img/tote.svg' },
    ];
    await api.fault({ method: 'GET', path: '/v1/rewards', times: 100, body: { rewards } });
    configureFor(api, await api.customer({ balance: 50 }));
    const element = await catalogFixture();
    const image = card(element, 't')!.querySelector('img')!;
    expect(image.hasAttribute('alt') && image.alt, 'a screen reader would read the name twice').to.equal('');
    expect(card(element, 't')!.querySelector('h3')!.textContent).to.equal('Tote bag');
  });

  it('shows money in a currency code Intl refuses as the number and the code, never a broken catalog', async () => {
    const api = new TestApi();
    const rewards: Reward[] = [
      { ...base, id: 'x', name: 'Odd', kind: 'discount', cost: 10, value: { amount: 1000, currency: 'dollars' } },
      { ...base, id: 'y', name: 'Fine', kind: 'discount', cost: 20, value: { amount: 500, currency: 'USD' } },
    ];
    await api.fault({ method: 'GET', path: '/v1/rewards', times: 100, body: { rewards } });
    configureFor(api, await api.customer({ balance: 50 }), { locale: 'en-US' });
    const element = await catalogFixture();
    expect(cardText(element, 'x')).to.contain('10.00 dollars off');
    expect(cardText(element, 'y')).to.contain('$5.00 off');
  });

  it('hides an image that fails to load, and shows the next URL the API sends', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 5000 });
    const tote = { ...base, id: 'g', name: 'Tote', kind: 'free-product', cost: 1200 } as const;
    await api.fault({
      method: 'GET',
      path: '/v1/rewards',
      times: 1,
      body: { rewards: [{ ...tote, imageUrl: '/nowhere.png' }] },
    });
    configureFor(api, customer);
    const element = await catalogFixture();
    const image = () => card(element, 'g')!.querySelector('img')!;
    await waitUntil(() => image().hidden, 'the broken picture is hidden');

    await api.fault({
      method: 'GET',
      path: '/v1/rewards',
      times: 100,
      body: { rewards: [{ ...tote, imageUrl: '/demo/img/tote.svg' }] },
    });
    await getSdk().resource('rewards').refresh();
    await element.updateComplete;
    expect(image().hidden).to.equal(false);
    await waitUntil(() => image().complete && image().naturalWidth > 0, 'the new image loads');
  });

  it('tells affordable, short, tier-locked, coming-soon and out-of-stock rewards apart', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 550 }), { locale: 'en-US' });
    const element = await catalogFixture();
    const button = (id: string) => card(element, id)!.querySelector<HTMLButtonElement>('[part="redeem-button"]')!;
    expect(button('r_5_off').disabled).to.equal(false);
    expect(button('r_5_off').getAttribute('aria-label')).to.equal('Redeem $5 off your next order');
    expect(cardText(element, 'r_10_percent')).to.contain('You need 250 more points');
    expect(button('r_10_percent').disabled).to.equal(true);
    expect(card(element, 'r_10_percent')!.querySelector('progress')!.value).to.equal(550);
    expect(card(element, 'r_10_percent')!.querySelector('progress')!.max).to.equal(800);
    expect(cardText(element, 'r_socks')).to.contain('Unlocks at Silver');
    expect(cardText(element, 'r_preview')).to.contain('Unlocks at Gold');
    expect(button('r_preview').disabled).to.equal(true);
    const from = new Date(Date.now() + 14 * 86_400_000);
    const day = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short' }).format(from);
    expect(cardText(element, 'r_styling')).to.contain(`Members get early access on ${day}`);
    expect(cardText(element, 'r_mug')).to.contain('Out of stock');
    expect(button('r_mug').disabled).to.equal(true);
    expect(card(element, 'r_mug')!.hasAttribute('data-off')).to.equal(true);

    element.hideUnavailable = true;
    await element.updateComplete;
    expect(Boolean(card(element, 'r_mug')), 'out of stock: hidden').to.equal(false);
    expect(Boolean(card(element, 'r_preview')), 'tier-locked rewards stay, as something to aim for').to.equal(true);
  });

  it('says "1 more point" in the singular, with the program’s own label', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 299 }), { locale: 'en-US' });
    const element = await catalogFixture();
    expect(cardText(element, 'r_free_shipping')).to.contain('You need 1 more point');
    expect(cardText(element, 'r_free_shipping')).not.to.contain('1 more points');
  });

  it('shows guests the catalog to aspire to, with join and sign-in instead of Redeem', async () => {
    const api = new TestApi();
    configureFor(api, undefined, { locale: 'en-US' });
    const element = await catalogFixture(html`<reward-catalog join-url="https://shop.example/join"></reward-catalog>`);
    await shows(element, 'Join Acme Rewards');
    // Booleans, not nodes: chai's message for a DOM node can take the page down.
    expect(Boolean(element.shadowRoot!.querySelector('[part="redeem-button"]')), 'no Redeem').to.equal(false);
    expect(Boolean(element.shadowRoot!.querySelector('[part="my-rewards"]')), 'no My rewards').to.equal(false);
    const join = [...element.shadowRoot!.querySelectorAll('a')].map((a) => a.href);
    expect(join).to.include('https://shop.example/join');
    expect(join).to.include(new URL('/account/sign-in', location.href).href);
    expect(cardText(element, 'r_5_off')).to.contain('Join to redeem').and.contain('500 points');
    expect(cardText(element, 'r_socks')).to.contain('Unlocks at Silver');
    expect((await api.requests({ path: '/v1/me' })).length, 'a guest has no balance to ask for').to.equal(0);
  });

  it('filters by kind and sorts, from attributes and from its own controls', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 900 }), { locale: 'en-US' });
    const element = await catalogFixture(html`<reward-catalog kind="discount free-shipping"></reward-catalog>`);
    const ids = () =>
      [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part="reward"]')].map((li) => li.dataset.id);
    // affordable-first: redeemable now by cost, then the one 900 points cannot buy yet.
    expect(ids()).to.deep.equal(['r_pay_with_points', 'r_free_shipping', 'r_5_off', 'r_10_percent']);
    element.sort = 'cost-desc';
    await element.updateComplete;
    expect(ids()).to.deep.equal(['r_10_percent', 'r_5_off', 'r_free_shipping', 'r_pay_with_points']);
    // A sort it does not know is the default, and the control says so. (All kinds: there the
    // default order is not the cost order, as a tier-locked reward is cheaper than some others.)
    element.kind = '';
    element.sort = 'affordable-first';
    await element.updateComplete;
    const byDefault = ids();
    element.sort = 'cost-asc';
    await element.updateComplete;
    expect(ids()).not.to.deep.equal(byDefault);
    element.setAttribute('sort', 'price');
    await element.updateComplete;
    expect(ids()).to.deep.equal(byDefault);
    expect(element.shadowRoot!.querySelector('select')!.value).to.equal('affordable-first');
    element.kind = 'discount free-shipping';
    element.sort = 'cost-desc';
    await element.updateComplete;

    const chip = (name: string) =>
      [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.chip')].find((b) => b.textContent.trim() === name)!;
    expect(chip('Discounts').getAttribute('aria-pressed')).to.equal('true');
    expect(chip('Free shipping').getAttribute('aria-pressed')).to.equal('true');
    expect(chip('All').getAttribute('aria-pressed')).to.equal('false');
    // Keyboard: the filter is buttons, the sort a native select.
    chip('Discounts').focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(element.kind).to.equal('free-shipping');
    expect(ids()).to.deep.equal(['r_free_shipping']);
    chip('All').focus();
    await sendKeys({ press: 'Space' });
    await element.updateComplete;
    expect(ids()).to.have.length(13);

    const select = element.shadowRoot!.querySelector('select')!;
    expect(select.value).to.equal('cost-desc');
    select.focus();
    select.value = 'cost-asc';
    select.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect(element.sort).to.equal('cost-asc');
    expect(ids()[0]).to.equal('r_pay_with_points');
    expect(ids().at(-1)).to.equal('r_preview');
  });

  it('lets the shopper choose points for a variable reward, with the value shown live', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 2000 }), { locale: 'en-US' });
    const element = await catalogFixture();
    const item = card(element, 'r_pay_with_points')!;
    const slider = item.querySelector<HTMLInputElement>('input[type="range"]')!;
    const field = item.querySelector<HTMLInputElement>('input[type="number"]')!;
    expect([slider.min, slider.max, slider.step]).to.deep.equal(['100', '5000', '100']);
    expect(cardText(element, 'r_pay_with_points')).to.contain('100 points = $1.00 off');
    slider.focus();
    await sendKeys({ press: 'ArrowRight' });
    await element.updateComplete;
    expect(cardText(element, 'r_pay_with_points')).to.contain('200 points = $2.00 off');
    expect(field.value).to.equal('200');

    field.focus();
    field.select();
    await sendKeys({ type: '1500' });
    await element.updateComplete;
    // Live while typing ("1", "15", "150" are not valid amounts and change nothing on the way).
    expect(cardText(element, 'r_pay_with_points')).to.contain('1,500 points = $15.00 off');
    expect(field.value).to.equal('1500');
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(cardText(element, 'r_pay_with_points')).to.contain('1,500 points = $15.00 off');
    expect(slider.value).to.equal('1500');
    expect(slider.getAttribute('aria-valuetext')).to.equal('1,500 points = $15.00 off');

    // Off the step or out of range: snapped back in.
    field.value = '1550';
    field.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect(field.value).to.equal('1600');
    field.value = '99999';
    field.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect(field.value).to.equal('5000');
    expect(cardText(element, 'r_pay_with_points')).to.contain('You need 3,000 more points');
    expect(item.querySelector<HTMLButtonElement>('[part="redeem-button"]')!.disabled).to.equal(true);
  });

  it('lists the codes already issued, used or not, each copyable', async () => {
    const api = new TestApi();
    const { token } = await api.token('c_ada');
    configureFor(api, { customerId: 'c_ada', token }, { locale: 'en-US' });
    const element = await catalogFixture();
    const mine = element.shadowRoot!.querySelector<HTMLDetailsElement>('[part="my-rewards"]')!;
    await waitUntil(() => mine.textContent.includes('(3)'), 'the three codes load');
    mine.querySelector('summary')!.click();
    const codes = [...mine.querySelectorAll<HTMLInputElement>('[part="code"]')];
    expect(codes.map((input) => input.value)).to.have.members(['ACME-FS9Q-2M4K', 'ACME-TR5E-8P1N', 'ACME-CN4D-6H3W']);
    expect(codes.every((input) => input.readOnly)).to.equal(true);
    expect(codes[0].getAttribute('aria-label')).to.match(/^Code for /);
    expect(mine.querySelectorAll('[part="copy-button"]')).to.have.length(3);
    const items = [...mine.querySelectorAll('li')].map((li) => li.textContent.replace(/\s+/g, ' '));
    expect(items.map((line) => line.trim().split(' Copy')[0])).to.have.members([
      'Free shipping',
      'Plant 5 trees',
      'Anniversary candle',
    ]);
    expect(items.filter((line) => line.includes('Used'))).to.have.length(2);
    expect(items.find((line) => line.includes('Anniversary candle'))).to.contain('Use by');
  });

  describe('copy', () => {
    /** Ada's first code in "My rewards", opened. */
    async function firstCode() {
      const api = new TestApi();
      const { token } = await api.token('c_ada');
      configureFor(api, { customerId: 'c_ada', token });
      const element = await catalogFixture();
      const mine = element.shadowRoot!.querySelector<HTMLDetailsElement>('[part="my-rewards"]')!;
      await waitUntil(() => mine.querySelector('[part="copy-button"]'));
      mine.open = true;
      const row = mine.querySelector('li')!;
      return {
        element,
        row,
        input: row.querySelector<HTMLInputElement>('[part="code"]')!,
        copy: row.querySelector<HTMLButtonElement>('[part="copy-button"]')!,
      };
    }

    afterEach(async () => {
      delete (navigator.clipboard as { writeText?: unknown }).writeText;
      await executeServerCommand('set-clipboard-permission', { granted: false });
    });

    it('copies a code with the Clipboard API when allowed', async () => {
      await executeServerCommand('set-clipboard-permission', { granted: true });
      const { row, input, copy } = await firstCode();
      // A real key press: WebKit lets a page write the clipboard only on a user gesture.
      copy.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => row.textContent.includes('Copied'), 'says Copied');
      expect(await pastedText()).to.equal(input.value);
      await waitUntil(() => document.querySelector('[data-loyalty-announcer]')?.textContent === 'Copied');
    });

    it('selects the code and says which keys to press when the clipboard is refused', async () => {
      await executeServerCommand('set-clipboard-permission', { granted: false });
      // Chromium lets a focused page write without the permission (its default for
      // clipboard-write), so the refusal another browser would give is made here.
      Object.defineProperty(navigator.clipboard, 'writeText', {
        value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
        configurable: true,
      });
      const { element, row, input, copy } = await firstCode();
      copy.click();
      await waitUntil(() => /Press (Ctrl|⌘)\+C to copy/.test(row.textContent), 'says how to copy');
      expect(element.shadowRoot!.activeElement === input, 'the code has focus').to.equal(true);
      expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, input.value.length]);
    });
  });

  it('is a grid in a wide container and a list in a narrow one (container query, not viewport)', async () => {
    await setViewport({ width: 1200, height: 800 });
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 100 }));
    const wide = await catalogFixture(html`<div style="inline-size: 1000px"><reward-catalog></reward-catalog></div>`);
    const narrow = await catalogFixture(html`<div style="inline-size: 320px"><reward-catalog></reward-catalog></div>`);
    const columns = (host: HTMLElement) =>
      getComputedStyle(host.querySelector('reward-catalog')!.shadowRoot!.querySelector('.grid')!)
        .gridTemplateColumns.split(' ')
        .filter(Boolean).length;
    // Narrow, a card lays its image beside the text (a grid of its own); wide, a column.
    const layout = (host: HTMLElement) =>
      getComputedStyle(host.querySelector('reward-catalog')!.shadowRoot!.querySelector('.card')!).display;
    expect(layout(wide)).to.equal('flex');
    expect(columns(wide)).to.be.greaterThan(1);
    expect([columns(narrow), layout(narrow)]).to.deep.equal([1, 'grid']);
    // A phone-wide viewport changes neither: the container decides. (460 px: WebKitGTK's window
    // is never narrower than about 450 px; still below every phone/tablet breakpoint.)
    await setViewport({ width: 460, height: 800 });
    try {
      expect(columns(wide)).to.be.greaterThan(1);
      expect(layout(wide)).to.equal('flex');
    } finally {
      await setViewport({ width: 1200, height: 800 });
    }
  });

  it('renders API text as text and never an unsafe image URL', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 100 });
    const rewards: Reward[] = [
      {
        ...base,
        id: 'x',
        name: '<img src=x onerror="window.pwned=1">',
        description: '<b>bold</b>',
        kind: 'discount',
        cost: 10,

        imageUrl: 'javascript:alert(1)',
      },
    ];
    await api.fault({ method: 'GET', path: '/v1/rewards', times: 100, body: { rewards } });
    configureFor(api, customer);
    const element = await catalogFixture();
    expect(cardText(element, 'x')).to.contain('<img src=x onerror="window.pwned=1">').and.contain('<b>bold</b>');
    expect(card(element, 'x')!.querySelectorAll('b')).to.have.length(0);
    const image = card(element, 'x')!.querySelector('img')!;
    expect([image.hasAttribute('src'), image.hidden]).to.deep.equal([false, true]);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('shows an error with Try again that recovers', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 100 });
    await api.fault({ path: '/v1/rewards', times: 1, status: 500 });
    configureFor(api, customer);
    const element = await fixture<RewardCatalog>(html`<reward-catalog></reward-catalog>`);
    await shows(element, 'Try again');
    element.shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await waitUntil(() => card(element, 'r_5_off'), 'the catalog loads on retry');
    expect(text(element)).not.to.contain('Try again');
  });
});

elementSuite({
  tag: 'reward-catalog',
  template: () => html`<reward-catalog></reward-catalog>`,
  paths: ['/v1/rewards', '/v1/me'],
  isReady: (element) => Boolean(element.shadowRoot!.querySelector('[part="reward"]')),
  isGuest: (element) => text(element).includes('Join'),
  isError: (element) => Boolean(element.shadowRoot!.querySelector('[role="alert"]')),
});
