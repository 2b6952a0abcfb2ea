// Reads `data-*` settings from the <script> tag that loaded us (found by URL, since
// `document.currentScript` is null in modules) and fetches a token from `data-token-url`.
import { configure } from './core/public-api.js';

interface TokenReply {
  token?: string | null;
  customerId?: string | null;
}

async function fetchToken(url: string): Promise<TokenReply | null> {
  try {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    // 401 (not signed in) is one of the not-ok answers; 204 means a guest too.
    if (!response.ok || response.status === 204) return null;
    return (await response.json()) as TokenReply;
  } catch {
    return null;
  }
}

export async function configureFromScript(moduleUrl: string): Promise<void> {
  const script = [...document.querySelectorAll<HTMLScriptElement>('script[src][data-api-base]')].find(
    (element) => element.src === moduleUrl,
  );
  const data = script?.dataset;
  if (!data?.apiBase) return;
  const tokenUrl = data.tokenUrl;
  const options = {
    apiBase: data.apiBase,
    customerId: data.customerId || null,
    locale: data.locale || undefined,
    persist: data.persist !== 'false',
  };
  if (!tokenUrl) {
    configure(options);
    return;
  }
  const first = await fetchToken(tokenUrl);
  if (!first?.token) {
    configure({ ...options, customerId: null, token: null });
    return;
  }
  configure({
    ...options,
    customerId: first.customerId ?? options.customerId,
    token: first.token,
    // Later tokens (after a 401) come from the same URL.
    tokenProvider: async () => (await fetchToken(tokenUrl))?.token ?? null,
  });
}
