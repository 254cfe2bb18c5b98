/**
 * Saving a new feed address while a refresh of the old source is still running (the fetch at
 * install, or a scheduled one) must fetch the new address, not answer with the old refresh.
 */
import Dexie from 'dexie';
import { beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackgroundController } from '../../lib/background/controller';
import type { FeedStatus } from '../../lib/background/status';
import { readDemoFeed } from '../demo/demo-data';
import { resetFakeExtension } from '../support/fake-extension';

const OWN_ID = 'plainsightsourceaaaaaaaaaaaaaaaa';
const OWN_BASE = `chrome-extension://${OWN_ID}/`;
const DISTRICT_URL = 'https://district.example/plainsight/feed.json';

beforeEach(async () => {
  vi.restoreAllMocks();
  await Dexie.delete('plainsight');
  resetFakeExtension(OWN_ID);
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockResolvedValue(undefined as never);
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([] as never);
});

it('a new feed address is fetched even while the old source is still being refreshed', async () => {
  const demo = readDemoFeed();
  const district = structuredClone(demo);
  district.district.name = 'Lakeview Unified (district feed)';
  let releaseDemo: () => void = () => undefined;
  const demoHeld = new Promise<void>((resolve) => {
    releaseDemo = resolve;
  });
  const fetched: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input instanceof Request ? input.url : input);
      fetched.push(url);
      if (url.startsWith(OWN_BASE)) await demoHeld;
      const body = JSON.stringify(url.startsWith(OWN_BASE) ? demo : district);
      return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  const controller = new BackgroundController({
    defaultSettings: { feedSource: { kind: 'demo' } },
  });

  const atInstall = controller.refresh();
  await vi.waitFor(() => expect(fetched).toHaveLength(1));
  const saved = controller.handleMessage(
    { type: 'feed/set-source', source: { kind: 'url', url: DISTRICT_URL } },
    { id: OWN_ID, url: `${OWN_BASE}options.html`, origin: OWN_BASE.slice(0, -1) },
  ) as Promise<FeedStatus>;
  releaseDemo();
  await atInstall;
  const status = await saved;

  expect(fetched).toEqual([`${OWN_BASE}demo-feed.json`, DISTRICT_URL]);
  expect(status.source).toEqual({ kind: 'url', url: DISTRICT_URL });
  expect(status.feed?.districtName).toBe('Lakeview Unified (district feed)');
  vi.unstubAllGlobals();
});
