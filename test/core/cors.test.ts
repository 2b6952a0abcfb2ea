import { executeServerCommand } from '@web/test-runner-commands';
import { expect } from '@open-wc/testing';
import { createClient } from '../../src/core/api/client.js';
import { meSchema, programSchema } from '../../src/core/api/schemas.js';
import { TestApi } from '../helpers/api.js';

// The storefront and the loyalty API usually live on different origins: this page is served by
// the test runner, the API below by a second server on another port.
describe('the API from another origin (CORS)', () => {
  let origin: string;
  before(async () => {
    origin = await executeServerCommand<string, undefined>('api-second-origin');
    expect(new URL(origin).origin).not.to.equal(location.origin);
  });

  it('answers with readable ETags and revalidates across origins', async () => {
    const api = new TestApi(origin);
    const client = createClient({
      apiBase: api.apiBase,
      token: async () => null,
      refreshToken: async () => null,
      locale: () => 'en',
    });
    const first = await client.get('v1/program', programSchema);
    if (!('data' in first)) throw new Error('expected data');
    expect(first.etag, 'ETag is exposed to script').to.match(/^"/);
    expect(await client.get('v1/program', programSchema, { etag: first.etag })).to.deep.equal({ notModified: true });
  });

  it('lets an authorized request through its preflight', async () => {
    const api = new TestApi(origin);
    const { token } = await api.customer({ balance: 31 });
    const client = createClient({
      apiBase: api.apiBase,
      token: async () => token,
      refreshToken: async () => null,
      locale: () => 'en',
    });
    const reply = await client.get('v1/me', meSchema);
    expect('data' in reply && reply.data.points.balance).to.equal(31);
  });
});
