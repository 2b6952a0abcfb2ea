// One polite live region for the whole page, created on first use, so screen readers hear
// changes (a new balance, "Copied") without each element owning a region.
let region: HTMLElement | undefined;

export function announce(message: string): void {
  if (!globalThis.document?.body) return;
  if (!region?.isConnected) {
    region = document.createElement('div');
    region.setAttribute('aria-live', 'polite');
    region.setAttribute('aria-atomic', 'true');
    region.dataset.loyaltyAnnouncer = '';
    // Visually hidden, still read.
    region.style.cssText =
      'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0';
    document.body.append(region);
  }
  // Clearing first makes a repeated message ("Copied" twice) be announced again.
  region.textContent = '';
  const target = region;
  setTimeout(() => (target.textContent = message), 50);
}
