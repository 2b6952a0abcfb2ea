// One SDK per page: an npm import and a script tag (or two versions) share the first instance,
// so they never run two stores or two caches.
import { Sdk } from './sdk.js';

const slot = Symbol.for('loyalty-widgets');

export function getSdk(): Sdk {
  const global = globalThis as { [slot]?: Sdk };
  return (global[slot] ??= new Sdk());
}
