// What the page talks to, started on loopback: a zmx-broker with a
// forwarder (news) and a queue (tasks), each with a ws:// side for the
// browser and a tcp:// side for the programs; a zmx-cat publisher fed one
// numbered line at a time; the upper-casing worker; and a small static
// file server for the page, which also tells it where the broker is
// (config.json). Used by serve.mjs (the example) and by the tests, which
// also restart the broker while the page is open.
//
// No fixed ports: the broker binds port * everywhere and its log says
// which port each endpoint got; a restart binds those same ports again, so
// the page's sockets find it where they left it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';

const TOPIC = 'news';

// The broker's config: `endpoints` maps "device side" to the endpoint to
// bind ("news frontend": "tcp://127.0.0.1:*", ...).
function brokerConfig(endpoints, controlPath) {
  const device = (name, type) => `
[[device]]
name = "${name}"
type = "${type}"
frontend.bind = "${endpoints[`${name} frontend`]}"
backend.bind = "${endpoints[`${name} backend`]}"
`;
  // linger = 0: a restart need not wait for what is in flight.
  return `[broker]
control = "ipc://${controlPath}"
linger = 0
${device('news', 'forwarder')}${device('tasks', 'queue')}`;
}

// Runs until `stop()`; the promise resolves once every endpoint is bound.
// Resolves to { endpoints, stop } with the endpoints the broker bound.
function startBroker(zmxBin, directory, endpoints) {
  const configPath = join(directory, 'broker.toml');
  writeFileSync(configPath, brokerConfig(endpoints, join(directory, 'control')));
  const broker = spawn(join(zmxBin, 'zmx-broker'), [configPath, '--log-level', 'info'], {
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const exited = new Promise((resolve) => broker.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const bound = {};
    createInterface({ input: broker.stderr }).on('line', (line) => {
      process.stderr.write(`  broker: ${line}\n`);
      const match = line.match(/device '(\w+)' (frontend|backend) bound to (\S+)/);
      if (match) bound[`${match[1]} ${match[2]}`] = match[3];
      if (/ ready: /.test(line))
        resolve({
          endpoints: bound,
          stop: async () => {
            broker.kill('SIGTERM');
            await exited;
          },
        });
    });
    exited.then((code) => reject(new Error(`zmx-broker exited (${code}) before it was ready`)));
  });
}

// A long-running child whose end is ours to choose.
function startChild(program, args) {
  const child = spawn(program, args, { stdio: ['pipe', 'inherit', 'inherit'] });
  child.on('error', (error) => process.stderr.write(`${program}: ${error.message}\n`));
  return child;
}

const CONTENT_TYPES = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json' };

// Serves the page's few files and nothing else (no paths from the
// request reach the file system).
function startWebServer(files, port) {
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    const file = files[path === '/' ? '/index.html' : path];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    const body = typeof file === 'function' ? file() : readFileSync(file);
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(path) || '.html'], 'Cache-Control': 'no-store' });
    response.end(body);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

// zmxBin: the folder with zmx-broker, zmx-cat and web-worker; bundle: the
// esbuild output (app.js); www: the page's own files. publishEveryMs:
// how often the publisher sends the next numbered line.
export async function startExample({ zmxBin, bundle, www, httpPort = 0, publishEveryMs = 500 }) {
  const directory = mkdtempSync(join(tmpdir(), 'zmx-web.'));
  const wanted = {
    'news frontend': 'tcp://127.0.0.1:*',
    'news backend': 'ws://127.0.0.1:*/news',
    'tasks frontend': 'ws://127.0.0.1:*/tasks',
    'tasks backend': 'tcp://127.0.0.1:*',
  };
  let broker = await startBroker(zmxBin, directory, wanted);
  const endpoints = broker.endpoints; // the same ones on every restart

  const worker = startChild(join(zmxBin, 'web-worker'), [endpoints['tasks backend']]);
  const publisher = startChild(join(zmxBin, 'zmx-cat'), ['pub', '-c', endpoints['news frontend']]);
  publisher.stdin.on('error', () => {}); // a line written as it exits: nothing to do
  let published = 0;
  const publish = () => {
    published += 1;
    publisher.stdin.write(`${TOPIC} ${published} ${new Date().toISOString().slice(11, 19)}\n`);
  };
  const ticker = setInterval(publish, publishEveryMs);

  // The browser connects to the ws endpoints as bound: 127.0.0.1, the port.
  const config = JSON.stringify({ topic: TOPIC, news: endpoints['news backend'], tasks: endpoints['tasks frontend'] });
  const server = await startWebServer(
    {
      '/index.html': join(www, 'index.html'),
      '/style.css': join(www, 'style.css'),
      '/app.js': join(bundle, 'app.js'),
      '/config.json': () => config,
    },
    httpPort,
  );

  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    endpoints,
    // How many lines the publisher has sent so far (the last one's number).
    published: () => published,
    stopBroker: () => broker.stop(),
    startBroker: async () => {
      broker = await startBroker(zmxBin, directory, endpoints);
    },
    stop: async () => {
      clearInterval(ticker);
      server.close();
      publisher.kill('SIGTERM');
      worker.kill('SIGTERM');
      await broker.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
