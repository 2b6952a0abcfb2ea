import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/components/referral-share/define.js';
import type { ReferralSharedEvent } from '../../src/components/referral-share/events.js';
import type { ReferralShare } from '../../src/components/referral-share/referral-share.js';
import { captureReferral, on } from '../../src/core/index.js';
import { TestApi } from '../helpers/api.js';
import { elementSuite } from '../helpers/element-suite.js';
import { pastedText, pressChord } from '../helpers/engine.js';
import { configureFor, resetSdk } from '../helpers/sdk.js';
import { text, shows } from '../helpers/shadow.js';

const $ = <E extends Element = HTMLElement>(element: HTMLElement, selector: string) =>
  element.shadowRoot!.querySelector<E>(selector);
const button = (element: HTMLElement, words: string) =>
  [...element.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.trim() === words);
const announced = (words: string) =>
  waitUntil(
    () => document.querySelector('[data-loyalty-announcer]')?.textContent === words,
    `never announced "${words}"`,
  );
const channelHref = (element: HTMLElement, channel: string) =>
  $<HTMLAnchorElement>(element, `a[data-channel="${channel}"]`)!.getAttribute('href');

// Ada is seeded in every scope: code ADA-7K2Q, 5 invited, 1 converted, 500 points earned.
const adaLink = `${location.origin}/?ref=ADA-7K2Q`;
const friendReward = '$10 off a first order of $50 or more';
const e = encodeURIComponent;

async function asAda(extra = {}, template = html`<referral-share></referral-share>`) {
  const api = new TestApi();
  configureFor(api, await api.token('c_ada'), { locale: 'en-US', ...extra });
  const element = await fixture<ReferralShare>(template);
  await waitUntil(() => $(element, 'input#link'), 'never showed the link');
  return { api, element };
}

/** jsQR is a UMD file: a classic script tag puts it on window. */
async function loadJsQr(): Promise<typeof import('jsqr').default> {
  const global = window as unknown as { jsQR?: typeof import('jsqr').default };
  if (!global.jsQR) {
    await new Promise((resolve, reject) => {
      const script = Object.assign(document.createElement('script'), { src: '/node_modules/jsqr/dist/jsQR.js' });
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
  }
  return global.jsQR!;
}

/** Reads the QR canvas back: scaled up without smoothing so the decoder sees crisp modules. */
async function decodeQr(canvas: HTMLCanvasElement): Promise<string | undefined> {
  const jsQR = await loadJsQr();
  const scale = 8;
  const big = document.createElement('canvas');
  big.width = canvas.width * scale;
  big.height = canvas.height * scale;
  const context = big.getContext('2d')!;
  context.imageSmoothingEnabled = false;
  context.drawImage(canvas, 0, 0, big.width, big.height);
  const { data, width, height } = context.getImageData(0, 0, big.width, big.height);
  return jsQR(data, width, height)?.data;
}

afterEach(() => resetSdk());

describe('<referral-share>', () => {
  // First in the file on purpose: nothing before it has shown a QR code, so the chunk is unloaded.
  it('loads the QR encoder only when the code is shown, draws it locally, and it decodes to the link', async () => {
    performance.clearResourceTimings();
    const { element, api } = await asAda();
    const loadedEncoder = () =>
      performance.getEntriesByType('resource').some((entry) => entry.name.includes('lean-qr'));
    expect(loadedEncoder(), 'lean-qr loaded before the QR code was asked for').to.equal(false);
    expect($(element, 'canvas')).to.equal(null);

    const toggle = button(element, 'Show QR code')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    setTimeout(() => toggle.click());
    const event = await oneEvent<ReferralSharedEvent>(element, 'referral-shared');
    expect(event.detail.channel).to.equal('qr');
    await waitUntil(() => $<HTMLCanvasElement>(element, 'canvas')?.width, 'the QR code was never drawn');
    // Resource timing entries are queued a moment after the load.
    await waitUntil(loadedEncoder, 'the encoder chunk was never requested');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.textContent.trim()).to.equal('Hide QR code');

    const canvas = $<HTMLCanvasElement>(element, 'canvas')!;
    expect(canvas.getAttribute('role')).to.equal('img');
    expect(canvas.getAttribute('aria-label')).to.equal('QR code of your referral link');
    expect(await decodeQr(canvas)).to.equal(adaLink);
    // Encoded here: the only requests are to our own origin (the API and the chunk).
    for (const entry of performance.getEntriesByType('resource'))
      expect(new URL(entry.name).origin).to.equal(location.origin);
    expect((await api.requests()).some((request) => request.path.includes('qr'))).to.equal(false);

    toggle.click();
    await waitUntil(() => !$(element, 'canvas'));
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  it('shows the QR code at once with the qr attribute, without a share event', async () => {
    const shared: unknown[] = [];
    document.addEventListener('referral-shared', (event) => shared.push(event));
    const { element } = await asAda({}, html`<referral-share qr></referral-share>`);
    await waitUntil(() => $<HTMLCanvasElement>(element, 'canvas')?.width, 'the QR code was never drawn');
    expect(await decodeQr($<HTMLCanvasElement>(element, 'canvas')!)).to.equal(adaLink);
    expect(shared).to.deep.equal([]);
  });

  it('shows what both sides get, the link, the code and the results so far', async () => {
    const { element } = await asAda();
    expect(text(element)).to.contain('Refer a friend');
    expect(text(element)).to.contain(`Your friends get ${friendReward}`);
    expect(text(element)).to.contain('You get 500 points when a friend makes their first purchase');
    expect($<HTMLInputElement>(element, 'input#link')!.value).to.equal(adaLink);
    expect($<HTMLInputElement>(element, 'input#code')!.value).to.equal('ADA-7K2Q');
    expect($(element, 'label[for="link"]')!.textContent).to.equal('Your referral link');
    const stats = [...element.shadowRoot!.querySelectorAll('[part="stats"] div')].map((row) => [
      row.querySelector('dt')!.textContent.trim(),
      row.querySelector('dd')!.textContent.trim(),
    ]);
    expect(stats).to.deep.equal([
      ['Friends invited', '5'],
      ['Friends who ordered', '1'],
      ['Points earned', '500 points'],
    ]);
  });

  it('hides the results with hide-stats', async () => {
    const { element } = await asAda({}, html`<referral-share hide-stats></referral-share>`);
    expect($(element, '[part="stats"]')).to.equal(null);
  });

  describe('copy', () => {
    afterEach(async () => {
      // Drops the refusal defined on the instance; the prototype's writeText is back.
      delete (navigator.clipboard as { writeText?: unknown }).writeText;
      await executeServerCommand('set-clipboard-permission', { granted: false });
    });

    it('copies the link and the code from the keyboard, confirms and announces it', async () => {
      await executeServerCommand('set-clipboard-permission', { granted: true });
      const { element } = await asAda();
      const events: string[] = [];
      element.addEventListener('referral-shared', (event) => events.push(event.detail.channel));
      const heard: unknown[] = [];
      const off = on('referral-shared', (detail) => heard.push(detail));

      button(element, 'Copy link')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => button(element, 'Copied'), 'the button never said Copied');
      await announced('Link copied');
      expect(await pastedText()).to.equal(adaLink);

      await sendKeys({ press: 'Tab' }); // the code field
      await sendKeys({ press: 'Tab' }); // its Copy button
      expect(element.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Copy code');
      await sendKeys({ press: 'Space' });
      await announced('Code copied');
      expect(await pastedText()).to.equal('ADA-7K2Q');
      expect(events).to.deep.equal(['copy-link', 'copy-code']);
      expect(heard).to.deep.equal([{ channel: 'copy-link' }, { channel: 'copy-code' }]);
      off();
      // "Copied" goes back to "Copy link" after a moment.
      await waitUntil(() => button(element, 'Copy link'), 'the confirmation never went away', { timeout: 3000 });
    });

    it('selects the text and shows the shortcut when the Clipboard API is refused', async () => {
      await executeServerCommand('set-clipboard-permission', { granted: false });
      // Without an override Chromium still lets a focused page write (its default for
      // clipboard-write), so the refusal the browser would give is made here.
      Object.defineProperty(navigator.clipboard, 'writeText', {
        value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
        configurable: true,
      });
      const { element } = await asAda();
      const events: string[] = [];
      element.addEventListener('referral-shared', (event) => events.push(event.detail.channel));
      button(element, 'Copy link')!.click();
      await shows(element, 'Press Ctrl+C to copy');
      await announced('Press Ctrl+C to copy');
      const input = $<HTMLInputElement>(element, 'input#link')!;
      expect(element.shadowRoot!.activeElement).to.equal(input);
      expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, adaLink.length]);
      expect(input.getAttribute('aria-describedby')).to.equal('link-hint');
      expect(events).to.deep.equal([]);

      // The shopper copies by hand: that is confirmed like a button copy.
      await pressChord('Control', 'KeyC');
      await waitUntil(() => button(element, 'Copied'));
      await announced('Link copied');
      expect(text(element)).not.to.contain('Press Ctrl+C');
      expect(events).to.deep.equal(['copy-link']);
    });
  });

  describe('share', () => {
    const template = 'Get {reward} at Acme with my link {url} (code {code})';
    const message = `Get ${friendReward} at Acme with my link ${adaLink} (code ADA-7K2Q)`;

    afterEach(() => {
      delete (navigator as { share?: unknown }).share;
    });

    it('builds every direct link exactly, from the configured template', async () => {
      const { element } = await asAda({ referral: { message: template } });
      const encodedMessage =
        'Get%20%2410%20off%20a%20first%20order%20of%20%2450%20or%20more%20at%20Acme%20with%20my%20link%20' +
        `${e(adaLink)}%20(code%20ADA-7K2Q)`;
      expect(e(message)).to.equal(encodedMessage);
      const subject = 'A%20gift%20for%20you%3A%20%2410%20off%20a%20first%20order%20of%20%2450%20or%20more';
      expect(channelHref(element, 'email')).to.equal(`mailto:?subject=${subject}&body=${encodedMessage}`);
      expect(channelHref(element, 'sms')).to.equal(`sms:?&body=${encodedMessage}`);
      expect(channelHref(element, 'whatsapp')).to.equal(`https://wa.me/?text=${encodedMessage}`);
      expect(channelHref(element, 'x')).to.equal(`https://x.com/intent/post?text=${encodedMessage}`);
      expect(channelHref(element, 'facebook')).to.equal(`https://www.facebook.com/sharer/sharer.php?u=${e(adaLink)}`);
      expect(channelHref(element, 'linkedin')).to.equal(
        `https://www.linkedin.com/sharing/share-offsite/?url=${e(adaLink)}`,
      );
      expect(e(adaLink)).to.match(/^http%3A%2F%2F.+%2F%3Fref%3DADA-7K2Q$/);
      const labels = [...element.shadowRoot!.querySelectorAll('a[data-channel]')].map((a) => a.textContent.trim());
      expect(labels).to.deep.equal([
        'Email',
        'Text message',
        'WhatsApp (opens in a new tab)',
        'X (opens in a new tab)',
        'Facebook (opens in a new tab)',
        'LinkedIn (opens in a new tab)',
      ]);
      for (const channel of ['whatsapp', 'x', 'facebook', 'linkedin']) {
        const link = $<HTMLAnchorElement>(element, `a[data-channel="${channel}"]`)!;
        expect([link.target, link.rel]).to.deep.equal(['_blank', 'noopener noreferrer']);
      }
      expect($<HTMLAnchorElement>(element, 'a[data-channel="email"]')!.hasAttribute('target')).to.equal(false);
    });

    it('uses the catalog’s message by default, and the message attribute over configure()', async () => {
      const first = await asAda();
      expect(channelHref(first.element, 'whatsapp')).to.equal(
        `https://wa.me/?text=${e(`Get ${friendReward} with my link: ${adaLink}`)}`,
      );
      const second = await asAda(
        { referral: { message: template } },
        html`<referral-share message="Use {code}, {reward}!"></referral-share>`,
      );
      // No {url} in the template: the link is added, or there would be nothing to click.
      expect(channelHref(second.element, 'x')).to.equal(
        `https://x.com/intent/post?text=${e(`Use ADA-7K2Q, ${friendReward}! ${adaLink}`)}`,
      );
    });

    it('follows merchant overrides of the default message per locale', async () => {
      const { element } = await asAda({
        locale: 'en-US',
        messages: { en: { 'referral.message': '{code}: {url}', 'referral.emailSubject': 'Hi' } },
      });
      expect(channelHref(element, 'email')).to.equal(`mailto:?subject=Hi&body=${e(`ADA-7K2Q: ${adaLink}`)}`);
    });

    it('tells the host page which channel was used', async () => {
      const { element } = await asAda();
      // Stop the navigation (mail app, new tab); the element has already seen the click.
      const stop = (event: Event) => event.preventDefault();
      window.addEventListener('click', stop, { capture: true });
      try {
        const seen: string[] = [];
        document.addEventListener('referral-shared', (event) => seen.push(event.detail.channel));
        for (const channel of ['email', 'sms', 'whatsapp', 'x', 'facebook', 'linkedin']) {
          $<HTMLAnchorElement>(element, `a[data-channel="${channel}"]`)!.click();
        }
        expect(seen).to.deep.equal(['email', 'sms', 'whatsapp', 'x', 'facebook', 'linkedin']);
      } finally {
        window.removeEventListener('click', stop, { capture: true });
      }
    });

    it('opens the native share sheet where the browser has one', async () => {
      const calls: ShareData[] = [];
      Object.defineProperty(navigator, 'share', {
        value: async (data: ShareData) => void calls.push(data),
        configurable: true,
      });
      const { element } = await asAda({ referral: { message: template } });
      const share = button(element, 'Share…')!;
      share.focus();
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      const event = await oneEvent<ReferralSharedEvent>(element, 'referral-shared');
      expect(event.detail.channel).to.equal('native');
      expect(event.bubbles && event.composed).to.equal(true);
      // The link travels as `url`, once, not also inside the text.
      expect(calls).to.deep.equal([{ text: `Get ${friendReward} at Acme with my link (code ADA-7K2Q)`, url: adaLink }]);
    });

    it('says nothing when the shopper cancels the share sheet', async () => {
      let calls = 0;
      Object.defineProperty(navigator, 'share', {
        value: () => {
          calls++;
          return Promise.reject(new DOMException('Share canceled', 'AbortError'));
        },
        configurable: true,
      });
      const { element } = await asAda();
      const events: string[] = [];
      element.addEventListener('referral-shared', (event) => events.push(event.detail.channel));
      button(element, 'Share…')!.click();
      await waitUntil(() => calls === 1, 'the share sheet was never asked for');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(events).to.deep.equal([]);
    });

    it('offers no share button without navigator.share, and keeps the direct links', async () => {
      expect('share' in navigator, 'Linux Chromium has no navigator.share').to.equal(false);
      const { element } = await asAda();
      expect(button(element, 'Share…')).to.equal(undefined);
      expect(element.shadowRoot!.querySelectorAll('a[data-channel]').length).to.equal(6);
    });
  });

  it('tells a shopper who opened their own link so', async () => {
    const api = new TestApi();
    configureFor(api, await api.token('c_ada'));
    await captureReferral(`${location.origin}/?ref=ADA-7K2Q`);
    const element = await fixture<ReferralShare>(html`<referral-share></referral-share>`);
    await shows(element, 'This is your own referral link');
    expect($(element, '[part="notice"]')).to.exist;
  });

  it('says nothing about a friend’s link', async () => {
    const api = new TestApi();
    configureFor(api, await api.token('c_ada'));
    await captureReferral(`${location.origin}/?ref=BOB-2K7D`);
    const element = await fixture<ReferralShare>(html`<referral-share></referral-share>`);
    await waitUntil(() => $<HTMLInputElement>(element, 'input#code')?.value === 'ADA-7K2Q');
    expect($(element, '[part="notice"]')).to.equal(null);
  });

  it('invites a guest to join, with the program’s rewards, not an error', async () => {
    const api = new TestApi();
    configureFor(api);
    const errors: unknown[] = [];
    document.addEventListener('loyalty-error', (event) => errors.push(event));
    const element = await fixture<ReferralShare>(html`<referral-share></referral-share>`);
    await shows(element, 'you get 500 points');
    expect(text(element)).to.contain(`friends get ${friendReward}`);
    const links = [...element.shadowRoot!.querySelectorAll('a')].map((a) => [a.textContent, a.href]);
    expect(links).to.deep.equal([
      ['Join now', `${location.origin}/account/join`],
      ['Sign in', `${location.origin}/account/sign-in`],
    ]);
    expect($(element, '[role="alert"]')).to.equal(null);
    expect(errors).to.deep.equal([]);
  });

  it('renders API text as text and never renders a non-http link', async () => {
    const api = new TestApi();
    const customer = await api.customer();
    await api.fault({
      path: '/v1/referral',
      times: 5,
      body: {
        code: 'X-1',

        url: 'javascript:alert(1)',
        advocateReward: { description: '<img src=x onerror="window.__pwned=1">' },
        friendReward: { description: '<b>bold</b>' },
        stats: { invited: 0, converted: 0, pointsEarned: 0 },
      },
    });
    configureFor(api, customer);
    const element = await fixture<ReferralShare>(html`<referral-share></referral-share>`);
    await shows(element, '<b>bold</b>');
    expect(element.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect($(element, 'input#link')).to.equal(null);
    expect($(element, '[part="share"]')).to.equal(null);
    expect($<HTMLInputElement>(element, 'input#code')!.value).to.equal('X-1');
    for (const link of element.shadowRoot!.querySelectorAll('a')) expect(link.href).not.to.match(/^javascript:/);
  });

  it('shows an error with a Retry button that recovers', async () => {
    const api = new TestApi();
    const customer = await api.customer();
    await api.fault({ path: '/v1/referral', times: 1, status: 500 });
    configureFor(api, customer);
    const element = await fixture<ReferralShare>(html`<referral-share></referral-share>`);
    await shows(element, 'Try again');
    button(element, 'Try again')!.click();
    await waitUntil(() => $(element, 'input#code'), 'never recovered');
  });

  it('asks again for the program too when it failed with the referral', async () => {
    const api = new TestApi();
    const customer = await api.customer();
    await api.fault({ path: '/v1/referral', times: 1, status: 500 });
    await api.fault({ path: '/v1/program', times: 1, status: 500 });
    configureFor(api, customer);
    const element = await fixture<ReferralShare>(html`<referral-share></referral-share>`);
    await shows(element, 'Try again');
    await waitUntil(async () => (await api.requests({ path: '/v1/program' })).length === 1);
    button(element, 'Try again')!.click();
    await waitUntil(() => $(element, 'input#code'), 'never recovered');
    await waitUntil(
      async () => (await api.requests({ path: '/v1/program' })).at(-1)?.status === 200,
      'program asked again',
    );
  });
});

elementSuite({
  tag: 'referral-share',
  template: () => html`<referral-share></referral-share>`,
  paths: ['/v1/referral'],
  isReady: (element) => Boolean($(element, 'input#code') && !$(element, '[aria-busy]')),
  isGuest: (element) => text(element).includes('Join'),
  isError: (element) => Boolean($(element, '[role="alert"]')),
});
