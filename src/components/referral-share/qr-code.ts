// The QR encoder (lean-qr's nano build, about 2 KB gzip) is a separate chunk, loaded the first
// time a QR code is shown; it encodes locally, so the link never goes to a third party.

/**
 * Draws `text` into `canvas` at one pixel per module (CSS scales it up, pixelated). The browser
 * keeps the loaded module; whether a failed load (offline) is tried again depends on the browser.
 */
export async function drawQrCode(canvas: HTMLCanvasElement, text: string): Promise<void> {
  const { generate } = await import('lean-qr/nano');
  // Opaque white around black modules: scanners need the contrast, whatever the page's theme.
  generate(text).toCanvas(canvas, { on: [0, 0, 0], off: [255, 255, 255], pad: 4 });
}
