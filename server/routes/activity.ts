// GET /v1/activity?limit=&cursor=: the points history, newest first, a page at a time. The cursor
// names the last item's position (time and id), not an offset, so items added meanwhile do not
// shift the next page.
import type { Hono } from 'hono';
import { requireCustomer } from '../auth.js';
import { decodeJson, encodeJson } from '../base64url.js';
import type { Deps } from '../deps.js';
import { conditionalJson } from '../http/etag.js';
import { ApiError, invalid } from '../problem.js';
import type { ActivityRecord } from '../storage.js';
import { isDateTime, isPlainObject } from '../validate.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

interface Position {
  createdAt: string;
  id: string;
}

export function activityRoutes(app: Hono, deps: Deps): void {
  app.get('/v1/activity', async (c) => {
    const customer = await requireCustomer(c.req.raw, deps);
    const limit = parseLimit(c.req.query('limit'));
    const cursor = c.req.query('cursor');
    const after = cursor === undefined ? null : parseCursor(cursor);
    const all = await deps.storage.listActivity(customer.id);
    const rest = after ? all.filter((item) => isAfter(item, after)) : all;
    const items = rest.slice(0, limit);
    const last = items.at(-1);
    const nextCursor = rest.length > limit && last ? encodeJson({ t: last.createdAt, i: last.id }) : null;
    return conditionalJson(c.req.raw, { items, nextCursor }, { cache: 'private' });
  });
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const limit = /^[0-9]{1,4}$/.test(value) ? Number(value) : NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT))
    throw invalid('query.limit', `limit must be an integer from 1 to ${MAX_LIMIT}`);
  return limit;
}

function parseCursor(value: string): Position {
  const decoded = decodeJson(value);
  if (!isPlainObject(decoded) || !isDateTime(decoded.t) || typeof decoded.i !== 'string') {
    throw new ApiError(400, 'invalid-cursor', 'The cursor is not one this server gave out; start again without it', {
      field: 'query.cursor',
    });
  }
  return { createdAt: decoded.t, id: decoded.i };
}

/** Later in newest-first order: older, or as old with a smaller id. */
function isAfter(item: ActivityRecord, position: Position): boolean {
  const difference = Date.parse(item.createdAt) - Date.parse(position.createdAt);
  return difference < 0 || (difference === 0 && item.id < position.id);
}
