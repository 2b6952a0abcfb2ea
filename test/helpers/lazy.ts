// Lazy parts of elements: whether the page has asked for a module, and a module the test host
// fails (`fail-module` in server-plugin.ts) as a CDN answering 503 or a dropped connection would.
import { executeServerCommand } from '@web/test-runner-commands';
import { engine } from './engine.js';

/** True once the page has requested a file whose URL contains `path` (any answer, failures too). */
export const requested = (path: string): boolean =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes(path));

/** The next `times` requests of this engine for the source module at `path` (e.g. `/src/x/y.ts`) fail with `status`. */
export const failModule = (path: string, { times = 1, status = 503 } = {}): Promise<unknown> =>
  executeServerCommand('fail-module', { engine, path, times, status });
