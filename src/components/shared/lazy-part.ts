// A part of an element that loads on first use (a dialog, a flow): one load at a time, its
// state for render, and a failed load (offline, a CDN answering 404 or 500) kept as an error the
// element shows with Retry.
import type { ReactiveControllerHost } from 'lit';
import { LoyaltyError } from '../../core/errors.js';

/**
 * Chromium and Firefox remember a failed `import()` of a URL for the life of the page, so a retry
 * of the same URL fails without asking the server again (WebKit asks again). Both name the URL in
 * the error; the retry imports it under a new query, a new URL to the module map.
 */
const failedUrl = (error: unknown): string | undefined =>
  /\bhttps?:\/\/\S+/.exec(error instanceof Error ? error.message : '')?.[0];

export class LazyPart<T> {
  value: T | undefined;
  error: LoyaltyError | undefined;
  #loading: Promise<T | undefined> | undefined;
  #retryUrl: string | undefined;
  #attempts = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly importer: () => Promise<T>,
    /** Told of a failed load (the element fires `loyalty-error`). */
    private readonly failed: (error: LoyaltyError) => void,
  ) {}

  /** Resolves with the part, or undefined when it could not be loaded (then `error` says why). */
  load(): Promise<T | undefined> {
    if (this.value) return Promise.resolve(this.value);
    if (this.#loading) return this.#loading;
    const url = this.#retryUrl;
    const attempt = url
      ? (import(/* @vite-ignore */ `${url}${url.includes('?') ? '&' : '?'}retry=${++this.#attempts}`) as Promise<T>)
      : this.importer();
    return (this.#loading = attempt
      .then(
        (value) => ((this.error = undefined), (this.value = value)),
        (cause: unknown) => {
          this.#retryUrl ??= failedUrl(cause);
          this.error = new LoyaltyError('network', 'Part of the widget could not be loaded', { cause });
          this.failed(this.error);
          return undefined;
        },
      )
      .finally(() => {
        this.#loading = undefined;
        this.host.requestUpdate();
      }));
  }

  /** True while a load is under way. */
  get loading(): boolean {
    return !!this.#loading;
  }
}
