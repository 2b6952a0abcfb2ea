// The API for the Vite dev server (`npm start`): the test host (shared app at /api/*, isolated
// scopes at /api/s/<scope>/*), demo endpoints on, as a Node listener.
import { createNodeListener, type NodeListener } from './node.js';
import { createTestHost } from './test-host.js';
import { encodeBase64url } from './base64url.js';

export async function createDemoListener(options: { secret?: string } = {}): Promise<NodeListener> {
  // A secret per dev-server run is fine: the demo mints its tokens through /api/demo/token.
  const secret =
    options.secret ?? process.env.LOYALTY_TOKEN_SECRET ?? encodeBase64url(crypto.getRandomValues(new Uint8Array(32)));
  return createNodeListener(createTestHost({ secret }));
}
