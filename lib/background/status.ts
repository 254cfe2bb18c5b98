import type { Lang } from '../catalog/catalog';
import type { Site } from '../feed/schema';
import type { FeedSource, LanguageSetting } from '../messages/protocol';
import type { FetchState } from '../settings/schema';

/** What the options page shows about the feed. Holds no student records. */
export interface FeedStatus {
  source: FeedSource | null;
  language: LanguageSetting;
  soonMinutes: number;
  notifyBeforePullOuts: boolean;
  /** The language the UI is shown in (the setting, or the browser's language). */
  lang: Lang;
  feed: {
    districtName: string;
    timeZone: string;
    studentCount: number;
    classCount: number;
    generatedAt: string;
    fetchedAt: string;
    expiresAt?: string;
    expired: boolean;
  } | null;
  lastAttempt: FetchState | null;
  nextRefreshAt: string | null;
  refreshing: boolean;
  sites: (Site & { granted: boolean })[];
}
