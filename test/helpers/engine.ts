// The browser engine a test runs in, and the runner commands every engine can do: the suite runs
// in Chromium, Firefox and WebKit (web-test-runner.config.mjs). Commands only some drivers have
// (setViewport, emulateMedia from @web/test-runner-commands work over CDP only) go through the
// test server's own commands (server-plugin.ts), which use each engine's driver.
import { executeServerCommand } from '@web/test-runner-commands';

export type Engine = 'chromium' | 'firefox' | 'webkit';

export const engine: Engine = /Firefox\//.test(navigator.userAgent)
  ? 'firefox'
  : /AppleWebKit/.test(navigator.userAgent) && !/Chrome\//.test(navigator.userAgent)
    ? 'webkit'
    : 'chromium';

/**
 * A test of behaviour only some engines can be driven to show. Elsewhere it is a skipped test
 * whose title says which engine it needs and why (the runner counts and lists every skip), never
 * a silent pass.
 */
export function itIn(engines: Engine[], why: string, title: string, fn: Mocha.AsyncFunc): Mocha.Test {
  if (engines.includes(engine)) return it(title, fn);
  return it.skip(`${title} [needs ${engines.join(' or ')}: ${why}]`, fn);
}

/**
 * Sizes the page's viewport (the window's content area). WebKitGTK's window does not get
 * narrower than about 450 px: test a phone-wide layout in a frame of that size (`phoneFrame`).
 */
export async function setViewport(size: { width: number; height: number }): Promise<void> {
  await executeServerCommand('loyalty-set-viewport', size);
  // The new size reaches the page's layout on the next frame in some engines.
  await new Promise(requestAnimationFrame);
}

/** Presses keys together, as a shopper presses Control+C: `pressChord('Control', 'KeyC')`. */
export async function pressChord(...keys: string[]): Promise<void> {
  await executeServerCommand('loyalty-press-chord', keys);
}

/**
 * A same-origin frame of a phone's size running test/fixtures/phone.html, its SDK configured for
 * `apiBase` and the customer; resolves with the frame's document once every element is defined.
 */
export async function phoneFrame(
  size: { width: number; height: number },
  sdk: { apiBase: string; customerId?: string; token?: string },
): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.title = 'phone';
  frame.style.cssText = `inline-size: ${size.width}px; block-size: ${size.height}px; border: 0; display: block`;
  const params = Object.fromEntries(Object.entries(sdk).filter(([, value]) => value !== undefined));
  frame.src = `/test/fixtures/phone.html?${new URLSearchParams(params)}`;
  const ready = new Promise<void>((resolve) =>
    addEventListener('message', function heard(event: MessageEvent<{ phone?: string }>) {
      if (event.source !== frame.contentWindow || event.data?.phone !== 'ready') return;
      removeEventListener('message', heard);
      resolve();
    }),
  );
  document.body.append(frame);
  phoneFrames.push(frame);
  await ready;
  return frame.contentDocument!;
}

const phoneFrames: HTMLIFrameElement[] = [];

/** Removes every frame `phoneFrame()` opened (call in afterEach). */
export function closePhoneFrames(): void {
  for (const frame of phoneFrames.splice(0)) frame.remove();
}

/**
 * What the clipboard holds, read as a shopper would: pasted with Control+V into a text field.
 * (`navigator.clipboard.readText()` needs a permission only Chromium's and Firefox's drivers grant.)
 * Focus goes back where it was.
 */
export async function pastedText(): Promise<string> {
  let before: Element | null = document.activeElement;
  while (before?.shadowRoot?.activeElement) before = before.shadowRoot.activeElement;
  const field = document.createElement('textarea');
  field.setAttribute('aria-label', 'paste here');
  document.body.append(field);
  field.focus();
  await pressChord('Control', 'KeyV');
  const text = field.value;
  field.remove();
  (before as HTMLElement | null)?.focus();
  return text;
}
