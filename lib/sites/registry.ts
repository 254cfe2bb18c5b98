import type { Platform } from '../feed/schema';
import { aeriesAdapter } from './aeries';
import { canvasAdapter } from './canvas';
import { genericAdapter } from './generic';
import { googleClassroomAdapter } from './google-classroom';
import { infiniteCampusAdapter } from './infinite-campus';
import { moodleAdapter } from './moodle';
import { opensisAdapter } from './opensis';
import { powerschoolAdapter } from './powerschool';
import { rosariosisAdapter } from './rosariosis';
import { schoologyAdapter } from './schoology';
import { skywardAdapter } from './skyward';
import { synergyAdapter } from './synergy';
import type { SiteAdapter } from './types';

/**
 * Platform adapters, one file each in lib/sites/ (see lib/sites/README.md). The district's feed
 * says which platform runs on a host; among that platform's adapters the first whose URL
 * detector accepts the page reads it. On hosts listed as "other" every adapter's detector is
 * tried. Pages no adapter claims use the generic name finder.
 */
export const PLATFORM_ADAPTERS: readonly SiteAdapter[] = [
  powerschoolAdapter,
  infiniteCampusAdapter,
  aeriesAdapter,
  synergyAdapter,
  skywardAdapter,
  canvasAdapter,
  googleClassroomAdapter,
  schoologyAdapter,
  moodleAdapter,
  rosariosisAdapter,
  opensisAdapter,
];

export function adapterFor(url: URL, platform: Platform = 'other'): SiteAdapter {
  return (
    PLATFORM_ADAPTERS.find(
      (adapter) =>
        (platform === 'other' || adapter.platform === platform) && adapter.matchesUrl(url),
    ) ?? genericAdapter
  );
}
