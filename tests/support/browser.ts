import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';

export const DEMO_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3-demo');

/**
 * Debian's Chromium where it exists (this project's machines cannot download Playwright's
 * browser); PLAINSIGHT_CHROMIUM overrides; elsewhere Playwright's own Chromium.
 */
export function chromiumExecutable(): string | undefined {
  const configured = process.env.PLAINSIGHT_CHROMIUM;
  if (configured) return configured;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

/** Starts Chromium with the built extension loaded in a fresh profile. */
export async function launchWithExtension(
  options: {
    extensionDir?: string;
    headless?: boolean;
    /** Reuse this profile (and keep it on close), e.g. to restart the browser mid-test. */
    profileDir?: string;
  } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? DEMO_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build:demo" first.`);
  }
  const headless = options.headless ?? true;
  const profile = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'plainsight-profile-')));
  const context = await chromium.launchPersistentContext(profile, {
    // Extensions need the new headless mode, which Playwright selects through args.
    headless: false,
    executablePath: chromiumExecutable(),
    viewport: { width: 1280, height: 860 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Test pages use reserved .test host names (one per platform), all served locally.
      '--host-resolver-rules=MAP *.test 127.0.0.1',
    ],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      if (!options.profileDir) await rm(profile, { recursive: true, force: true });
    },
  };
}
