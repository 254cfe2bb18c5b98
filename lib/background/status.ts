import type { Lang } from '../catalog/catalog';
import type { Site } from '../feed/schema';
import type { FeedSource, LanguageSetting } from '../messages/protocol';
import type { FetchState } from '../settings/schema';

/** What the options page shows about the feed. Holds no student records. */
export interface FeedStatus {
  /** Problems in the district's policy: while there are any, no student data is shown. */
  policyProblems: { path: string; message: string }[];
  /** Settings the district's policy sets; the options page shows them locked. */
  locked: ('feedSource' | 'refreshMinutes' | 'language')[];
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
    /** Older than the district's maximum feed age: student data is hidden until a fresh fetch. */
    tooOld: boolean;
  } | null;
  lastAttempt: FetchState | null;
  nextRefreshAt: string | null;
  refreshing: boolean;
  /** Where each site comes from: the feed, the district's policy, or the staff member. */
  sites: (Site & { granted: boolean; source: 'feed' | 'policy' | 'user' })[];
}
