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

function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

/** Match patterns (any scheme the browser allows, any port) covering a host and its subdomains. */
export function matchPatternsForHost(host: string): string[] {
  if (isIpAddress(host) || host === 'localhost') return [`*://${host}/*`];
  return [`*://${host}/*`, `*://*.${host}/*`];
}
