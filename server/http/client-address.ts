// Who is calling, by network address, for per-address limits. The Node listener (node.ts) passes
// its IncomingMessage as the env; elsewhere (in-process tests, the test host's scopes) there is
// none and no per-address limit applies. Behind a reverse proxy every shopper has the proxy's
// address: limit at the proxy there.
import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';

export const clientAddress = (c: Context): string | undefined =>
  (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress;
