import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/loyalty-balance/define.js';
import { TestApi } from '../helpers/api.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';

const figure = (element: Element) => element.shadowRoot!.querySelector('[part~="balance"]')!;

afterEach(() => resetSdk());

describe('theming', () => {
  it('looks finished with no theme CSS, and follows global and element tokens', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 10 }));
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <loyalty-balance theme="light"></loyalty-balance>
        <loyalty-balance theme="light" style="--loyalty-color-accent: rgb(1, 2, 3)"></loyalty-balance>
        <loyalty-balance theme="light" style="--loyalty-balance-accent: rgb(4, 5, 6)"></loyalty-balance>
      </div>`,
    );
    const [plain, global, local] = wrapper.querySelectorAll('loyalty-balance');
    await waitUntil(() => figure(plain) && figure(local));
    expect(getComputedStyle(figure(plain)).color).to.equal('rgb(29, 78, 216)');
    expect(getComputedStyle(figure(global)).color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(figure(local)).color).to.equal('rgb(4, 5, 6)');
  });

  it('theme="dark" switches to the dark fallbacks', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 10 }));
    const element = await fixture<HTMLElement>(html`<loyalty-balance theme="dark"></loyalty-balance>`);
    await waitUntil(() => figure(element));
    const box = element.shadowRoot!.querySelector('[part~="base"]')!;
    expect(getComputedStyle(box).backgroundColor).to.equal('rgb(17, 24, 39)');
  });

  it('every meaningful piece is reachable with ::part()', async () => {
    const api = new TestApi();
    configureFor(api, await api.customer({ balance: 10, lifetime: 500 }));
    const element = await fixture<HTMLElement>(html`<loyalty-balance></loyalty-balance>`);
    await waitUntil(() => element.shadowRoot!.querySelector('[part~="progress"]'));
    const style = document.createElement('style');
    style.textContent = 'loyalty-balance::part(balance) { letter-spacing: 3px; }';
    document.head.append(style);
    expect(getComputedStyle(figure(element)).letterSpacing).to.equal('3px');
    style.remove();
  });
});
