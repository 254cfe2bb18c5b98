import { browser } from 'wxt/browser';
import type { LogStatus } from '../background/quick-log';
import type { FeedStatus } from '../background/status';
import type { CardView } from '../card/card-view';
import type { Lang } from '../catalog/catalog';
import type { LogRecord } from '../db/database';
import type { Platform } from '../feed/schema';
import type { UndoResult } from '../logs/log-store';
import type { TodayView } from '../today/today-view';
import type { ContentRequest, HideReason, PageRequest, RosterMatch } from './protocol';

export interface PrivacyState {
  hidden: boolean;
  reason?: HideReason;
}

/** A log entry with the names the options page shows. */
export type LogHistoryRow = LogRecord & { studentName: string; accommodationTitle: string };

export interface TodayResponse {
  status: FeedStatus;
  privacy: PrivacyState;
  /** Null when there is no usable feed (none yet, or expired). */
  today: TodayView | null;
  /** Every student in the feed, for the search box (our own page only). */
  students: { id: string; displayName: string; alsoKnownAs?: string }[];
}

/** What the background answers to each request type (undefined when it refuses). */
export interface Responses {
  'page/site': { platform: Platform; lang: Lang; privacy: PrivacyState } | undefined;
  'privacy/reveal': PrivacyState | undefined;
  'privacy/toggle-presentation': PrivacyState;
  'roster/match': { results: RosterMatch[]; lang: Lang } | undefined;
  'card/open': { url: string } | undefined;
  'feed/status': FeedStatus;
  'feed/refresh': FeedStatus;
  'feed/set-source': FeedStatus;
  'data/clear': FeedStatus;
  'settings/set-language': FeedStatus;
  'settings/set-reminders': FeedStatus;
  'settings/add-site': FeedStatus;
  'log/add': { saved: LogRecord[] } | { error: string };
  'log/undo': UndoResult | undefined;
  'log/list': LogHistoryRow[];
  'log/export': string;
  'log/status': LogStatus;
  'log/send-now': LogStatus;
  'plan/acknowledge': { ok: true } | undefined;
  'settings/remove-site': FeedStatus;
  'card/get': CardView | null | undefined;
  'card/get-student': CardView | null | undefined;
  'today/get': TodayResponse;
  'card/close': { ok: true } | undefined;
  'card/resize': { ok: true } | undefined;
}

export type Request = ContentRequest | PageRequest;

export function sendToBackground<T extends Request>(message: T): Promise<Responses[T['type']]> {
  return browser.runtime.sendMessage(message) as Promise<Responses[T['type']]>;
}
