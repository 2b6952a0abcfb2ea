// The referral code in a URL, read without loading the capture code (most pages carry none).

// Codes are data: anything outside this shape (markup, URLs, overlong junk) is ignored.
const codeShape = /^[A-Za-z0-9_-]{1,64}$/;

/** The code in `url`'s referral parameter, or null when absent or not code-shaped. */
export function codeFrom(url: string, param = 'ref'): string | null {
  try {
    const code = new URL(url, 'http://localhost/').searchParams.get(param)?.trim();
    return code && codeShape.test(code) ? code : null;
  } catch {
    return null;
  }
}
