import { z } from 'zod';
import { IdSystem, Site } from '../feed/schema';
import type { Timeline } from '../services/timeline';

/**
 * The one message protocol between the extension's parts. Every request is validated with zod
 * in the background before it is acted on; anything that does not parse is dropped.
 */

const shortText = z.string().max(200);
const studentId = z.string().min(1).max(128);
const nonce = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

const LogQueryMessage = z.object({
  studentId: studentId.optional(),
  accommodationId: z.string().min(1).max(128).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const HideReason = z.enum(['presentation', 'idle']);
export type HideReason = z.infer<typeof HideReason>;

export const LanguageSetting = z.enum(['auto', 'en', 'es']);
export type LanguageSetting = z.infer<typeof LanguageSetting>;

export const RosterCandidate = z.object({
  text: shortText,
  ids: z.partialRecord(IdSystem, z.string().min(1).max(128)).optional(),
});
export type RosterCandidate = z.infer<typeof RosterCandidate>;

/**
 * A question on the roster port (ROSTER_PORT): its id comes back with the answer; the
 * background checks it like any `roster/match` message.
 */
export const RosterPortRequest = z.object({
  id: z.number().int().nonnegative(),
  candidates: z.array(RosterCandidate).max(5000),
});
export type RosterPortRequest = z.infer<typeof RosterPortRequest>;

/** Sent by content scripts on district pages. */
export const ContentRequest = z.discriminatedUnion('type', [
  /** First message of a content script: which platform the district says runs on this host. */
  z.object({ type: z.literal('page/site') }),
  /** The teacher clicked "show" after PlainSight hid itself on an idle or locked screen. */
  z.object({ type: z.literal('privacy/reveal') }),
  z.object({
    type: z.literal('roster/match'),
    candidates: z.array(RosterCandidate).max(5000),
  }),
  z.object({
    type: z.literal('card/open'),
    studentId,
    context: z.object({
      pageKind: z.enum(['grading', 'other']),
      /** Page title and heading, to tell which class is on screen. */
      classHint: shortText.optional(),
      /** The assignment or assessment a grading page shows, for quick-log entries. */
      assignment: shortText.optional(),
    }),
  }),
]);
export type ContentRequest = z.infer<typeof ContentRequest>;

export const FeedSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo') }),
  z.object({ kind: z.literal('url'), url: z.url({ protocol: /^https?$/ }) }),
]);
export type FeedSource = z.infer<typeof FeedSource>;

/** Sent by the extension's own pages (options, card). */
export const PageRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('feed/status') }),
  z.object({ type: z.literal('feed/refresh') }),
  z.object({ type: z.literal('feed/set-source'), source: FeedSource }),
  z.object({ type: z.literal('data/clear') }),
  z.object({ type: z.literal('privacy/toggle-presentation') }),
  z.object({ type: z.literal('settings/add-site'), site: Site }),
  z.object({
    type: z.literal('log/add'),
    /** From a card: the card's nonce names the student and the page's class and assignment. */
    nonce: nonce.optional(),
    studentIds: z.array(studentId).min(1).max(200).optional(),
    accommodationId: z.string().min(1).max(128).optional(),
    accommodationCode: z.string().min(1).max(80).optional(),
    assignment: shortText.optional(),
    note: z.string().max(500).optional(),
  }),
  z.object({ type: z.literal('log/undo'), key: z.uuid() }),
  z.object({ type: z.literal('log/list'), query: LogQueryMessage }),
  z.object({
    type: z.literal('log/export'),
    query: LogQueryMessage,
    format: z.enum(['csv', 'json']),
  }),
  z.object({ type: z.literal('log/status') }),
  /** "Send now": retry every waiting entry at once (after the district fixed its endpoint). */
  z.object({ type: z.literal('log/send-now') }),
  /** "I have read these": from a card (nonce) or the popup (studentId). */
  z.object({
    type: z.literal('plan/acknowledge'),
    nonce: nonce.optional(),
    studentId: studentId.optional(),
  }),
  z.object({ type: z.literal('settings/remove-site'), host: z.string().min(1).max(253) }),
  z.object({ type: z.literal('settings/set-language'), language: LanguageSetting }),
  z.object({
    type: z.literal('settings/set-reminders'),
    soonMinutes: z.number().int().min(1).max(120),
    notifyBeforePullOuts: z.boolean(),
  }),
  /** `now` is the page's clock, so the card and the popup agree with what the user sees. */
  z.object({ type: z.literal('card/get'), nonce, now: z.number().optional() }),
  z.object({ type: z.literal('card/get-student'), studentId, now: z.number().optional() }),
  z.object({ type: z.literal('today/get'), now: z.number().optional() }),
  z.object({ type: z.literal('card/close'), nonce }),
  z.object({ type: z.literal('card/resize'), nonce, height: z.number().int().min(40).max(2000) }),
]);
export type PageRequest = z.infer<typeof PageRequest>;

/** Sent by the background to a content script. */
export const ToContent = z.discriminatedUnion('type', [
  /** `nonce` names the card, so a late message for a card already replaced is ignored. */
  z.object({ type: z.literal('card/close'), nonce }),
  z.object({ type: z.literal('card/resize'), nonce, height: z.number().int().min(40).max(2000) }),
  z.object({ type: z.literal('feed/changed') }),
  /** Hide every marker and card (presentation mode, or idle/locked screen) or show them again. */
  z.object({
    type: z.literal('privacy/state'),
    hidden: z.boolean(),
    reason: HideReason.optional(),
  }),
]);
export type ToContent = z.infer<typeof ToContent>;

export type RosterMatch =
  /** `reminders`: today's marker states for the student's services (lib/services/timeline.ts). */
  | { status: 'student'; studentId: string; reminders?: Timeline }
  | { status: 'ambiguous' }
  | { status: 'none' };
