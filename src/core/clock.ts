/** The one clock the caches, rules and expiry checks read, so tests can move time without waiting. */
let override: (() => number) | null = null;

export const now = (): number => (override ? override() : Date.now());

/** Tests: `setClock(() => fixedTime)`; `setClock(null)` returns to real time. */
export function setClock(clock: (() => number) | null): void {
  override = clock;
}
