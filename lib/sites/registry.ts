import type { Platform } from '../feed/schema';
import { genericAdapter } from './generic';
import type { SiteAdapter } from './types';

/**
 * Platform adapters, one file each in lib/sites/ (see lib/sites/README.md). The district's feed
 * says which platform runs on a host; among that platform's adapters the first whose URL
 * detector accepts the page reads it. On hosts listed as "other" every adapter's detector is
 * tried. Pages no adapter claims use the generic name finder.
 */
export const PLATFORM_ADAPTERS: readonly SiteAdapter[] = [];

export function adapterFor(url: URL, platform: Platform = 'other'): SiteAdapter {
  return (
    PLATFORM_ADAPTERS.find(
      (adapter) =>
        (platform === 'other' || adapter.platform === platform) && adapter.matchesUrl(url),
    ) ?? genericAdapter
  );
}
