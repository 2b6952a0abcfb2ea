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
    // A tab may show the other's data while its own first /v1/me is still on the way: count the
    // server's requests once each tab's own load has finished.
    const loadedMe = (frame: HTMLIFrameElement) =>
      frame.contentWindow!.performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/v1/me'));
    await waitUntil(() => tabs.every(loadedMe), 'both tabs loaded /v1/me', { timeout: 5000 });
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
