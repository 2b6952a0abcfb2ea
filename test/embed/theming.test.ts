import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { LoyaltyActivity, LoyaltyBalance, NpsSurvey, ReferralShare, RewardCatalog } from '../../src/index.js';
import { baseStyles } from '../../src/components/shared/tokens.js';
import { TestApi } from '../helpers/api.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';

const figure = (element: Element) => element.shadowRoot!.querySelector('[part~="balance"]')!;
const inner = <E extends Element = HTMLElement>(element: Element, selector: string) =>
  element.shadowRoot!.querySelector<E>(selector);

/** The `--loyalty-*` tokens some CSS reads through `var()`. */
const tokensRead = (cssText: string) =>
  new Set([...cssText.matchAll(/var\((--loyalty-[a-z0-9-]+)/g)].map(([, name]) => name));
const cssOf = (styles: unknown): string =>
  [styles]
    .flat(Infinity)
    .map((style) => (style as { cssText: string }).cssText)
    .join('\n');

/** The first names of element tokens that broke the `--loyalty-<element>-*` rule: still read, by the new name first. */
const formerNames: Record<string, string> = {
  '--loyalty-catalog-min-card': '--loyalty-reward-catalog-min-card',
  '--loyalty-referral-accent': '--loyalty-referral-share-accent',
  '--loyalty-referral-qr-size': '--loyalty-referral-share-qr-size',
};

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

  it('names every element token --loyalty-<element>-*, documents each one it reads and reads each one documented', async () => {
    const global = tokensRead(baseStyles.cssText);
    const documented = await (await fetch('/docs/elements.md')).text();
    const elements = { LoyaltyActivity, LoyaltyBalance, NpsSurvey, ReferralShare, RewardCatalog };
    expect(Object.values(elements).every((element) => customElements.getName(element))).to.equal(true);
    for (const element of Object.values(elements)) {
      const name = customElements.getName(element)!;
      // <loyalty-balance> owns --loyalty-balance-*, <reward-catalog> --loyalty-reward-catalog-*.
      const tag = name.replace(/^loyalty-/, '');
      const css = cssOf(element.styles);
      // The element's own section of the reference, from its heading to the next one.
      const section = documented.split(/^## /m).find((part) => part.startsWith(`\`<${name}>\``)) ?? '';
      const read = [...tokensRead(css)].filter((token) => !global.has(token));
      for (const token of read) {
        const renamed = formerNames[token];
        if (renamed)
          expect(css.includes(`var(${renamed}, var(${token}`), `${token} is read after ${renamed}`).to.equal(true);
        else expect(token, `<${name}> token`).to.match(new RegExp(`^--loyalty-${tag}-`));
        expect(section, `${token} documented for <${name}>`).to.contain(`\`${token}\``);
      }
      const listed = [...section.matchAll(/^\| `(--loyalty-[a-z0-9-]+)`/gm)].map(([, token]) => token);
      expect(read, `<${name}> reads every token documented for it`).to.include.members(listed);
    }
  });

  it('still reads the former token names, and the new name wins when both are set', async () => {
    const api = new TestApi();
    configureFor(api, await api.token('c_ada'), { locale: 'en-US' });
    const wrapper = await fixture<HTMLElement>(
      html`<div style="inline-size: 600px">
        <referral-share
          qr
          style="--loyalty-referral-qr-size: 100px; --loyalty-referral-accent: rgb(1, 2, 3)"
        ></referral-share>
        <referral-share
          qr
          style="--loyalty-referral-qr-size: 100px; --loyalty-referral-share-qr-size: 120px; --loyalty-referral-accent: rgb(1, 2, 3); --loyalty-referral-share-accent: rgb(4, 5, 6)"
        ></referral-share>
        <reward-catalog style="--loyalty-catalog-min-card: 20rem"></reward-catalog>
        <reward-catalog
          style="--loyalty-catalog-min-card: 20rem; --loyalty-reward-catalog-min-card: 5rem"
        ></reward-catalog>
      </div>`,
    );
    const [former, both] = wrapper.querySelectorAll('referral-share');
    const [formerCatalog, bothCatalog] = wrapper.querySelectorAll('reward-catalog');
    await waitUntil(() => inner(former, 'canvas') && inner(both, 'canvas'), 'the QR codes never showed');
    await waitUntil(() => inner(formerCatalog, '.grid li') && inner(bothCatalog, '.grid li'), 'no rewards');
    const style = (element: Element, selector: string) => getComputedStyle(inner(element, selector)!);
    expect(style(former, 'canvas').inlineSize).to.equal('100px');
    expect(style(both, 'canvas').inlineSize).to.equal('120px');
    expect(style(former, 'a.button').color).to.equal('rgb(1, 2, 3)');
    expect(style(both, 'a.button').color).to.equal('rgb(4, 5, 6)');
    // 600 px: one 20rem (320 px) column fits (two of the default 15rem), or six 5rem (80 px) ones with their gaps.
    // Counted from a card's width, as laid out: Firefox gives grid-template-columns as written
    // (repeat(auto-fill, …)), not as the tracks it made.
    const columns = (element: Element) => {
      const card = inner(element, '.grid li')!;
      const grid = card.parentElement!;
      const gap = parseFloat(getComputedStyle(grid).columnGap) || 0;
      return Math.round((grid.getBoundingClientRect().width + gap) / (card.getBoundingClientRect().width + gap));
    };
    expect(columns(formerCatalog)).to.equal(1);
    expect(columns(bothCatalog)).to.equal(6);
  });
});
