// One API process for the multi-process tests: startServer with demo endpoints on, over the
// storage the environment names (DATABASE_URL + LOYALTY_DB_SCHEMA, or LOYALTY_DATA_DIR). Prints
// "listening on <url>"; SIGTERM closes it and its database.
import { startServer } from '../../../server/node.ts';
import { storageFromEnv } from '../../../server/open-storage.ts';
import { SECRET } from './api.ts';

const server = await startServer({
  port: 0,
  secret: SECRET,
  demo: true,
  storage: storageFromEnv(process.env, 'unused'),
});
console.log(`listening on ${server.url}`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
