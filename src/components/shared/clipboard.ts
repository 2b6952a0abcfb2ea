// Copying codes and links: the Clipboard API where the browser allows it, else the caller selects
// the text and tells the shopper which shortcut to press.
/** Writes to the clipboard; false when the Clipboard API is missing or refused (no permission, no focus). */
export async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The copy shortcut to suggest when the shopper has to copy by hand. */
export const copyShortcut = (): string => (/Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘C' : 'Ctrl+C');
