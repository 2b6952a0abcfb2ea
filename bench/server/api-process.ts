// One API process for the server bench: `npm run serve`'s startServer with the demo endpoints on
// (the bench makes its customers through them) over the storage the environment names
// (DATABASE_URL + LOYALTY_DB_SCHEMA, or LOYALTY_DATA_DIR). Prints "listening on <url>"; SIGTERM
// closes it and its database.
import { startServer } from '../../server/node.ts';
import { storageFromEnv } from '../../server/open-storage.ts';

const server = await startServer({
  port: 0,
  secret: process.env.LOYALTY_TOKEN_SECRET!,
  demo: true,
  storage: storageFromEnv(process.env, process.env.LOYALTY_DATA_DIR!),
});
console.log(`listening on ${server.url}`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
