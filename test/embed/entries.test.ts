import { expect } from '@open-wc/testing';

const tags = ['loyalty-balance', 'loyalty-activity', 'reward-catalog', 'nps-survey', 'referral-share'];

describe('npm entries', () => {
  it('the main entry registers nothing and touches no DOM', async () => {
    const before = document.documentElement.outerHTML;
    const module = await import('../../src/index.js');
    expect(typeof module.LoyaltyBalance).to.equal('function');
    for (const tag of tags) expect(customElements.get(tag), tag).to.equal(undefined);
    expect(document.documentElement.outerHTML).to.equal(before);
  });

  it('one element entry registers just that element', async () => {
    await import('../../src/components/reward-catalog/define.js');
    expect(customElements.get('reward-catalog')).to.exist;
    expect(customElements.get('nps-survey')).to.equal(undefined);
  });

  it('the define entry registers every element, and a second registration is harmless', async () => {
    await import('../../src/define.js');
    for (const tag of tags) expect(customElements.get(tag), tag).to.exist;
    const { LoyaltyBalance } = await import('../../src/index.js');
    expect(() => LoyaltyBalance.define('loyalty-balance')).not.to.throw();
  });
});
