// The script-tag entry: `<script type="module" src=".../loyalty-widgets.js" data-api-base=…>`.
// Exposes `window.LoyaltyWidgets`, replays calls queued before it loaded, configures from the
// tag's data-* attributes and loads elements as they appear.
import { startAutoloader } from './autoloader.js';
import { configureFromScript } from './script-config.js';
import * as api from './core/public-api.js';

type Queued = { q?: [string, unknown[]][] };
const global = globalThis as unknown as { LoyaltyWidgets?: Queued & Record<string, unknown> };
const queue = global.LoyaltyWidgets?.q ?? [];
global.LoyaltyWidgets = { ...api };

void configureFromScript(import.meta.url).finally(() => {
  for (const [name, args] of queue) {
    const fn = (api as Record<string, unknown>)[name];
    try {
      if (typeof fn === 'function') void (fn as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      console.error(`[loyalty-widgets] queued call ${name}() failed`, error);
    }
  }
});
startAutoloader();

export * from './core/public-api.js';
