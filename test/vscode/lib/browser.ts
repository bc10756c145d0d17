// Debian's Chromium driven by playwright-core. playwright's own browser download needs a network that
// these machines do not have, so the runner uses the system browser.
import * as fs from 'fs';
import { chromium, type Browser } from 'playwright-core';
import { onCleanup } from './cleanup';
import { CHROMIUM_PATH } from './paths';
import { RunnerError } from './runner-error';

/**
 * Flags that keep Chromium from contacting Google's servers (updates, sync, field trials) and make it
 * run as root in a container without a GPU.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-features=OptimizationHints,MediaRouter,Translate',
];

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new RunnerError(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }

  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: process.env.HEADED !== '1',
    args: CHROMIUM_FLAGS,
  });
  onCleanup(() => browser.close());
  return browser;
}
