// Shop pages for the end-to-end tests of the built script tag: each opens in a frame of its own
// (a fresh realm and module map), as a shopper (the cookie the merchant's token endpoint reads)
// or a guest. `closeShopFrames()` after each test.
const frames: HTMLIFrameElement[] = [];

/** Opens `path` in a new frame, as `shopper` or a guest; resolves once it has loaded. */
export async function openShopFrame(path: string, shopper?: string): Promise<HTMLIFrameElement> {
  document.cookie = shopper ? `shopper=${shopper}; path=/` : 'shopper=; max-age=0; path=/';
  const frame = document.createElement('iframe');
  frame.title = 'shop';
  frame.src = path;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame;
}

/** Removes every frame opened so far and signs the shopper out. */
export function closeShopFrames(): void {
  for (const frame of frames.splice(0)) frame.remove();
  document.cookie = 'shopper=; max-age=0; path=/';
}
