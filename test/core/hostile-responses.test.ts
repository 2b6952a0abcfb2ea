// Property-based: for every endpoint, thousands of generated answers go through the client's
// schemas as the client runs them (JSON text parsed, checked against the response's URL) and, for
// a redemption, the SDK's reading of its reply. (The elements' tests take answers through the
// whole client: ky, the store, rendering.) A valid
// answer (extra fields, enum values added later, HTML and script URLs as text) is accepted whole,
// no item left out; a broken one is accepted where the client can do without the field, or fails
// as one `invalid-response` LoyaltyError, never another exception.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Redemption } from '../../src/core/api/schemas.js';
import { isLoyaltyError, LoyaltyError } from '../../src/core/errors.js';
import { readRedemption } from '../../src/core/redeem/reply.js';
import { checks, endpoints, realAnswers, type Endpoint } from '../helpers/answers.js';
import { broken, vary, wire } from '../helpers/hostile.js';
import { localApiBase } from '../helpers/local-api.js';

/** Answers per endpoint and kind (valid, broken): 1,000 per endpoint in all. */
const runs = 500;
/** Lists whose items a valid answer must keep, every one. */
const lists: Partial<Record<Endpoint, (data: never) => unknown[]>> = {
  rewards: (data: { rewards: unknown[] }) => data.rewards,
  activity: (data: { items: unknown[] }) => data.items,
  redemptions: (data: { redemptions: unknown[] }) => data.redemptions,
  program: (data: { tiers: unknown[] }) => data.tiers,
};

describe('Generated answers through the client and its schemas', function () {
  this.timeout(60_000);
  let real: Record<Endpoint, unknown>;
  const counts: Record<string, number> = {};
  const warn = console.warn;
  let warnings = 0;

  before(async () => {
    real = await realAnswers();
    // A list that leaves an entry out warns: thousands of warnings are counted, not printed.
    console.warn = () => void warnings++;
  });
  after(() => {
    console.warn = warn;
    console.log(`[hostile] schemas, answers per endpoint: ${JSON.stringify(counts)}; ${warnings} lists warned`);
  });

  /** The answer as the client reads it: JSON text parsed, or invalid-response. */
  function parse(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch (cause) {
      throw new LoyaltyError('invalid-response', 'not JSON', { cause });
    }
  }

  /** The client's reading of one answer: the data, or the LoyaltyError it failed with. */
  async function read(endpoint: Endpoint, answer: unknown): Promise<{ data?: unknown; error?: unknown }> {
    const text = wire(answer);
    counts[endpoint] = (counts[endpoint] ?? 0) + 1;
    try {
      if (endpoint === 'redeem') {
        let raw: unknown;
        try {
          raw = parse(text);
        } catch {
          // The SDK reads a redemption reply that is not JSON as no reply (and looks the code up).
        }
        const issued = (real.redemptions as { redemptions: Redemption[] }).redemptions;
        return { data: await readRedemption(raw, { rewardId: 'r_5_off' }, undefined, async () => issued) };
      }
      return { data: checks[endpoint](parse(text), endpoint, `${localApiBase}/v1/${endpoint}`) };
    } catch (error) {
      return { error };
    }
  }

  for (const endpoint of endpoints) {
    it(`${endpoint}: accepts ${runs} valid answers whole`, async () => {
      await fc.assert(
        fc.asyncProperty(vary(real[endpoint]), async (answer) => {
          const { data, error } = await read(endpoint, answer);
          expect(error, (error as Error | undefined)?.message).to.equal(undefined);
          const items = lists[endpoint];
          if (items) expect(items(data as never)).to.have.length(items(answer as never).length);
          if (endpoint === 'redeem') expect((data as { redemption: Redemption }).redemption.code).to.be.a('string');
        }),
        { numRuns: runs },
      );
    });

    it(`${endpoint}: reads ${runs} broken answers as data or as one invalid-response`, async () => {
      await fc.assert(
        fc.asyncProperty(broken(vary(real[endpoint])), async (answer) => {
          const { data, error } = await read(endpoint, answer);
          if (error) {
            expect(isLoyaltyError(error), (error as Error).message).to.equal(true);
            const code = (error as { code: string }).code;
            expect(code).to.equal(endpoint === 'redeem' ? 'code-missing' : 'invalid-response');
          } else if (endpoint === 'redeem') {
            // Whatever the reply, a redemption ends with a code: its own or the one issued.
            expect((data as { redemption: Redemption }).redemption.code).to.be.a('string');
          }
        }),
        { numRuns: runs },
      );
    });
  }
});
