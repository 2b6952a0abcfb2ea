// The persistent store's prefix read: disk and memory together, memory newer, in one go, and
// complete while consent moves entries from memory to disk.
import { expect } from '@open-wc/testing';
import { persistentStore } from '../../src/core/cache/cache.js';

describe('persistentStore.prefixed()', () => {
  it('lists disk and memory under a prefix, memory newer, and nothing else', async () => {
    let persist = true;
    const store = persistentStore('loyalty-widgets-referral', () => persist);
    const prefix = `test-${crypto.randomUUID()}|`;
    await store.set(`${prefix}a`, { from: 'disk' });
    await store.set(`${prefix}b`, { from: 'disk' });
    await store.set(`${prefix}damaged`, null);
    persist = false; // no consent now: writes stay in memory
    await store.set(`${prefix}b`, { from: 'memory' });
    await store.set(`${prefix}c`, { from: 'memory' });
    await store.set(`other-${prefix}d`, { from: 'memory' });
    const expected = [
      [`${prefix}a`, { from: 'disk' }],
      [`${prefix}b`, { from: 'memory' }],
      [`${prefix}c`, { from: 'memory' }],
    ];
    const sorted = (entries: [string, unknown][]) => entries.sort(([a], [b]) => a.localeCompare(b));
    persist = true;
    expect(sorted(await store.prefixed(prefix))).to.deep.equal(expected);

    // Consent arrives while a read is asked for: the read sees every entry, moved or not.
    const [, during] = await Promise.all([store.flushMemory(), store.prefixed(prefix)]);
    expect(sorted(during)).to.deep.equal(expected);
    expect(sorted(await persistentStore('loyalty-widgets-referral', () => true).prefixed(prefix))).to.deep.equal(
      expected,
    );
    await store.deletePrefix(prefix);
  });
});

describe('persistentStore.change()', () => {
  for (const where of ['disk', 'memory'] as const) {
    it(`sets, leaves or deletes one entry from what it holds (${where})`, async () => {
      const store = persistentStore('loyalty-widgets-referral', () => where === 'disk');
      const key = `test-${crypto.randomUUID()}`;
      const bump = (current: { version: number } | undefined) =>
        current ? { version: current.version + 1 } : undefined;
      await store.change(key, bump);
      expect(await store.get(key), 'nothing to change').to.equal(undefined);
      await store.set(key, { version: 1 });
      await store.change(key, bump);
      expect(await store.get(key)).to.deep.equal({ version: 2 });
      await store.change<{ version: number }>(key, (current) => (current?.version === 1 ? null : undefined));
      expect(await store.get(key), 'not the version expected: left').to.deep.equal({ version: 2 });
      await store.change<{ version: number }>(key, (current) => (current?.version === 2 ? null : undefined));
      expect(await store.get(key)).to.equal(undefined);
    });
  }
});
