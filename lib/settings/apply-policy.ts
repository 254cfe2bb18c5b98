import type { FeedHeader } from '../db/database';
import type { Policy } from './policy';
import type { Settings } from './schema';

/** Settings with every value the district's policy sets taking over the staff member's own. */
export function applyPolicy(own: Settings, policy: Policy): Settings {
  return {
    ...own,
    feedSource: policy.feedUrl ? { kind: 'url', url: policy.feedUrl } : own.feedSource,
    refreshMinutes: policy.refreshMinutes ?? own.refreshMinutes,
    language: policy.defaultLanguage ?? own.language,
  };
}

/** The settings the district locked, so the options page can show them as set by the district. */
export function lockedSettings(policy: Policy): ('feedSource' | 'refreshMinutes' | 'language')[] {
  return [
    ...(policy.feedUrl ? (['feedSource'] as const) : []),
    ...(policy.refreshMinutes ? (['refreshMinutes'] as const) : []),
    ...(policy.defaultLanguage ? (['language'] as const) : []),
  ];
}

export type Unusable = 'expired' | 'too-old';

/** Why the cached feed may not be shown any more, or undefined when it may. */
export function unusableBecause(
  header: Pick<FeedHeader, 'expiresAt' | 'fetchedAt'>,
  policy: Policy,
  now: Date,
): Unusable | undefined {
  if (header.expiresAt && new Date(header.expiresAt).getTime() <= now.getTime()) return 'expired';
  const maxAge = policy.maxFeedAgeHours;
  if (maxAge && now.getTime() - new Date(header.fetchedAt).getTime() > maxAge * 3_600_000) {
    return 'too-old';
  }
  return undefined;
}
