import { describe, expect, it } from 'vitest';
import { applyPolicy, lockedSettings, unusableBecause } from '../../lib/settings/apply-policy';
import { parseSettings } from '../../lib/settings/schema';

const own = parseSettings({ feedSource: { kind: 'demo' }, language: 'en', refreshMinutes: 60 });

describe('applyPolicy', () => {
  it('lets every value the district sets take over, and keeps the rest', () => {
    const effective = applyPolicy(own, {
      feedUrl: 'https://sis.district.invalid/feed.json',
      defaultLanguage: 'es',
    });
    expect(effective.feedSource).toEqual({
      kind: 'url',
      url: 'https://sis.district.invalid/feed.json',
    });
    expect(effective.language).toBe('es');
    expect(effective.refreshMinutes).toBe(60);
    expect(lockedSettings({ feedUrl: 'https://x.invalid/f.json', defaultLanguage: 'es' })).toEqual([
      'feedSource',
      'language',
    ]);
    expect(applyPolicy(own, {})).toEqual(own);
  });
});

describe('unusableBecause', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  it('hides an expired feed and one older than the district allows', () => {
    const fresh = { fetchedAt: '2026-11-27T10:00:00Z' };
    expect(unusableBecause(fresh, { maxFeedAgeHours: 24 }, now)).toBeUndefined();
    expect(
      unusableBecause({ fetchedAt: '2026-11-25T10:00:00Z' }, { maxFeedAgeHours: 24 }, now),
    ).toBe('too-old');
    expect(unusableBecause({ ...fresh, expiresAt: '2026-11-27T11:59:00Z' }, {}, now)).toBe(
      'expired',
    );
    expect(unusableBecause({ fetchedAt: '2020-01-01T00:00:00Z' }, {}, now)).toBeUndefined();
  });
});
