// Reads `data-*` settings from the <script> tag that loaded us and fetches the shopper's token
// from `data-token-url`: once per page load, and again only when the API refused the token (or
// the last fetch failed).
import { configure } from './core/public-api.js';
import { LoyaltyError } from './core/errors.js';
import { getSdk } from './core/global.js';
import { unconfirmedCustomer } from './core/identity.js';

interface TokenReply {
  token?: string | null;
  customerId?: string | null;
}

const prefix = '[loyalty-widgets]';

/** The shop's answer: a token, or null for a guest (401, 204, no token). Throws when it failed. */
async function fetchToken(url: string): Promise<TokenReply | null> {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401 || response.status === 204) return null;
  if (!response.ok) throw new LoyaltyError('token', `The token URL answered ${response.status}`);
  const reply = (await response.json()) as TokenReply | null;
  return reply?.token ? reply : null;
}

/**
 * The tag with our settings. `document.currentScript` is null in modules, so it is found by URL;
 * a CDN that redirected (`…/latest/` to `…/1.2.3/`) makes `import.meta.url` differ from `src`,
 * and then the one tag with `data-api-base` is ours.
 */
function ownScript(moduleUrl: string): HTMLScriptElement | undefined {
  const tags = [...document.querySelectorAll<HTMLScriptElement>('script[data-api-base]')];
  const own = tags.find((element) => element.src === moduleUrl);
  if (own || tags.length < 2) return own ?? tags[0];
  console.warn(`${prefix} ${tags.length} <script data-api-base> tags, none is ours: using the first`);
  return tags[0];
}

export async function configureFromScript(moduleUrl: string): Promise<void> {
  const data = ownScript(moduleUrl)?.dataset;
  if (!data?.apiBase) return;
  const tokenUrl = data.tokenUrl;
  const options = {
    apiBase: data.apiBase,
    customerId: data.customerId || null,
    locale: data.locale || undefined,
    persist: data.persist !== 'false',
  };
  if (!tokenUrl) return configure(options);
  // The page load's fetch; the token provider hands it out first and fetches anew only after.
  let first: Promise<TokenReply | null> | undefined = fetchToken(tokenUrl);
  const tokenProvider = async () => {
    const reply = first ?? fetchToken(tokenUrl);
    first = undefined;
    return (await reply)?.token ?? null;
  };
  let reply: TokenReply | null;
  try {
    reply = await first;
  } catch {
    // Not a guest: the shopper stays whoever the page says (or /v1/me will say once a token
    // comes), the elements show an error with Retry, and Retry asks the token URL again.
    first = undefined;
    return configure({ ...options, customerId: options.customerId ?? unconfirmedCustomer, tokenProvider });
  }
  if (!reply) return configure({ ...options, customerId: null, token: null });
  configure({ ...options, customerId: reply.customerId ?? options.customerId ?? unconfirmedCustomer, tokenProvider });
}

/** Nothing configured us (no `data-api-base`, no queued `configure()`): say so, not a skeleton forever. */
export function warnIfUnconfigured(): void {
  if (!getSdk().options)
    console.warn(`${prefix} not configured: add data-api-base to the script tag or call configure({ apiBase })`);
}
