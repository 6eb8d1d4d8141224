// The web example: starts the broker, the publisher, the worker and the
// page's server on loopback, prints the page's address and runs until
// SIGINT or SIGTERM.
//
//   node serve.mjs ZMX_BIN BUNDLE_DIR [HTTP_PORT]
//
// ZMX_BIN holds zmx-broker, zmx-cat and web-worker (build/bin); BUNDLE_DIR
// the bundled app.js (prepare.sh's OUT_DIR/www). HTTP_PORT defaults to
// one the system picks.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startExample } from './system.mjs';

const [zmxBin, bundle, httpPort = '0'] = process.argv.slice(2);
if (!zmxBin || !bundle) {
  process.stderr.write('usage: node serve.mjs ZMX_BIN BUNDLE_DIR [HTTP_PORT]\n');
  process.exit(2);
}
const www = join(dirname(fileURLToPath(import.meta.url)), 'www');
const example = await startExample({ zmxBin, bundle, www, httpPort: Number(httpPort) });
process.stdout.write(`page: ${example.url}\n`);
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, async () => {
    await example.stop();
    process.exit(0);
  });
