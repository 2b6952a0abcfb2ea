// A page of the demo storefront in a frame, as the demo's default shopper (Ada) sees it, talking
// to the reference API at /api. Call `close()` when done (in a finally).
import { waitUntil } from '@open-wc/testing';

export const text = (node: Element | ShadowRoot | null | undefined) =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The number in "1,250 points". */
export const points = (words: string) => Number(/([\d,]+) points?/.exec(words)?.[1]?.replace(/,/g, '') ?? NaN);

/** Opens `/demo/<file>` and resolves once `ready` (a selector) has rendered its shadow root. */
export async function openDemoPage(
  file: string,
  ready: string,
  size = { width: 1200, height: 900 },
): Promise<{ page: Document; close(): void }> {
  localStorage.removeItem('demo-customer'); // the demo's default shopper, Ada
  const frame = document.createElement('iframe');
  frame.title = `demo ${file}`;
  frame.style.cssText = `inline-size: ${size.width}px; block-size: ${size.height}px; border: 0`;
  frame.src = `/demo/${file}`;
  document.body.append(frame);
  const close = () => frame.remove();
  try {
    await waitUntil(() => frame.contentDocument?.querySelector(ready)?.shadowRoot, `${file} loads`, {
      timeout: 10_000,
    });
  } catch (error) {
    close();
    throw error;
  }
  return { page: frame.contentDocument!, close };
}
