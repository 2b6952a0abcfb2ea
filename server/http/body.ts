// Reads a JSON request body: application/json only (415), at most `maxBytes` (413, checked on
// the declared length and again while reading, since a chunked body declares none), UTF-8 JSON (400).
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../problem.js';

export const MAX_BODY_BYTES = 16 * 1024;

export async function readJson(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const mediaType = request.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new ApiError(
      415,
      'unsupported-media-type',
      `Send the body as application/json${mediaType ? `, not ${mediaType}` : ''}`,
      {},
      {
        'Accept-Post': 'application/json',
      },
    );
  }
  const declared = Number(request.headers.get('Content-Length') ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const bytes = await readAtMost(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, 'invalid-json', 'The body is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, 'invalid-json', `The body is not valid JSON: ${(error as Error).message}`);
  }
}

async function readAtMost(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch((error: unknown) => {
      throw cutOff(error);
    });
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const tooLarge = (maxBytes: number) =>
  new ApiError(413, 'payload-too-large', `The body must be at most ${maxBytes} bytes`);

/** The client went away mid-body (or the stream broke): its fault, not a server error. */
const cutOff = (cause: unknown) =>
  new ApiError(400, 'invalid-request', `The body ended before it was complete (${String(cause)})`);

/**
 * hono/body-limit for every route: a declared Content-Length over the limit is refused before
 * any handler runs, and a chunked body is read up to the limit and no further. A body cut off
 * while it reads it is a 400 (one log line), never a 500 with a stack trace.
 */
export function limitBody(maxBytes = MAX_BODY_BYTES): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge(maxBytes);
    },
  });
  return async (c, next) => {
    let reading = true;
    try {
      return await limit(c, () => {
        reading = false;
        return next();
      });
    } catch (error) {
      if (!reading || error instanceof ApiError) throw error;
      throw cutOff(error);
    }
  };
}
