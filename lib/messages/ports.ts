/**
 * A content script asks which candidates are students over one long-lived port of this name: a
 * new message channel for every batch of rows costs the page far more. Kept apart from the zod
 * protocol so the content script does not bundle zod.
 */
export const ROSTER_PORT = 'plainsight-roster';
