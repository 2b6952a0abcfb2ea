// Tells the other tabs of this origin about new data, changed server copies, wiped customers and
// a withdrawn storage consent.
import type { CacheEntry } from './resource.js';

export type CrossTabMessage =
  | { type: 'entry'; key: string; entry: CacheEntry<unknown> }
  | { type: 'invalid'; key: string; refetching: boolean }
  | { type: 'wipe'; prefix: string }
  | { type: 'consent-withdrawn' };

export function crossTab(onMessage: (message: CrossTabMessage) => void) {
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('loyalty-widgets');
  if (channel) {
    channel.onmessage = (event: MessageEvent<CrossTabMessage>) => onMessage(event.data);
    // In Node (server-side rendering) an open channel would keep the process alive.
    (channel as { unref?: () => void }).unref?.();
  }
  return {
    post(message: CrossTabMessage): void {
      channel?.postMessage(message);
    },
  };
}
