// Code the SDK loads on first need: a failed load (a 404 here) is said in the console and as
// loyalty-error, and the next need loads it again instead of repeating the failure.
import { expect } from '@open-wc/testing';
import { getSdk, on, type LoyaltyError } from '../../src/core/index.js';
import { lazy } from '../../src/core/lazy.js';
import { resetSdk } from '../helpers/sdk.js';

afterEach(() => resetSdk());

describe('lazy code', () => {
  it('reports a failed load readably and loads again on the next need', async () => {
    const missing = '/test/fixtures/no-such-chunk.js';
    let attempts = 0;
    const code = lazy('survey', () =>
      ++attempts === 1
        ? (import(/* @vite-ignore */ missing) as Promise<typeof import('../../src/core/version.js')>)
        : import('../../src/core/version.js'),
    );
    const heard: LoyaltyError[] = [];
    on('loyalty-error', ({ error }: { error: LoyaltyError }) => heard.push(error));
    const logged: string[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    let failure: LoyaltyError | undefined;
    try {
      await code().catch((error: LoyaltyError) => (failure = error));
    } finally {
      console.error = consoleError;
    }
    expect(failure?.code).to.equal('network');
    expect(failure?.message).to.equal('could not load the survey code; it is tried again when needed');
    expect(heard).to.deep.equal([failure]);
    expect(logged[0]).to.match(/^\[loyalty-widgets\] could not load the survey code/);
    expect(code.loaded).to.equal(undefined);
    const loaded = await code();
    expect(loaded.version).to.equal(getSdk().version);
    expect(code.loaded).to.equal(loaded);
    expect(attempts).to.equal(2);
    // Loaded once: later needs take the same module without loading again.
    expect(await code()).to.equal(loaded);
    expect(attempts).to.equal(2);
  });
});
