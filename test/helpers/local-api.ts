// A fetch-level API for the property-based tests: thousands of generated answers go through the
// real client (ky, JSON, validation) and the elements without a network round trip each. The
// answers themselves come from the reference API (see answers.ts); the few-per-endpoint tests
// over real HTTP are in tolerant-reader.test.ts.

// .invalid never resolves: an image URL in a generated answer loads nothing from anywhere.
export const localApiBase = 'https://loyalty-api.invalid/base';

/** Answers each request with the JSON text `answer(method, path)` returns (path after /v1/). */
export function serveLocally(answer: (method: string, path: string) => string): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname.replace(/^.*\/v1\//, '');
    const response = new Response(answer(request.method, path), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
    // As a real response would, it knows its URL: relative URLs in it resolve against it.
    Object.defineProperty(response, 'url', { value: request.url });
    return response;
  };
  return () => {
    globalThis.fetch = original;
  };
}
