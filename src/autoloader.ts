// Loads an element's code when its tag first appears in the page (as Shoelace's autoloader
// does), so a page with only a survey never downloads the catalog.
const loaders: Record<string, () => Promise<unknown>> = {
  'loyalty-balance': () => import('./components/loyalty-balance/define.js'),
  'loyalty-activity': () => import('./components/loyalty-activity/define.js'),
  'reward-catalog': () => import('./components/reward-catalog/define.js'),
  'nps-survey': () => import('./components/nps-survey/define.js'),
  'referral-share': () => import('./components/referral-share/define.js'),
  'loyalty-launcher': () => import('./components/loyalty-launcher/define.js'),
  'loyalty-panel': () => import('./components/loyalty-panel/define.js'),
};

const requested = new Set<string>();

/** Imports the element for `tag` (once); resolves when it is defined. */
export function load(tag: string): Promise<unknown> {
  const loader = loaders[tag];
  if (!loader) return Promise.resolve();
  if (!requested.has(tag)) {
    requested.add(tag);
    void loader().catch((error: unknown) => {
      requested.delete(tag);
      console.error(`[loyalty-widgets] could not load <${tag}>`, error);
    });
  }
  return customElements.whenDefined(tag);
}

/** One search of `root` for the tags not loaded yet. */
function discover(root: ParentNode): void {
  const wanted = Object.keys(loaders).filter((tag) => !requested.has(tag) && !customElements.get(tag));
  if (wanted.length) for (const element of root.querySelectorAll(wanted.join())) void load(element.localName);
}

/** Loads what is in the page now and whatever is added later, until every element is defined. */
export function startAutoloader(root: Document = document): void {
  discover(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && (loaders[node.localName] || node.childElementCount)) {
          if (loaders[node.localName]) void load(node.localName);
          else discover(node);
        }
      }
    }
  });
  observer.observe(root.documentElement, { childList: true, subtree: true });
  // A tag whose load failed is never defined, so the observer stays for it.
  void Promise.all(Object.keys(loaders).map((tag) => customElements.whenDefined(tag))).then(() =>
    observer.disconnect(),
  );
}
