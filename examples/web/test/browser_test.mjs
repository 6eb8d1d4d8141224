// The web example in a real browser: Debian's chromium, headless, driven
// by puppeteer-core (from the example's npm packages, never a browser of
// its own). Each scenario starts the example (system.mjs), opens the page
// and reads what the page wrote into its DOM; every wait polls the DOM
// against a deadline. A screenshot of the page at the end is kept in
// ARTIFACTS_DIR for a person to look at.
//
//   node browser_test.mjs page|broker_restart NPM_DIR ZMX_BIN ARTIFACTS_DIR
//
// page: the news arrive, numbered in order, and each request gets its
// reply once. broker_restart: the broker stops while the page is open; the
// page shows both sockets reconnecting; the broker starts again on the same
// ports; the page shows them up, news published after the restart, a
// reply to a request sent after it, and no message twice.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startExample } from '../system.mjs';

const WAIT_MS = 10000; // a safety net: each wait ends as soon as the DOM shows what it waits for
const [scenario, npmDir, zmxBin, artifacts] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const puppeteer = createRequire(join(npmDir, 'package.json'))('puppeteer-core');
const started = Date.now();
const log = (line) => console.log(`[${((Date.now() - started) / 1000).toFixed(2)} s] ${line}`);

// What the page shows: each socket's state and the list items, oldest first.
function readPage(page) {
  return page.evaluate(() => {
    const items = (id) => [...document.querySelectorAll(`#${id} li`)].map((li) => li.textContent).reverse();
    return {
      news: document.getElementById('news-state').dataset.state,
      tasks: document.getElementById('tasks-state').dataset.state,
      newsItems: items('news'),
      replies: items('replies'),
      error: document.getElementById('error').textContent,
    };
  });
}

async function waitFor(page, what, predicate) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const shown = await readPage(page);
    if (predicate(shown)) {
      log(`page shows ${what}`);
      return shown;
    }
    if (Date.now() > deadline)
      throw new Error(`no ${what} after ${WAIT_MS} ms; the page shows ${JSON.stringify(shown)}`);
    await new Promise((resolve) => setTimeout(resolve, 25)); // the poll's pace, not a wait for an event
  }
}

// The numbers of the news items, checked: "news N HH:MM:SS" each, N rising
// from item to item (a message shown twice, or out of order, fails).
function newsNumbers(shown) {
  const numbers = shown.newsItems.map((item) => {
    const match = item.match(/^news (\d+) \d\d:\d\d:\d\d$/);
    assert.ok(match, `unexpected news item '${item}'`);
    return Number(match[1]);
  });
  numbers.forEach((number, index) => {
    if (index > 0) assert.ok(number > numbers[index - 1], `news out of order or twice: ${numbers.join(' ')}`);
  });
  return numbers;
}

async function request(page, text) {
  await page.waitForSelector('#send:not([disabled])', { timeout: WAIT_MS });
  await page.$eval('#request', (input, value) => (input.value = value), text);
  await page.click('#send');
}

const bothUp = (shown) => shown.news === 'up' && shown.tasks === 'up';

async function pageScenario(page) {
  await waitFor(page, 'both sockets up', bothUp);
  await waitFor(page, 'three news items', (shown) => shown.newsItems.length >= 3);
  for (const n of [1, 2, 3]) await request(page, `hello ${n}`);
  const shown = await waitFor(page, 'three replies', (s) => s.replies.length >= 3);
  assert.deepEqual(shown.replies.sort(), ['HELLO 1', 'HELLO 2', 'HELLO 3']);
  newsNumbers(await readPage(page));
}

async function brokerRestartScenario(page, example) {
  await waitFor(page, 'both sockets up', bothUp);
  await waitFor(page, 'three news items', (shown) => shown.newsItems.length >= 3);
  await request(page, 'before restart');
  await waitFor(page, 'the first reply', (shown) => shown.replies.length === 1);

  log('stopping the broker');
  await example.stopBroker();
  await waitFor(page, 'both sockets reconnecting', (s) => s.news === 'reconnecting' && s.tasks === 'reconnecting');
  log('starting the broker again on the same ports');
  await example.startBroker();
  const publishedBefore = example.published();
  await waitFor(page, 'both sockets up again', bothUp);
  await waitFor(page, 'news published after the restart', (shown) =>
    newsNumbers(shown).some((number) => number > publishedBefore),
  );
  await request(page, 'after restart');
  const shown = await waitFor(page, 'the second reply', (s) => s.replies.length >= 2);
  assert.deepEqual(shown.replies, ['BEFORE RESTART', 'AFTER RESTART']);
  newsNumbers(await readPage(page));
}

const scenarios = { page: pageScenario, broker_restart: brokerRestartScenario };
if (!scenarios[scenario]) {
  console.error(`unknown scenario '${scenario}'`);
  process.exit(2);
}

// The tests publish faster than the example does, so they see news soon.
const example = await startExample({
  zmxBin,
  bundle: join(npmDir, 'www'),
  www: join(here, '..', 'www'),
  publishEveryMs: 100,
});
log(`example up at ${example.url}`);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM,
  headless: true,
  // As root (CI) chromium runs only without its sandbox; /dev/shm may be
  // small in containers.
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
});
let failed = false;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 700 });
  page.on('console', (message) => log(`page console: ${message.text()}`));
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  await page.goto(example.url);
  try {
    await scenarios[scenario](page, example);
  } catch (error) {
    failed = true;
    console.error(error);
  }
  mkdirSync(artifacts, { recursive: true });
  const screenshot = join(artifacts, `${scenario}.png`);
  await page.screenshot({ path: screenshot });
  log(`screenshot: ${screenshot}`);
} finally {
  await browser.close();
  await example.stop();
}
log(failed ? 'FAILED' : 'passed');
process.exit(failed ? 1 : 0);
