import { describe, expect, it } from 'vitest';
import {
  isContentScriptOnAllowedHost,
  isOwnExtensionPage,
  type SenderLike,
} from '../../lib/background/sender';
import { hostMatches, isAllowedHost, matchPatternsForHost } from '../../lib/sites/hosts';

describe('hostMatches', () => {
  it('accepts the exact host and its subdomains', () => {
    expect(hostMatches('canvas.district.org', 'canvas.district.org')).toBe(true);
    expect(hostMatches('sub.canvas.district.org', 'canvas.district.org')).toBe(true);
    expect(hostMatches('a.b.canvas.district.org', 'canvas.district.org')).toBe(true);
  });

  it('never matches by substring or by parent domain', () => {
    expect(hostMatches('canvas.district.org.evil.example', 'canvas.district.org')).toBe(false);
    expect(hostMatches('evilcanvas.district.org', 'canvas.district.org')).toBe(false);
    expect(hostMatches('district.org', 'canvas.district.org')).toBe(false);
    expect(hostMatches('canvas.district.or', 'canvas.district.org')).toBe(false);
    expect(hostMatches('xcanvas.district.org', 'canvas.district.org')).toBe(false);
    expect(hostMatches('canvas-district.org', 'canvas.district.org')).toBe(false);
  });

  it('ignores case and a trailing dot on either side', () => {
    expect(hostMatches('Canvas.District.ORG', 'canvas.district.org')).toBe(true);
    expect(hostMatches('canvas.district.org', 'CANVAS.district.org')).toBe(true);
    expect(hostMatches('canvas.district.org.', 'canvas.district.org')).toBe(true);
    expect(hostMatches('canvas.district.org', 'canvas.district.org.')).toBe(true);
    expect(hostMatches('SUB.canvas.district.org.', 'canvas.district.org')).toBe(true);
    expect(hostMatches('evilcanvas.district.org.', 'canvas.district.org')).toBe(false);
  });
});

describe('isAllowedHost', () => {
  const allowed = ['canvas.district.org', 'district.schoology.com'];

  it('accepts a host covered by any allowed host', () => {
    expect(isAllowedHost('canvas.district.org', allowed)).toBe(true);
    expect(isAllowedHost('app.district.schoology.com', allowed)).toBe(true);
  });

  it('rejects other hosts and everything when nothing is allowed', () => {
    expect(isAllowedHost('schoology.com', allowed)).toBe(false);
    expect(isAllowedHost('canvas.district.org.evil.example', allowed)).toBe(false);
    expect(isAllowedHost('canvas.district.org', [])).toBe(false);
  });
});

describe('matchPatternsForHost', () => {
  it('covers a district host and its subdomains over HTTPS only', () => {
    expect(matchPatternsForHost('canvas.district.org')).toEqual([
      'https://canvas.district.org/*',
      'https://*.canvas.district.org/*',
    ]);
  });

  it('allows plain HTTP for localhost and IP addresses, without a subdomain wildcard', () => {
    expect(matchPatternsForHost('localhost')).toEqual([
      'http://localhost/*',
      'https://localhost/*',
    ]);
    expect(matchPatternsForHost('127.0.0.1')).toEqual([
      'http://127.0.0.1/*',
      'https://127.0.0.1/*',
    ]);
    expect(matchPatternsForHost('192.168.1.20')).toEqual([
      'http://192.168.1.20/*',
      'https://192.168.1.20/*',
    ]);
  });

  it('allows plain HTTP for the reserved testing names .test and .localhost', () => {
    expect(matchPatternsForHost('canvas.district.test')).toEqual([
      'http://canvas.district.test/*',
      'https://canvas.district.test/*',
    ]);
    expect(matchPatternsForHost('demo.localhost')).toEqual([
      'http://demo.localhost/*',
      'https://demo.localhost/*',
    ]);
  });

  it('does not treat host names that merely contain an IP or "localhost" as local', () => {
    for (const host of [
      '1.2.3.4.evil.example',
      'localhost.evil.example',
      'mylocalhost',
      'district.test.evil.example',
      'contest',
    ]) {
      const patterns = matchPatternsForHost(host);
      expect(
        patterns.every((p) => p.startsWith('https://')),
        host,
      ).toBe(true);
    }
  });
});

describe('isOwnExtensionPage', () => {
  const id = 'abcdef';
  const origin = 'chrome-extension://abcdef';

  it('accepts our own pages, with or without a trailing slash on the origin', () => {
    const sender: SenderLike = { id, url: 'chrome-extension://abcdef/options.html' };
    expect(isOwnExtensionPage(sender, id, origin)).toBe(true);
    expect(isOwnExtensionPage(sender, id, `${origin}/`)).toBe(true);
    expect(
      isOwnExtensionPage({ id, url: 'chrome-extension://abcdef/card.html#n=x' }, id, origin),
    ).toBe(true);
  });

  it('accepts Firefox moz-extension pages', () => {
    const uuid = '0f1e2d3c-aaaa-bbbb-cccc-1234567890ab';
    expect(
      isOwnExtensionPage(
        { id: 'plainsight@example', url: `moz-extension://${uuid}/options.html` },
        'plainsight@example',
        `moz-extension://${uuid}/`,
      ),
    ).toBe(true);
  });

  it('rejects another extension id', () => {
    expect(
      isOwnExtensionPage(
        { id: 'zzzzzz', url: 'chrome-extension://abcdef/options.html' },
        id,
        origin,
      ),
    ).toBe(false);
    expect(
      isOwnExtensionPage(
        { id: 'zzzzzz', url: 'chrome-extension://zzzzzz/options.html' },
        id,
        origin,
      ),
    ).toBe(false);
  });

  it('rejects our content script on a web page and a sender without a url', () => {
    expect(
      isOwnExtensionPage({ id, url: 'https://canvas.district.org/courses/1' }, id, origin),
    ).toBe(false);
    expect(isOwnExtensionPage({ id }, id, origin)).toBe(false);
    expect(isOwnExtensionPage({ id, url: '' }, id, origin)).toBe(false);
  });

  it('rejects an origin that only starts with our id', () => {
    expect(
      isOwnExtensionPage({ id, url: 'chrome-extension://abcdef-evil/options.html' }, id, origin),
    ).toBe(false);
    expect(isOwnExtensionPage({ id, url: 'chrome-extension://abcdefg/x.html' }, id, origin)).toBe(
      false,
    );
    expect(isOwnExtensionPage({ id, url: 'chrome-extension://abcdef' }, id, origin)).toBe(false);
  });
});

describe('isContentScriptOnAllowedHost', () => {
  const id = 'abcdef';
  const allowed = ['canvas.district.org'];
  const tab = { id: 7 };

  function sender(url: string | undefined, extra: Partial<SenderLike> = {}): SenderLike {
    return { id, url, tab, frameId: 0, ...extra };
  }

  it('accepts our content script in a tab on an allowed host, over https or http', () => {
    expect(
      isContentScriptOnAllowedHost(sender('https://canvas.district.org/courses/1'), id, allowed),
    ).toBe(true);
    expect(isContentScriptOnAllowedHost(sender('http://canvas.district.org/'), id, allowed)).toBe(
      true,
    );
    expect(
      isContentScriptOnAllowedHost(sender('https://sub.canvas.district.org:8443/x'), id, allowed),
    ).toBe(true);
    expect(
      isContentScriptOnAllowedHost(
        sender('https://CANVAS.district.org/x', { tab: { id: 0 } }),
        id,
        allowed,
      ),
    ).toBe(true);
  });

  it('requires our extension id', () => {
    expect(
      isContentScriptOnAllowedHost(
        sender('https://canvas.district.org/', { id: 'other' }),
        id,
        allowed,
      ),
    ).toBe(false);
    expect(
      isContentScriptOnAllowedHost(
        sender('https://canvas.district.org/', { id: undefined }),
        id,
        allowed,
      ),
    ).toBe(false);
  });

  it('requires a tab with an id', () => {
    expect(
      isContentScriptOnAllowedHost(
        sender('https://canvas.district.org/', { tab: undefined }),
        id,
        allowed,
      ),
    ).toBe(false);
    expect(
      isContentScriptOnAllowedHost(
        sender('https://canvas.district.org/', { tab: {} }),
        id,
        allowed,
      ),
    ).toBe(false);
  });

  it('requires a url on an allowed host, never a substring host', () => {
    for (const url of [
      undefined,
      '',
      'not a url',
      'https://canvas.district.org.evil.example/',
      'https://evilcanvas.district.org/',
      'https://district.org/',
      'https://canvas.district.org@evil.example/',
      'https://evil.example/?canvas.district.org',
      'https://evil.example/#https://canvas.district.org/',
    ]) {
      expect(isContentScriptOnAllowedHost(sender(url), id, allowed), String(url)).toBe(false);
    }
  });

  it('accepts http(s) only', () => {
    for (const url of [
      'file:///C:/canvas.district.org/index.html',
      'data:text/html,<p>canvas.district.org</p>',
      'javascript:alert("canvas.district.org")',
      'ftp://canvas.district.org/',
      'ws://canvas.district.org/',
      'chrome-extension://abcdef/options.html',
    ]) {
      expect(isContentScriptOnAllowedHost(sender(url), id, allowed), url).toBe(false);
    }
  });

  it('rejects everything when no host is allowed', () => {
    expect(isContentScriptOnAllowedHost(sender('https://canvas.district.org/'), id, [])).toBe(
      false,
    );
  });
});
