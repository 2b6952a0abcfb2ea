// The resource's name in cache keys, apart from the endpoint table: reading the cache needs it on
// every page, the table (with the response checks) only when a call goes out.
import type { ResourceName } from '../config.js';
import type { ActivityMapping, ApiMapping } from './endpoints.js';

/** What every entry of ApiMapping may hold, for code that handles them all alike. */
export interface AnyMapping {
  path?: string;
  map?(raw: unknown, body?: unknown): unknown;
  body?(body: unknown): unknown;
  page?: ActivityMapping['page'];
}

/**
 * The resource's name in cache keys. A mapped resource's name carries a fingerprint of its path
 * and mapping: the ETag is the merchant's raw body's, and a 304 keeps what the old mapping made
 * of it, so a changed mapping must not find the old entry.
 */
export function cacheName(api: ApiMapping | undefined, name: ResourceName): string {
  const mapping: AnyMapping | undefined = api?.[name];
  if (!mapping?.path && !mapping?.map && !mapping?.page) return name;
  const source = `${mapping.path}|${String(mapping.map)}|${String(mapping.page)}`;
  let hash = 5381;
  for (let index = 0; index < source.length; index++) hash = (hash * 33) ^ source.charCodeAt(index);
  return `${name}~${(hash >>> 0).toString(36)}`;
}
