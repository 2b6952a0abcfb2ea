// One way to size every file, ours and the competitors', and to serve ours: gzip -9 and brotli at
// quality 11, the levels a CDN uses for static assets, so the figures compare like with like.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

/** The bytes a CDN sends for `bytes` in one encoding (the bench server serves these). */
export function compress(bytes: Uint8Array, encoding: 'gzip' | 'br'): Buffer {
  if (encoding === 'gzip') return gzipSync(bytes, { level: 9 });
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

export function sizeOf(content: string | Uint8Array): Size {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return { raw: bytes.length, gzip: compress(bytes, 'gzip').length, brotli: compress(bytes, 'br').length };
}

export function sizeOfFile(path: string): Size {
  return sizeOf(readFileSync(path));
}

/** Sizes add up file by file: each file is fetched and compressed on its own. */
export function total(sizes: Size[]): Size {
  return sizes.reduce(
    (sum, size) => ({
      raw: sum.raw + size.raw,
      gzip: sum.gzip + size.gzip,
      brotli: sum.brotli + size.brotli,
    }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
