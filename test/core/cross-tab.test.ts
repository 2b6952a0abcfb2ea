import { expect, waitUntil } from '@open-wc/testing';
import { TestApi } from '../helpers/api.js';

describe('cross-tab updates', () => {
  it('shows a redemption made in one tab in the other at once', async () => {
    const api = new TestApi();
    const customer = await api.customer({ balance: 3000 });
    const seen: Record<string, number[]> = { a: [], b: [] };
    const redemptions: Record<string, number[]> = { a: [], b: [] };
    addEventListener('message', (event: MessageEvent<{ tab?: string; balance?: number; redemptions?: number }>) => {
      const { tab, balance, redemptions: count } = event.data ?? {};
      if (tab && balance !== undefined) seen[tab].push(balance);
      if (tab && count !== undefined) redemptions[tab].push(count);
    });
    const tabs = ['a', 'b'].map((name) => {
      const frame = document.createElement('iframe');
      frame.title = `tab ${name}`;
      const watch = name === 'b' ? 'redemptions' : '';
      frame.src = `/test/fixtures/tab.html?${new URLSearchParams({ name, watch, apiBase: api.apiBase, ...customer })}`;
      document.body.append(frame);
      return frame;
    });
    await waitUntil(() => seen.a.includes(3000) && seen.b.includes(3000), 'both tabs show the balance', {
      timeout: 5000,
    });
    // A tab may show the balance the other broadcast before its own start-up request is answered:
    // wait for both, so the count below holds only what the redemption caused.
    await waitUntil(async () => (await api.requests({ path: '/v1/me' })).length >= 2, 'both tabs asked /v1/me once');
    const meRequests = (await api.requests({ path: '/v1/me' })).length;

    const rewards = (await (await fetch(`${api.apiBase}/v1/rewards`)).json()) as {
      rewards: { id: string; cost: number; available: boolean; variable?: unknown }[];
    };
    const reward = rewards.rewards.find((r) => r.available && !r.variable && r.cost <= 3000)!;
    tabs[0].contentWindow!.postMessage({ redeem: reward.id }, '*');
    await waitUntil(() => seen.b.includes(3000 - reward.cost), 'tab b hears about the redemption', { timeout: 5000 });
    expect((await api.requests({ path: '/v1/me' })).length, 'tab b asked the server nothing').to.equal(meRequests);
    // Tab a does not show the list of redemptions: tab b is told it changed and refetches it.
    await waitUntil(() => redemptions.b.at(-1) === 1, 'tab b shows the new redemption', { timeout: 5000 });
    tabs.forEach((frame) => frame.remove());
  });
});
