// The jobs a server runs every minute: expired points leave the balance once, even when two
// runners overlap, and only what is left of a lot.
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- response bodies are untyped JSON here */
import assert from 'node:assert/strict';
import { describe, it } from './helpers/node-test.ts';
import { NOW, setup } from './helpers/api.ts';

const DAY = 86_400_000;

describe('jobs', () => {
  it('expires points past their date once, with one activity item, even with overlapping runs', async () => {
    const api = await setup();
    const expiresAt = new Date(NOW.getTime() + DAY).toISOString();
    const later = new Date(NOW.getTime() + 40 * DAY).toISOString();
    const { customerId } = await api.customer({
      balance: 500,
      expiring: [
        { points: 200, expiresAt },
        { points: 100, expiresAt: later },
      ],
    });
    assert.deepEqual((await api.post('/test/jobs', {})).body.expired, 0, 'nothing is due yet');
    api.clock.now = new Date(NOW.getTime() + 2 * DAY);
    const token = await api.token(customerId);
    const runs = await Promise.all([api.post('/test/jobs', {}), api.post('/test/jobs', {})]);
    assert.equal(
      runs.reduce((sum, run) => sum + (run.body.expired as number), 0),
      200,
    );
    const me = (await api.get('/v1/me', { token })).body;
    assert.equal(me.points.balance, 300);
    assert.deepEqual(me.points.expiring, [{ points: 100, expiresAt: later }]);
    const items = (await api.get('/v1/activity', { token })).body.items;
    assert.deepEqual(
      items.filter((item: { type: string }) => item.type === 'expire').map((item: { points: number }) => item.points),
      [-200],
    );
  });
});
