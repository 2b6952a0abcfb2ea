// Loads an element's code when its tag first appears in the page (as Shoelace's autoloader
// does), so a page with only a survey never downloads the catalog. Our elements inside the open
// shadow root of another custom element (a storefront built of web components) are found too,
// without patching `attachShadow`: once the host's tag is defined its root is searched and
// watched. A closed shadow root is invisible from outside: its owner calls `discover(root)`.
import { http } from './core/api/network.js';
import { LoyaltyError } from './core/errors.js';
import { getSdk } from './core/global.js';

const loaders: Record<string, () => Promise<unknown>> = {
  'loyalty-balance': () => import('./components/loyalty-balance/define.js'),
  'loyalty-activity': () => import('./components/loyalty-activity/define.js'),
  'reward-catalog': () => import('./components/reward-catalog/define.js'),
  'nps-survey': () => import('./components/nps-survey/define.js'),
  'feedback-survey': () => import('./components/feedback-survey/define.js'),
  'referral-share': () => import('./components/referral-share/define.js'),
  'loyalty-launcher': () => import('./components/loyalty-launcher/define.js'),
  'loyalty-panel': () => import('./components/loyalty-panel/define.js'),
};

const requested = new Set<string>();
/** Hosts already waited for, so a subtree added again does not wait twice. */
const hosts = new WeakSet<Element>();
/**
 * Foreign custom elements waiting for their tag's definition, one wait per tag: held weakly,
 * so one removed from the page meanwhile (a tag that may never be defined) can be collected.
 */
const waiting = new Map<string, Set<WeakRef<Element>>>();
let observer: MutationObserver | undefined;

/** Imports the element for `tag` (once); resolves when it is defined. */
export function load(tag: string): Promise<unknown> {
  const loader = loaders[tag];
  if (!loader) return Promise.resolve();
  if (!requested.has(tag)) {
    requested.add(tag);
    // Every element calls the API: its client loads beside the element's code, not after it.
    void http().catch(() => undefined);
    void loader().catch((cause: unknown) => {
      // Tried again when the tag next appears (a new element, or discover()).
      requested.delete(tag);
      console.error(`[loyalty-widgets] could not load <${tag}>`, cause);
      const error = new LoyaltyError('network', `could not load <${tag}>`, { cause });
      getSdk().bus.emit('loyalty-error', { error });
    });
  }
  return customElements.whenDefined(tag);
}

const unloaded = () => Object.keys(loaders).some((tag) => !requested.has(tag) && !customElements.get(tag));

/**
 * Loads our elements inside `root` (the page, or a shadow root, open or closed), now and as they
 * are added later, looking into the open shadow roots of custom elements in it too. Stops once
 * every element is defined. Safe to call any number of times.
 */
export function discover(root: Document | DocumentFragment | Element | undefined = globalThis.document): void {
  if (!root || !unloaded()) return;
  search(root);
  if (!observer) {
    observer = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) search(node);
    });
    // A tag whose load failed is never defined, so the observer stays for it.
    void Promise.all(Object.keys(loaders).map((tag) => customElements.whenDefined(tag))).then(() =>
      observer?.disconnect(),
    );
  }
  observer.observe(root instanceof Document ? root.documentElement : root, { childList: true, subtree: true });
}

/** One pass over `root` and its descendants while some element is not loaded yet. */
function search(root: Document | DocumentFragment | Element): void {
  if (!unloaded()) return;
  if (root instanceof Element) visit(root);
  for (const element of root.querySelectorAll('*')) visit(element);
}

function visit(element: Element): void {
  const tag = element.localName;
  // Built-in elements (most of a page) are passed over with one test.
  if (!tag.includes('-')) return;
  if (loaders[tag]) void load(tag);
  else if (!hosts.has(element)) {
    hosts.add(element);
    let group = waiting.get(tag);
    if (!group) {
      waiting.set(tag, (group = new Set()));
      // A custom element attaches its shadow root when it is defined (upgraded) at the latest.
      void customElements.whenDefined(tag).then(() => {
        waiting.delete(tag);
        for (const ref of group!) searchHost(ref.deref());
      });
    }
    group.add(new WeakRef(element));
  }
}

function searchHost(host: Element | undefined): void {
  if (!host) return;
  if (host.isConnected) {
    if (host.shadowRoot) discover(host.shadowRoot);
  } else {
    // Out of the page, so not upgraded: searched again if it comes back.
    hosts.delete(host);
  }
}
