// `npm run serve`: the reference API on its own port, at the root (/v1/...), demo endpoints off.
//   LOYALTY_TOKEN_SECRET  required: the HS256 secret (32 bytes or more) your backend also uses to mint
//     customer JWTs; several comma-separated for rotation (the first signs, all are accepted)
//   PORT (8787), HOST (127.0.0.1), LOYALTY_PROGRAM (the demo program file),
//   LOYALTY_ALLOWED_ORIGINS (comma-separated storefront origins, or *)
//   LOYALTY_PUBLIC_URL (the storefront's URL, which referral links point to; this server's own
//     URL when absent), LOYALTY_FEEDBACK_LIMIT (anonymous answers per address and minute, 30)
//   LOYALTY_ADMIN_KEY (turns the merchant's /admin/v1 API on; send it as a Bearer token)
//   DATABASE_URL (a PostgreSQL server), else LOYALTY_DATA_DIR (the embedded engine's directory,
//   .loyalty-data/serve by default), seeded from the program file on first start
// Flags override the environment: --port, --host, --program, --allowed-origins, --public-url.
// Logs one JSON line per request to stdout.
import { parseArgs } from 'node:util';
import { startServer } from './node.js';
import { stdoutLog } from './http/request-log.js';
import { storageFromEnv } from './open-storage.js';
import { parseSecrets } from './tokens.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    program: { type: 'string' },
    'allowed-origins': { type: 'string' },
    'public-url': { type: 'string' },
  },
});

const secret = process.env.LOYALTY_TOKEN_SECRET;
if (!secret) {
  console.error('loyalty api: LOYALTY_TOKEN_SECRET is not set; refusing to start without a token signing secret');
  process.exit(1);
}
try {
  parseSecrets(secret);
} catch (error) {
  console.error(`loyalty api: ${(error as Error).message}; refusing to start`);
  process.exit(1);
}

const portText = values.port ?? process.env.PORT ?? '8787';
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`loyalty api: the port must be an integer from 0 to 65535, not ${portText}`);
  process.exit(1);
}

const publicUrl = values['public-url'] ?? process.env.LOYALTY_PUBLIC_URL;
if (publicUrl !== undefined && !/^https?:\/\/[^/]/.test(publicUrl)) {
  console.error(
    `loyalty api: LOYALTY_PUBLIC_URL must be an http(s) URL such as https://shop.example, not ${publicUrl}`,
  );
  process.exit(1);
}

const limitText = process.env.LOYALTY_FEEDBACK_LIMIT ?? '30';
const feedbackLimit = Number(limitText);
if (!Number.isInteger(feedbackLimit) || feedbackLimit < 1) {
  console.error(`loyalty api: LOYALTY_FEEDBACK_LIMIT must be a whole number of answers per minute, not ${limitText}`);
  process.exit(1);
}

const originsText = values['allowed-origins'] ?? process.env.LOYALTY_ALLOWED_ORIGINS ?? '';
const allowedOrigins =
  originsText.trim() === '*'
    ? '*'
    : originsText
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean);

try {
  const programFile = values.program ?? process.env.LOYALTY_PROGRAM;
  const server = await startServer({
    port,
    host: values.host ?? process.env.HOST ?? '127.0.0.1',
    ...(programFile ? { programFile } : {}),
    allowedOrigins,
    secret,
    storage: storageFromEnv(process.env, '.loyalty-data/serve'),
    ...(process.env.LOYALTY_ADMIN_KEY ? { adminKey: process.env.LOYALTY_ADMIN_KEY } : {}),
    ...(publicUrl ? { publicUrl } : {}),
    log: stdoutLog,
    feedbackRateLimit: { limit: feedbackLimit, windowMs: 60_000 },
  });
  console.log(`loyalty api: listening on ${server.url} (try ${server.url}/v1/program)`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // `npm run serve` does not pass SIGTERM on: npm exits and this process would keep the port.
  // Losing the parent means the same as SIGTERM.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop(), 500).unref();
} catch (error) {
  console.error(`loyalty api: ${(error as Error).message}`);
  process.exit(1);
}
