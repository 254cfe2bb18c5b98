import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEMO_EXTENSION_DIR, launchWithExtension } from '../support/browser';
import { expect, expectedPages, markers, test } from './fixtures';

/**
 * Chromium on Linux reads district policy from /etc/chromium/policies/managed (needs root, as
 * in CI). Extension policy goes under "3rdparty" → "extensions" → the extension id.
 */
const POLICY_FILE = '/etc/chromium/policies/managed/plainsight-test.json';

/** The id Chromium gives an unpacked extension: from the SHA-256 of its path, letters a–p. */
function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

function canWritePolicy(): boolean {
  try {
    mkdirSync(dirname(POLICY_FILE), { recursive: true });
    accessSync(dirname(POLICY_FILE), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function writePolicy(policy: Record<string, unknown>) {
  const id = unpackedExtensionId(DEMO_EXTENSION_DIR);
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
}

test.describe('district policy', () => {
  // Chromium reads managed policy only from /etc/chromium/policies (a path fixed at build time;
  // no flag or user directory replaces it), which needs root. These 3 tests are skipped, with
  // the reason, on machines without that access; CI runs as root and runs them (noted in the
  // closing notes of issues 7 and 3).
  test.skip(!canWritePolicy(), 'needs write access to /etc/chromium/policies (root, as in CI)');
  // Removed before and after: a policy left behind would steer every later browser run.
  test.beforeAll(() => rmSync(POLICY_FILE, { force: true }));
  test.afterEach(() => rmSync(POLICY_FILE, { force: true }));

  test('a policy feed URL is shown as set by the district and locked', async () => {
    writePolicy({
      feedUrl: 'https://sis.district.invalid/plainsight/feed.json',
      refreshMinutes: 30,
    });
    const extension = await launchWithExtension();
    try {
      expect(extension.extensionId).toBe(unpackedExtensionId(DEMO_EXTENSION_DIR));
      const page = await extension.context.newPage();
      await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
      await expect(page.getByTestId('feed-locked')).toContainText(
        'Set by your district: https://sis.district.invalid/plainsight/feed.json',
      );
      await expect(page.getByLabel('Feed URL')).toBeHidden();
    } finally {
      await extension.close();
    }
  });

  test('an invalid policy fails closed: no markers, and the options page says why', async ({
    server,
  }) => {
    // Contradictory: a bearer token is required but none is given. (Values that break the
    // schema's own limits never reach the extension: Chrome drops them when loading the policy.)
    writePolicy({ feedAuth: 'bearer' });
    const extension = await launchWithExtension();
    try {
      const page = await extension.context.newPage();
      await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
      const problems = page.getByTestId('policy-problems');
      await expect(problems).toContainText('feedToken');
      const expected = expectedPages[0];
      if (!expected) throw new Error('no demo pages');
      await page.goto(`${server.url}/${expected.page}`);
      await page.waitForTimeout(1500);
      await expect(markers(page)).toHaveCount(0);
    } finally {
      await extension.close();
    }
  });
});
