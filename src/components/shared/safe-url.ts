/**
 * The only way a URL from the API reaches an `href` or `src`: resolved against the page and
 * allowed only for http: and https:, so `javascript:` and `data:` links never render.
 */
export function safeUrl(url: string | null | undefined, base = globalThis.document?.baseURI): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
