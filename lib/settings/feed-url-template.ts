/** The placeholder a district's policy feed URL may contain for the signed-in staff member. */
export const EMAIL_PLACEHOLDER = '{email}';

export function needsEmail(url: string): boolean {
  return url.includes(EMAIL_PLACEHOLDER);
}

/**
 * Fills the staff member's e-mail into a per-staff feed URL, so the district server returns only
 * that person's students. Undefined when there is no signed-in managed account.
 */
export function fillFeedUrl(template: string, email: string | undefined): string | undefined {
  if (!needsEmail(template)) return template;
  if (!email) return undefined;
  return template.replaceAll(EMAIL_PLACEHOLDER, encodeURIComponent(email.trim().toLowerCase()));
}
