/**
 * Host matching for district sites: exact host or a subdomain of it, never a substring
 * (`canvas.district.org.evil.example` does not match `canvas.district.org`).
 */
export function hostMatches(host: string, allowedHost: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const a = allowedHost.toLowerCase().replace(/\.$/, '');
  return h === a || h.endsWith(`.${a}`);
}

export function isAllowedHost(host: string, allowedHosts: readonly string[]): boolean {
  return allowedHosts.some((allowed) => hostMatches(host, allowed));
}

/** Loopback, IP addresses and the reserved testing names (RFC 6761: .test, .localhost). */
function isLocalOrTestHost(host: string): boolean {
  return (
    host === 'localhost' ||
    /\.(test|localhost)$/.test(host) ||
    /^\d{1,3}(\.\d{1,3}){3}$/.test(host) ||
    host.includes(':')
  );
}

/**
 * Match patterns (any port) covering a district host and its subdomains. District sites are
 * served over HTTPS; plain HTTP is only considered for local and test hosts (the demo pages).
 */
export function matchPatternsForHost(host: string): string[] {
  if (isLocalOrTestHost(host)) return [`http://${host}/*`, `https://${host}/*`];
  return [`https://${host}/*`, `https://*.${host}/*`];
}
