/**
 * The background registers the roster content script for the granted district hosts whenever
 * the feed, the policy or the staff member's sites change, and those changes overlap (a feed
 * refresh at install while the options page saves a new feed). A page must never load in a
 * moment with no script registered, and overlapping calls must not fail on each other.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackgroundController } from '../../lib/background/controller';

interface Registered {
  id: string;
  matches?: string[];
}

/** chrome.scripting's registry as Chrome keeps it: ids are unique, calls take a moment. */
function fakeRegistry() {
  const scripts = new Map<string, Registered>();
  /** How many scripts were registered after each change. */
  const history: number[] = [];
  const later = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
  const changed = () => history.push(scripts.size);
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(
    (async (filter?: { ids?: string[] }) => {
      await later();
      return [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id));
    }) as never,
  );
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation((async (
    list: Registered[],
  ) => {
    await later();
    for (const script of list) {
      if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      scripts.set(script.id, script);
    }
    changed();
  }) as never);
  vi.spyOn(fakeBrowser.scripting, 'updateContentScripts').mockImplementation((async (
    list: Registered[],
  ) => {
    await later();
    for (const script of list) {
      if (!scripts.has(script.id)) throw new Error(`Nonexistent script ID '${script.id}'`);
      scripts.set(script.id, script);
    }
    changed();
  }) as never);
  vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation((async (filter?: {
    ids?: string[];
  }) => {
    await later();
    for (const id of filter?.ids ?? [...scripts.keys()]) {
      if (!scripts.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
      scripts.delete(id);
    }
    changed();
  }) as never);
  return { scripts, history };
}

async function setSites(hosts: string[]): Promise<void> {
  await fakeBrowser.storage.local.set({
    settings: { extraSites: hosts.map((host) => ({ host, platform: 'canvas' })) },
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
});

describe('content-script registration', () => {
  it('overlapping changes all succeed, the last one wins, and a script is registered throughout', async () => {
    const registry = fakeRegistry();
    const controller = new BackgroundController({ defaultSettings: {} });
    await setSites(['canvas.district.test']);
    await controller.syncContentScripts();
    await setSites(['canvas.district.test', 'sis.district.test']);
    const calls = Array.from({ length: 5 }, () => controller.syncContentScripts());
    await expect(Promise.all(calls)).resolves.toBeDefined();
    expect(registry.history.every((count) => count === 1)).toBe(true);
    const [script] = registry.scripts.values();
    expect(script?.matches).toEqual(
      expect.arrayContaining(['https://canvas.district.test/*', 'https://sis.district.test/*']),
    );
  });

  it('removes the script when no host is granted any more', async () => {
    const registry = fakeRegistry();
    const controller = new BackgroundController({ defaultSettings: {} });
    await setSites(['canvas.district.test']);
    await controller.syncContentScripts();
    await setSites([]);
    await controller.syncContentScripts();
    expect(registry.scripts.size).toBe(0);
    await controller.syncContentScripts();
    expect(registry.scripts.size).toBe(0);
  });
});
