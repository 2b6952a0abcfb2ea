// Polite live regions, created on first use, so screen readers hear changes (a new balance,
// "Copied") without each element owning a region: one for the page, and one inside each open
// modal dialog an announcement comes from, since a modal dialog makes the rest of the page inert
// and a region out there would be silent.
let pageRegion: HTMLElement | undefined;

function createRegion(): HTMLElement {
  const region = document.createElement('div');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  region.dataset.loyaltyAnnouncer = '';
  // Visually hidden, still read.
  region.style.cssText =
    'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0';
  return region;
}

/** The next node up in the flattened tree: a slotted element's slot, or a shadow root's host. */
const up = (node: Node): Node | null =>
  (node instanceof Element && node.assignedSlot) || node.parentNode || (node instanceof ShadowRoot ? node.host : null);

/** The open modal dialog `element` shows in, inside shadow roots and slots too (a referral slotted into a survey). */
function modalAround(element: Element): HTMLDialogElement | undefined {
  for (let node: Node | null = element; node; node = up(node)) {
    if (node instanceof HTMLDialogElement && node.open && node.matches(':modal')) return node;
  }
  return undefined;
}

/** Says `message` to screen-reader users, from the region `from` is not cut off from. */
export function announce(from: Element, message: string): void {
  if (!globalThis.document?.body) return;
  const dialog = modalAround(from);
  let region: HTMLElement;
  if (dialog) {
    region = dialog.querySelector(':scope > [data-loyalty-announcer]') ?? createRegion();
    // Last in the dialog, outside what Lit renders there.
    if (!region.isConnected) dialog.append(region);
  } else {
    if (!pageRegion?.isConnected) document.body.append((pageRegion = createRegion()));
    region = pageRegion;
  }
  // Clearing first makes a repeated message ("Copied" twice) be announced again.
  region.textContent = '';
  setTimeout(() => (region.textContent = message), 50);
}
