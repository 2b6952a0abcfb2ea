// JSON answers to GETs with a strong ETag (SHA-256 of the exact body bytes), and 304 when the
// client's If-None-Match already names it, so an unchanged resource costs no body.
import { encodeBase64url } from '../base64url.js';
import { appendVary } from './headers.js';

export interface JsonOptions {
  /** "public" for the program, "private" for anything about the customer. */
  cache: 'public' | 'private';
  /** Content-Language when the body was translated. */
  language?: string | null;
}

export async function conditionalJson(request: Request, body: unknown, options: JsonOptions): Promise<Response> {
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const etag = `"${encodeBase64url(digest)}"`;
  const headers = new Headers({
    ETag: etag,
    // Always revalidate: cheap with the ETag, and never shows a customer stale points.
    'Cache-Control': `${options.cache}, no-cache`,
  });
  appendVary(headers, 'Accept-Language', 'Authorization');
  if (options.language) headers.set('Content-Language', options.language);
  if (matches(request.headers.get('If-None-Match'), etag)) return new Response(null, { status: 304, headers });
  headers.set('Content-Type', 'application/json');
  return new Response(bytes, { status: 200, headers });
}

/** RFC 9110 §13.1.2: If-None-Match uses weak comparison, so W/"x" matches "x". */
function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
