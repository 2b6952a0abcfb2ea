// The API for the Vite dev server (`npm start`): the test host (shared app at /api/*, isolated
// scopes at /api/s/<scope>/*), demo endpoints on, as a Node listener. The shared app, which the
// demo pages use, keeps its data in the embedded database (.loyalty-data/demo, or
// LOYALTY_DATA_DIR / DATABASE_URL), seeded from the demo program on first start.
import { createNodeListener, type NodeListener } from './node.js';
import { createTestHost } from './test-host.js';
import { encodeBase64url } from './base64url.js';
import { demoProgram } from './demo-program.js';
import { openStorage, storageFromEnv } from './open-storage.js';

export const DEMO_DATA_DIR = '.loyalty-data/demo';

export async function createDemoListener(options: { secret?: string } = {}): Promise<NodeListener> {
  // A secret per dev-server run is fine: the demo mints its tokens through /api/demo/token.
  const secret =
    options.secret ?? process.env.LOYALTY_TOKEN_SECRET ?? encodeBase64url(crypto.getRandomValues(new Uint8Array(32)));
  const data = await openStorage(storageFromEnv(process.env, DEMO_DATA_DIR), demoProgram);
  // PGlite is not power-loss safe and wants a clean close: close it when the dev server stops.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void data.close().finally(() => process.exit(0)));
  return createNodeListener(createTestHost({ secret, sharedStorage: data.storage }));
}
