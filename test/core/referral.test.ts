import { expect } from '@open-wc/testing';
import {
  captureReferral,
  clearReferralCode,
  configure,
  getReferralCode,
  getSdk,
  on,
  setConsent,
} from '../../src/core/index.js';
import { setClock } from '../../src/core/clock.js';
import { codeFrom, landingCode, type ReferralCapturedDetail } from '../../src/core/referral/capture.js';
import { shareMessage } from '../../src/core/referral/message.js';
import { TestApi } from '../helpers/api.js';
import { configureFor, fastNetwork, resetSdk } from '../helpers/sdk.js';

const day = 86_400_000;
const landing = (search: string) => `${location.origin}/landing${search}`;

/** Runs `body` with `search` added to the address bar, as a landing page would have it. */
async function onLandingUrl<T>(search: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const original = location.href;
  const url = new URL(original);
  for (const [name, value] of Object.entries(search)) url.searchParams.set(name, value);
  history.replaceState(history.state, '', url);
  try {
    return await body();
  } finally {
    history.replaceState(history.state, '', original);
  }
}

const captured = () =>
  new Promise<ReferralCapturedDetail>((resolve) => {
    const off = on('referral-captured', (detail: ReferralCapturedDetail) => {
      off();
      resolve(detail);
    });
  });

afterEach(() => resetSdk());

describe('referral capture', () => {
  it('reads only code-shaped values, from the configured parameter', () => {
    expect(codeFrom('https://shop.example/?ref=ADA-7K2Q')).to.equal('ADA-7K2Q');
    expect(codeFrom('/p/shoes?utm_source=x&ref=abc_123')).to.equal('abc_123');
    expect(codeFrom('https://shop.example/?friend=ADA-7K2Q', 'friend')).to.equal('ADA-7K2Q');
    expect(codeFrom('https://shop.example/?friend=ADA-7K2Q')).to.equal(null);
    expect(codeFrom('https://shop.example/')).to.equal(null);
    expect(codeFrom('https://shop.example/?ref=')).to.equal(null);
    expect(codeFrom('https://shop.example/?ref=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E')).to.equal(null);
    expect(codeFrom('https://shop.example/?ref=a%20b')).to.equal(null);
    expect(codeFrom('https://shop.example/?ref=javascript:alert(1)')).to.equal(null);
    expect(codeFrom(`https://shop.example/?ref=${'A'.repeat(65)}`)).to.equal(null);
    expect(codeFrom(`https://shop.example/?ref=${'A'.repeat(64)}`)).to.equal('A'.repeat(64));
  });

  it('captures the landing URL on configure() and gives the code to checkout after a reload', async () => {
    const api = new TestApi();
    await onLandingUrl({ ref: 'FRIEND-1234' }, async () => {
      configureFor(api);
      // The landing page itself may ask at once: the capture code's load and its write are awaited.
      expect(await getReferralCode()).to.equal('FRIEND-1234');
      expect(landingCode(getSdk())).to.equal('FRIEND-1234');
    });
    configureFor(api); // checkout, a later page load without ?ref=
    expect(landingCode(getSdk())).to.equal(undefined);
    expect(await getReferralCode()).to.equal('FRIEND-1234');
  });

  it('keeps the address bar as it was unless stripParam is set', async () => {
    const api = new TestApi();
    await onLandingUrl({ ref: 'KEEP-1', other: 'x' }, async () => {
      configureFor(api);
      expect(new URL(location.href).searchParams.get('ref')).to.equal('KEEP-1');
    });
    await onLandingUrl({ ref: 'STRIP-1', other: 'x' }, async () => {
      configureFor(new TestApi(), undefined, { referral: { stripParam: true } });
      // Stripped once the code is captured (its code loads first), so a failed load keeps it in the URL.
      expect(await getReferralCode()).to.equal('STRIP-1');
      const params = new URL(location.href).searchParams;
      expect(params.get('ref')).to.equal(null);
      expect(params.get('other')).to.equal('x');
    });
  });

  it('captures once per SDK: calling configure() again does not capture again', async () => {
    const api = new TestApi();
    await onLandingUrl({ ref: 'ONCE-1' }, async () => {
      configureFor(api);
      expect(await getReferralCode()).to.equal('ONCE-1');
      await clearReferralCode();
      configure({ apiBase: api.apiBase, locale: 'en-GB' });
      expect(await getReferralCode()).to.equal(null);
    });
  });

  it('uses the configured parameter name', async () => {
    const api = new TestApi();
    await onLandingUrl({ ref: 'WRONG-1', friend: 'RIGHT-1' }, async () => {
      configureFor(api, undefined, { referral: { param: 'friend' } });
      expect(await getReferralCode()).to.equal('RIGHT-1');
    });
  });

  it('ignores junk and keeps the code it had', async () => {
    configureFor(new TestApi());
    expect(await captureReferral(landing('?ref=GOOD-1'))).to.equal('GOOD-1');
    expect(await captureReferral(landing('?ref=%3Cscript%3Ealert(1)%3C%2Fscript%3E'))).to.equal(null);
    expect(await captureReferral(landing('?ref=' + 'x'.repeat(100)))).to.equal(null);
    expect(await getReferralCode()).to.equal('GOOD-1');
  });

  it('lets a newer link replace an older one (last click wins)', async () => {
    configureFor(new TestApi());
    await captureReferral(landing('?ref=FIRST-1'));
    await captureReferral(landing('?ref=SECOND-2'));
    expect(await getReferralCode()).to.equal('SECOND-2');
  });

  it('expires after the attribution window (30 days by default), read through now()', async () => {
    const start = Date.now();
    setClock(() => start);
    const api = new TestApi();
    configureFor(api);
    setClock(() => start);
    await captureReferral(landing('?ref=WINDOW-1'));
    setClock(() => start + 30 * day - 1000);
    expect(await getReferralCode()).to.equal('WINDOW-1');
    setClock(() => start + 30 * day + 1000);
    expect(await getReferralCode()).to.equal(null);
    // Gone for good, even if the clock went back.
    setClock(() => start);
    expect(await getReferralCode()).to.equal(null);
  });

  it('honours a configured attribution window', async () => {
    const start = Date.now();
    configureFor(new TestApi(), undefined, { referral: { attributionDays: 7 } });
    setClock(() => start);
    await captureReferral(landing('?ref=WEEK-1'));
    setClock(() => start + 6 * day);
    expect(await getReferralCode()).to.equal('WEEK-1');
    setClock(() => start + 8 * day);
    expect(await getReferralCode()).to.equal(null);
  });

  it('keeps codes apart per API', async () => {
    const one = new TestApi();
    const two = new TestApi();
    configureFor(one);
    await captureReferral(landing('?ref=ONE-1'));
    configureFor(two);
    expect(await getReferralCode()).to.equal(null);
    configureFor(one);
    expect(await getReferralCode()).to.equal('ONE-1');
  });

  it('tells a signed-in shopper who opened their own link, and keeps the friend’s code', async () => {
    const api = new TestApi();
    const ada = await api.token('c_ada');
    configureFor(api, ada);
    await captureReferral(landing('?ref=FRIEND-9'));
    const event = captured();
    expect(await captureReferral(landing('?ref=ADA-7K2Q'))).to.equal(null);
    expect(await event).to.deep.equal({ code: 'ADA-7K2Q', self: true });
    expect(await getReferralCode()).to.equal('FRIEND-9');
  });

  it('never gives checkout the signed-in shopper’s own code captured while a guest', async () => {
    const api = new TestApi();
    configureFor(api);
    const event = captured();
    await captureReferral(landing('?ref=ADA-7K2Q'));
    expect(await event).to.deep.equal({ code: 'ADA-7K2Q', self: false });
    const ada = await api.token('c_ada');
    configureFor(api, ada);
    await getSdk().resource('me').refresh();
    expect(await getReferralCode()).to.equal(null);
    configureFor(api, await api.token('c_bob'));
    await getSdk().resource('me').refresh();
    expect(await getReferralCode()).to.equal('ADA-7K2Q');
  });

  it('stores nothing on disk without consent (persist: false), until consent is given', async () => {
    const api = new TestApi();
    configureFor(api, undefined, { persist: false });
    await captureReferral(landing('?ref=PRIVATE-1'));
    expect(await getReferralCode()).to.equal('PRIVATE-1');
    configureFor(api, undefined, { persist: false });
    expect(await getReferralCode(), 'not written to IndexedDB').to.equal(null);

    await captureReferral(landing('?ref=LATER-1'));
    await setConsent(true);
    expect(await getReferralCode()).to.equal('LATER-1');
    configureFor(api);
    expect(await getReferralCode()).to.equal('LATER-1');
  });

  it('answers null before configure() and in a page without a code', async () => {
    expect(await getReferralCode()).to.equal(null);
    configure({ apiBase: new TestApi().apiBase, network: fastNetwork });
    expect(await getReferralCode()).to.equal(null);
  });
});

describe('referral share message', () => {
  const values = { url: 'https://shop.example/?ref=ADA-7K2Q', code: 'ADA-7K2Q', reward: '$10 off' };

  it('fills {url}, {code} and {reward}, every occurrence', () => {
    expect(shareMessage('Get {reward} at Acme with my link {url} (code {code})', values)).to.equal(
      'Get $10 off at Acme with my link https://shop.example/?ref=ADA-7K2Q (code ADA-7K2Q)',
    );
    expect(shareMessage('{code} {code} {url}', values)).to.equal(
      'ADA-7K2Q ADA-7K2Q https://shop.example/?ref=ADA-7K2Q',
    );
  });

  it('never substitutes inside a substituted value, and leaves unknown names alone', () => {
    expect(shareMessage('{reward} {url} {name}', { ...values, reward: '{code} off' })).to.equal(
      '{code} off https://shop.example/?ref=ADA-7K2Q {name}',
    );
  });

  it('adds the link when the template has none', () => {
    expect(shareMessage('Use my code {code}', values)).to.equal(
      'Use my code ADA-7K2Q https://shop.example/?ref=ADA-7K2Q',
    );
  });
});
