// The QR encoder (lean-qr's nano build, about 2 KB gzip) is a separate chunk, loaded the first
// time a QR code is shown; it encodes locally, so the link never goes to a third party.
let encoder: Promise<typeof import('lean-qr/nano')> | undefined;

/** Draws `text` into `canvas` at one pixel per module (CSS scales it up, pixelated). */
export async function drawQrCode(canvas: HTMLCanvasElement, text: string): Promise<void> {
  encoder ??= import('lean-qr/nano');
  try {
    const { generate } = await encoder;
    // Opaque white around black modules: scanners need the contrast, whatever the page's theme.
    generate(text).toCanvas(canvas, { on: [0, 0, 0], off: [255, 255, 255], pad: 4 });
  } catch (error) {
    // A chunk that failed to load (offline) may load next time.
    encoder = undefined;
    throw error;
  }
}
