// Code the SDK loads when a page first needs it (a chunk of its own in the script-tag build). A
// failed load (offline, a CDN error) is said in the console and as `loyalty-error`, and is tried
// again on the next need: nothing waits on a load that failed once.
import { LoyaltyError } from './errors.js';
import { getSdk } from './global.js';

export interface Lazy<M> {
  (): Promise<M>;
  /** The module once loaded, for callers that must act in the same task (a page being hidden). */
  loaded?: M;
}

/**
 * A loader that imports `what`'s code once, on the first call. `quiet`: no `loyalty-error` of its
 * own, for code whose caller reports the failure anyway.
 */
export function lazy<M>(what: string, load: () => Promise<M>, { quiet = false } = {}): Lazy<M> {
  let loading: Promise<M> | undefined;
  const get: Lazy<M> = () =>
    (loading ??= load().then(
      (module) => (get.loaded = module),
      (cause: unknown) => {
        loading = undefined;
        const error = new LoyaltyError('network', `could not load the ${what} code; it is tried again when needed`, {
          cause,
        });
        console.error(`[loyalty-widgets] ${error.message}`, cause);
        if (!quiet) getSdk().bus.emit('loyalty-error', { error });
        throw error;
      },
    ));
  return get;
}
