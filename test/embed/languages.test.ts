// Every element in every language: no message key may be missing (a missing key renders as the
// key itself), and the layout must hold right to left on a 320 px phone.
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/define.js';
import { en } from '../../src/core/i18n/en/index.js';
import { languages } from '../../src/core/i18n/translate.js';
import { TestApi } from '../helpers/api.js';
import { mount, unmountAll } from '../helpers/mount.js';
import { text } from '../helpers/shadow.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';

const keyPattern = /\b(common|balance|activity|catalog|survey|referral)\.[a-zA-Z.-]+/;

/** Each element in the state where it shows the most words. */
const elements = [
  { tag: 'loyalty-balance', ready: (el: Element) => Boolean(el.shadowRoot?.querySelector('[part~="progress"]')) },
  { tag: 'loyalty-activity', ready: (el: Element) => Boolean(el.shadowRoot?.querySelector('[part~="item"]')) },
  {
    tag: 'reward-catalog',
    ready: (el: Element) => /\d/.test(text(el)) && !el.shadowRoot?.querySelector('[aria-busy="true"]'),
  },
  {
    tag: 'referral-share',
    ready: (el: Element) =>
      [...(el.shadowRoot?.querySelectorAll('input') ?? [])].some((i) => i.value.includes('ADA-7K2Q')),
  },
  { tag: 'nps-survey', ready: (el: Element) => text(el).includes('10') },
];

const catalogs: Record<string, () => Promise<object>> = {
  es: () => import('../../src/core/i18n/locales/es.js').then((module) => module.es),
  de: () => import('../../src/core/i18n/locales/de.js').then((module) => module.de),
  tr: () => import('../../src/core/i18n/locales/tr.js').then((module) => module.tr),
};

afterEach(() => {
  unmountAll();
  resetSdk();
});

describe('languages', () => {
  for (const language of languages.filter((code) => code !== 'en')) {
    it(`${language}: the catalog has exactly the English keys`, async () => {
      const catalog = await catalogs[language]();
      expect(Object.keys(catalog).sort()).to.deep.equal(Object.keys(en).sort());
    });
  }

  for (const language of languages) {
    for (const { tag, ready } of elements) {
      it(`<${tag}> in ${language}: every string found, and it holds right to left at 320 px`, async () => {
        const api = new TestApi();
        configureFor(api, { customerId: 'c_ada', token: (await api.token('c_ada')).token });
        const container = mount(html``, { lang: language, dir: 'rtl', style: 'inline-size: 320px' });
        const element = document.createElement(tag);
        if (tag === 'nps-survey') element.setAttribute('mode', 'inline');
        container.append(element);
        if (tag === 'nps-survey') (element as HTMLElement & { show(): void }).show();
        await waitUntil(() => ready(element), `<${tag}> never showed its data in ${language}`, { timeout: 5000 });
        expect(text(element)).not.to.match(keyPattern);
        expect(element.scrollWidth, 'no horizontal overflow').to.be.at.most(element.clientWidth + 1);
      });
    }
  }
});
