// Records every snapshot a resource publishes, for tests that must prove what was never shown.
import { waitUntil } from '@open-wc/testing';
import { getSdk, type Snapshot } from '../../src/core/index.js';
import type { ResourceTypes } from '../../src/core/sdk.js';

const subscriptions: (() => void)[] = [];

/** Subscribes to `name`; `until` resolves once a snapshot matches. Stop with `unwatchAll()`. */
export function watch<N extends keyof ResourceTypes>(name: N) {
  const seen: Snapshot<ResourceTypes[N]>[] = [];
  subscriptions.push(
    getSdk()
      .resource(name)
      .subscribe((snapshot) => seen.push(snapshot)),
  );
  return {
    seen,
    until: (test: (snapshot: Snapshot<ResourceTypes[N]>) => boolean) =>
      waitUntil(() => seen.some(test), `no ${name} snapshot matched`),
  };
}

export function unwatchAll(): void {
  subscriptions.splice(0).forEach((unsubscribe) => unsubscribe());
}
