// docs/openapi.yaml itself: valid OpenAPI 3.1, and in step with the server's routes and codes.
import assert from 'node:assert/strict';
import { describe, it } from './helpers/node-test.ts';
import { createApi } from '../../server/app.ts';
import { demoProgram } from '../../server/demo-program.ts';
import { PROBLEM_TITLES } from '../../server/problem.ts';
import { assertValidOpenApi, loadContract, readOpenApi } from './helpers/contract.ts';
import { SECRET } from './helpers/api.ts';

describe('docs/openapi.yaml', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    await assertValidOpenApi();
    assert.equal(readOpenApi().openapi, '3.1.0');
  });

  it('compiles every response schema (the contract checker loads)', async () => {
    await loadContract();
  });

  it('catches responses that break it', async () => {
    const contract = await loadContract();
    const json = (status: number, body: unknown, type = 'application/json') => ({
      status,
      headers: new Headers({ 'Content-Type': type, ETag: '"abc"', Vary: 'Accept-Language' }),
      text: JSON.stringify(body),
    });
    const me = {
      customer: { id: 'c' },
      points: { balance: 1, pending: 0, lifetime: 1, expiring: [] },
      tier: null,
      referral: null,
      tierProgress: { metric: 'points', current: 1, nextTierId: null, nextTierName: null, remaining: null },
    };
    contract.check('GET', '/v1/me', json(200, me));
    assert.throws(
      () => contract.check('GET', '/v1/me', json(200, { ...me, points: { ...me.points, balance: 1.5 } })),
      /integer/,
    );
    assert.throws(() => contract.check('GET', '/v1/me', json(200, { ...me, extra: true })), /additional properties/);
    assert.throws(
      () => contract.check('GET', '/v1/me', json(200, { ...me, tierProgress: { ...me.tierProgress, remaining: 5 } })),
      /null/,
    );
    assert.throws(() => contract.check('GET', '/v1/me', json(418, {})), /not documented/);
    assert.throws(() => contract.check('GET', '/v1/me', json(200, me, 'text/plain')), /content type/);
    assert.throws(
      () =>
        contract.check('GET', '/v1/me', {
          ...json(200, me),
          headers: new Headers({ 'Content-Type': 'application/json' }),
        }),
      /ETag/,
    );
    const problem = {
      type: 'urn:loyalty:problem:tier-locked',
      title: 't',
      status: 409,
      detail: 'd',
      code: 'tier-locked',
    };
    contract.check('POST', '/v1/redemptions', json(409, problem, 'application/problem+json'));
    assert.throws(() =>
      contract.check(
        'POST',
        '/v1/redemptions',
        json(409, { ...problem, code: 'not-found' }, 'application/problem+json'),
      ),
    );
    assert.throws(
      () =>
        contract.check(
          'POST',
          '/v1/redemptions',
          json(409, { ...problem, code: 'reward-unavailable' }, 'application/problem+json'),
        ),
      /reason/,
    );
  });

  it('documents every /v1 operation the server has', () => {
    const operations = Object.entries(readOpenApi().paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const v1 = operations.filter((operation) => operation.includes(' /v1/')).sort();
    assert.deepEqual(v1, [
      'GET /v1/activity',
      'GET /v1/me',
      'GET /v1/program',
      'GET /v1/redemptions',
      'GET /v1/referral',
      'GET /v1/rewards',
      'GET /v1/surveys',
      'PATCH /v1/me',
      'POST /v1/feedback',
      'POST /v1/redemptions',
    ]);
  });

  it('documents exactly the /admin/v1 operations the server has, each behind the admin key', () => {
    const app = createApi({ program: demoProgram, secret: SECRET, allowedOrigins: [], adminKey: 'k' });
    const served = app.routes
      .filter((route) => route.path.startsWith('/admin/v1/') && route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    const { paths } = readOpenApi() as unknown as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const documented = Object.entries(paths)
      .filter(([path]) => path.startsWith('/admin/v1/'))
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    assert.deepEqual(documented, served);
    assert.ok(served.includes('POST /admin/v1/orders/{orderId}/refunds'));
    for (const [path, item] of Object.entries(paths).filter(([path]) => path.startsWith('/admin/v1/')))
      for (const [method, operation] of Object.entries(item))
        assert.deepEqual(operation.security, [{ adminKey: [] }], `${method} ${path}`);
  });

  it('lists exactly the problem codes the server uses', () => {
    const schemas = (
      readOpenApi() as unknown as { components: { schemas: { Problem: { properties: { code: { enum: string[] } } } } } }
    ).components.schemas;
    assert.deepEqual([...schemas.Problem.properties.code.enum].sort(), Object.keys(PROBLEM_TITLES).sort());
  });

  it('marks customer calls with bearer security and the program as public', () => {
    const { paths } = readOpenApi() as unknown as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    assert.deepEqual(paths['/v1/program'].get.security, []);
    assert.deepEqual(paths['/v1/surveys'].get.security, []);
    for (const [path, method] of [
      ['/v1/me', 'get'],
      ['/v1/activity', 'get'],
      ['/v1/referral', 'get'],
      ['/v1/redemptions', 'get'],
      ['/v1/redemptions', 'post'],
    ] as const) {
      assert.deepEqual(paths[path][method].security, [{ bearerAuth: [] }], `${method} ${path}`);
    }
    for (const [path, method] of [
      ['/v1/rewards', 'get'],
      ['/v1/feedback', 'post'],
    ] as const) {
      assert.deepEqual(
        paths[path][method].security,
        [{}, { bearerAuth: [] }],
        `${method} ${path} takes an optional token`,
      );
    }
  });
});
