import { genericAdapter } from './generic';
import type { SiteAdapter } from './types';

/**
 * Platform adapters, one file each in lib/sites/. The first whose URL detector accepts the page
 * reads it; the generic name finder handles every other allowed page.
 */
export const PLATFORM_ADAPTERS: readonly SiteAdapter[] = [];

export function adapterFor(url: URL): SiteAdapter {
  return PLATFORM_ADAPTERS.find((adapter) => adapter.matchesUrl(url)) ?? genericAdapter;
}
