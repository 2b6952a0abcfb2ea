// The three engines the browser tests run in, found on this machine (Debian's packages, never a
// test tool's own download): Chromium, Firefox (through puppeteer over WebDriver BiDi) and WebKit
// (WebKitGTK's MiniBrowser through WebKitWebDriver, under Xvfb when there is no display).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants } from 'node:os';
import { findChromium } from './chromium.mjs';

export const engines = ['chromium', 'firefox', 'webkit'];

/** The engines `BROWSERS` names (a comma list), or all three. Fails on a name it does not know. */
export function selectedEngines(value = process.env.BROWSERS) {
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((name) => !engines.includes(name));
  if (unknown.length) throw new Error(`BROWSERS: unknown ${unknown.join(', ')}; use ${engines.join(', ')}.`);
  return names.length ? names : engines;
}

function onPath(name) {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

export function findFirefox() {
  const found = process.env.FIREFOX_PATH ?? onPath('firefox-esr') ?? onPath('firefox');
  if (found) return found;
  throw new Error('No Firefox found: install one (Debian: apt-get install -y firefox-esr) or set FIREFOX_PATH.');
}

/** WebKitGTK's MiniBrowser and its WebDriver, plus Xvfb when there is no display to draw on. */
export function findWebKit() {
  const install = 'install them (Debian: apt-get install -y webkit2gtk-driver xvfb)';
  const driver = process.env.WEBKIT_DRIVER_PATH ?? onPath('WebKitWebDriver');
  const browser = process.env.WEBKIT_PATH ?? findMiniBrowser();
  const xvfb = process.env.DISPLAY ? undefined : onPath('Xvfb');
  if (!driver || !browser) throw new Error(`No WebKitWebDriver or MiniBrowser found: ${install}.`);
  if (!process.env.DISPLAY && !xvfb) throw new Error(`No display and no Xvfb for WebKit: ${install}.`);
  return { driver, browser, xvfb };
}

function findMiniBrowser() {
  for (const lib of ['/usr/lib', '/usr/libexec']) {
    const dirs = [lib, ...(existsSync(lib) ? readdirSync(lib).map((name) => `${lib}/${name}`) : [])];
    for (const dir of dirs) {
      for (const api of ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0']) {
        if (existsSync(`${dir}/${api}/MiniBrowser`)) return `${dir}/${api}/MiniBrowser`;
      }
    }
  }
  return undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts Xvfb on a free display number; resolves with the display once it accepts clients. */
function startXvfb(path) {
  const child = spawn(path, ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready`)));
    child.stdout.once('data', (data) => resolve({ child, display: `:${String(data).trim()}` }));
  });
}

async function waitForDriver(port, child) {
  for (let tries = 0; tries < 100; tries++) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode})`);
    try {
      const reply = await fetch(`http://127.0.0.1:${port}/status`);
      if (reply.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('WebKitWebDriver did not answer /status');
}

/**
 * Starts WebKitWebDriver (and Xvfb when needed) and returns its port and a stop() that ends both.
 * They are also ended when this process exits or is killed, so a failed run leaves nothing behind.
 */
export async function startWebKitDriver({ driver, xvfb }) {
  const children = [];
  const stop = () => {
    for (const child of children.splice(0).reverse()) if (child.exitCode === null) child.kill();
  };
  process.once('exit', stop);
  // Killed rather than interrupted (a CI timeout): Node would exit without 'exit' handlers.
  for (const signal of ['SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      stop();
      process.exit(128 + constants.signals[signal]);
    });
  }
  try {
    const env = { ...process.env };
    if (xvfb) {
      const display = await startXvfb(xvfb);
      children.push(display.child);
      env.DISPLAY = display.display;
    }
    const port = await freePort();
    const child = spawn(driver, [`--port=${port}`, '--host=127.0.0.1'], { env, stdio: 'ignore' });
    children.push(child);
    await waitForDriver(port, child);
    return { port, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
