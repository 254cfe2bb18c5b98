import { describe, expect, it } from 'vitest';
import { fillFeedUrl } from '../../lib/settings/feed-url-template';

describe('fillFeedUrl', () => {
  it('fills the signed-in staff e-mail, encoded, and leaves other URLs alone', () => {
    expect(fillFeedUrl('https://sis.d.invalid/feeds/{email}.json', 'M.Rivera+ps@D.invalid')).toBe(
      'https://sis.d.invalid/feeds/m.rivera%2Bps%40d.invalid.json',
    );
    expect(fillFeedUrl('https://sis.d.invalid/feed.json', undefined)).toBe(
      'https://sis.d.invalid/feed.json',
    );
  });

  it('has no URL without a signed-in account, rather than fetching someone else’s feed', () => {
    expect(fillFeedUrl('https://sis.d.invalid/feeds/{email}.json', '')).toBeUndefined();
    expect(fillFeedUrl('https://sis.d.invalid/feeds/{email}.json', undefined)).toBeUndefined();
  });
});
