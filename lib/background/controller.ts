import { browser } from 'wxt/browser';
import { buildCardView, displayNameOf } from '../card/card-view';
import { classFromHint } from '../card/class-hint';
import { acknowledgmentOf, planChanges, planVersionOf } from '../card/plan-changes';
import { catalogEntry, type Lang } from '../catalog/catalog';
import { type FeedHeader, type LogRecord, PlainSightDb } from '../db/database';
import { refreshFeed } from '../feed/refresh';
import type { Platform, Site, Student } from '../feed/schema';
import { deleteCachedFeed, readAllStudents, readFeedHeader, readStudents } from '../feed/store';
import { languageFor } from '../i18n/strings';
import { deleteAllLogs, type LogQuery, pruneLogs } from '../logs/log-store';
import { answerCandidates } from '../matching/answer-candidates';
import { RosterMatcher } from '../matching/roster-matcher';
import { ContentRequest, type FeedSource, PageRequest, type ToContent } from '../messages/protocol';
import type { LogHistoryRow, PrivacyState, TodayResponse } from '../messages/send';
import { weekStart } from '../services/schedule';
import { localDay } from '../services/today';
import { applyPolicy, lockedSettings, unusableBecause } from '../settings/apply-policy';
import { fillFeedUrl, needsEmail } from '../settings/feed-url-template';
import { type PolicyResult, parsePolicy } from '../settings/policy';
import { type FetchState, parseSettings, type Settings } from '../settings/schema';
import { hostMatches, matchPatternsForHost } from '../sites/hosts';
import { buildTodayView } from '../today/today-view';
import { AmbiguousNames, type CardSession, CardSessions, TabRosters } from './card-sessions';
import { PrivacyMode } from './privacy';
import { PLAN_ALARM, PullOutNotifier } from './pull-out-notifier';
import { LOG_SYNC_ALARM, type LogTarget, QuickLog } from './quick-log';
import { isContentScriptOnAllowedHost, isOwnExtensionPage, type SenderLike } from './sender';
import type { FeedStatus } from './status';

const REFRESH_ALARM = 'feed-refresh';
const CONTENT_SCRIPT_ID = 'plainsight-roster';
const CONTENT_SCRIPT_FILE = 'content-scripts/roster.js';

interface MatchCache {
  matcher: RosterMatcher;
  byId: Map<string, Student>;
}

export interface BackgroundOptions {
  /** Settings used until the staff member changes them (the demo build starts on the demo feed). */
  defaultSettings: Partial<Settings>;
}

type DistrictSite = Site & { source: 'feed' | 'policy' | 'user' };

interface Snapshot {
  policy: PolicyResult;
  /** The staff member's settings with the policy's values applied. */
  settings: Settings;
  header: FeedHeader | undefined;
}

/** District sites: the feed's, those the district's policy adds, and the staff member's. */
function sitesOf({ header, policy, settings }: Snapshot): DistrictSite[] {
  const fromPolicy = policy.ok ? (policy.policy.allowedSites ?? []) : [];
  const all = [
    ...(header?.sites ?? []).map((s) => ({ ...s, source: 'feed' as const })),
    ...fromPolicy.map((s) => ({ ...s, host: s.host.toLowerCase(), source: 'policy' as const })),
    ...settings.extraSites.map((s) => ({ ...s, source: 'user' as const })),
  ];
  return all.filter((site, i) => all.findIndex((s) => s.host === site.host) === i);
}

function allowedHostsOf(state: Snapshot): string[] {
  return [...new Set(sitesOf(state).map((site) => site.host))];
}

/**
 * The stored feed header when student data may be shown: the policy is valid, the feed has
 * not expired and is not older than the district's maximum age. Otherwise nothing is shown.
 */
function usableHeaderOf({ header, policy }: Snapshot, now: Date): FeedHeader | undefined {
  if (!header || !policy.ok) return undefined;
  return unusableBecause(header, policy.policy, now) ? undefined : header;
}

function langOf({ language }: Settings): Lang {
  return language === 'auto' ? languageFor(browser.i18n.getUILanguage()) : language;
}

/** The background's state and behaviour; the entrypoint only wires browser events to it. */
export class BackgroundController {
  private readonly db = new PlainSightDb();
  private readonly cards = new CardSessions(browser.storage.session);
  private readonly rosters = new TabRosters(browser.storage.session);
  private readonly notifier = new PullOutNotifier();
  private readonly privacy = new PrivacyMode();
  private readonly ambiguous = new AmbiguousNames(browser.storage.session);
  private readonly quickLog = new QuickLog(this.db);
  private matcher: Promise<MatchCache> | null = null;
  private refreshing: Promise<void> | null = null;
  /** The last content-script registration change; the next waits for it. */
  private contentScriptSync: Promise<void> = Promise.resolve();

  constructor(private readonly options: BackgroundOptions) {}

  /** The district's managed policy; where storage.managed is unavailable, an empty policy. */
  async policy(): Promise<PolicyResult> {
    try {
      return parsePolicy(await browser.storage.managed.get());
    } catch {
      return { ok: true, policy: {} };
    }
  }

  /** The staff member's own settings, as saved from the options page. */
  private async ownSettings(): Promise<Settings> {
    const { settings } = await browser.storage.local.get('settings');
    return parseSettings(settings, this.options.defaultSettings);
  }

  /** Saves a change to the staff member's own settings (never the policy's values). */
  private async updateSettings(patch: Partial<Settings>): Promise<void> {
    await browser.storage.local.set({ settings: { ...(await this.ownSettings()), ...patch } });
  }

  /** The staff member's settings, with every value the district's policy sets taking over. */
  async settings(): Promise<Settings> {
    const [own, policy] = await Promise.all([this.ownSettings(), this.policy()]);
    return policy.ok ? applyPolicy(own, policy.policy) : own;
  }

  /**
   * Policy, settings and feed header read once, together: a content script's question is
   * answered from one snapshot (three reads) rather than a dozen reads of the same storage.
   */
  private async snapshot(): Promise<Snapshot> {
    const [policy, own, header] = await Promise.all([
      this.policy(),
      this.ownSettings(),
      readFeedHeader(this.db),
    ]);
    return { policy, settings: policy.ok ? applyPolicy(own, policy.policy) : own, header };
  }

  /** The stored feed header when student data may be shown (see usableHeaderOf). */
  private async usableHeader(now = new Date()): Promise<FeedHeader | undefined> {
    return usableHeaderOf(await this.snapshot(), now);
  }

  private async lang(): Promise<Lang> {
    return langOf(await this.settings());
  }

  /** The district's policy decides whether the plan type shows; otherwise the feed does. */
  private async showPlanType(header: FeedHeader): Promise<boolean> {
    const policy = await this.policy();
    return (policy.ok ? policy.policy.showPlanType : undefined) ?? header.district.showPlanType;
  }

  private async fetchState(): Promise<FetchState | null> {
    const { fetchState } = await browser.storage.local.get('fetchState');
    return (fetchState as FetchState | undefined) ?? null;
  }

  /** Refreshes now; concurrent callers share one refresh. */
  refresh(): Promise<void> {
    this.refreshing ??= this.runRefresh().then(
      async (state) => {
        // Cleared before the result is stored, so pages reacting to the write see it finished.
        this.refreshing = null;
        if (state) await browser.storage.local.set({ fetchState: state });
      },
      (error: unknown) => {
        this.refreshing = null;
        throw error;
      },
    );
    return this.refreshing;
  }

  private async runRefresh(): Promise<FetchState | null> {
    const { feedSource: configured } = await this.settings();
    if (!configured) return null;
    const feedSource = await this.withStaffEmail(configured);
    if (!feedSource) {
      return {
        lastAttemptAt: new Date().toISOString(),
        outcome: 'failed',
        error: { kind: 'not-signed-in' },
      };
    }
    const policy = await this.policy();
    const result = await refreshFeed(feedSource, {
      db: this.db,
      demoFeedUrl: browser.runtime.getURL('/demo-feed.json'),
      now: () => new Date(),
      bearerToken:
        policy.ok && policy.policy.feedAuth === 'bearer' ? policy.policy.feedToken : undefined,
    });
    if (result.outcome === 'updated') await this.onFeedChanged();
    return {
      lastAttemptAt: new Date().toISOString(),
      outcome: result.outcome,
      ...(result.outcome === 'failed' ? { error: result.error } : {}),
    };
  }

  private async onFeedChanged(): Promise<void> {
    this.matcher = null;
    await this.syncContentScripts();
    await this.planNotifications();
    await this.broadcast({ type: 'feed/changed' });
  }

  async scheduleRefresh(): Promise<void> {
    const { refreshMinutes, feedSource } = await this.settings();
    await browser.alarms.clear(REFRESH_ALARM);
    if (feedSource) {
      await browser.alarms.create(REFRESH_ALARM, {
        delayInMinutes: refreshMinutes,
        periodInMinutes: refreshMinutes,
      });
    }
  }

  async onAlarm(name: string): Promise<void> {
    if (name === REFRESH_ALARM) {
      await this.refresh();
      await this.applyRetention();
    } else if (name === LOG_SYNC_ALARM) await this.syncLogs();
    else if (name === PLAN_ALARM) await this.planNotifications();
    else if (PullOutNotifier.parse(name)) {
      const about = PullOutNotifier.parse(name);
      const [student] = about ? await readStudents(this.db, [about.studentId]) : [];
      await this.notifier.notify(name, student, await this.lang());
    }
  }

  /** (Re)schedules today's pull-out notifications from the cached feed and the settings. */
  async planNotifications(): Promise<void> {
    const [settings, header] = await Promise.all([this.settings(), this.usableHeader()]);
    const usable = header !== undefined;
    await this.notifier.plan({
      enabled: settings.notifyBeforePullOuts && usable,
      students: usable ? await readAllStudents(this.db) : [],
      timeZone: header?.district.timezone ?? 'UTC',
      now: new Date(),
    });
  }

  /** The platform the feed names for a page's host (the most specific listed host wins). */
  private platformFor(pageUrl: string, state: Snapshot): Platform {
    const host = new URL(pageUrl).hostname;
    const site = sitesOf(state)
      .filter((s) => hostMatches(host, s.host))
      .sort((a, b) => b.host.length - a.host.length)[0];
    return site?.platform ?? 'other';
  }

  /** District sites: the feed's, those the district's policy adds, and the staff member's. */
  private async sites(): Promise<DistrictSite[]> {
    return sitesOf(await this.snapshot());
  }

  /** Hosts the content script may run on. */
  private async allowedHosts(): Promise<string[]> {
    return allowedHostsOf(await this.snapshot());
  }

  /** Each allowed host with the match patterns the staff member has granted for it. */
  private async grantedHosts(): Promise<{ host: string; patterns: string[] }[]> {
    const hosts = await this.allowedHosts();
    return Promise.all(
      hosts.map(async (host) => {
        const granted = await Promise.all(
          matchPatternsForHost(host).map(async (pattern) =>
            (await browser.permissions.contains({ origins: [pattern] })) ? [pattern] : [],
          ),
        );
        return { host, patterns: granted.flat() };
      }),
    );
  }

  /**
   * Registers the roster content script for exactly the district hosts the staff member has
   * granted, in all frames (some platforms render the roster in nested frames). Calls run one
   * after another (feed refreshes and permission events overlap), and a registered script is
   * updated in place, so no page loads in a moment without it.
   */
  syncContentScripts(): Promise<void> {
    const run = this.contentScriptSync.then(() => this.registerContentScripts());
    this.contentScriptSync = run.catch(() => undefined);
    return run;
  }

  private async registerContentScripts(): Promise<void> {
    const matches = (await this.grantedHosts()).flatMap((h) => h.patterns);
    const existing = await browser.scripting.getRegisteredContentScripts({
      ids: [CONTENT_SCRIPT_ID],
    });
    if (matches.length === 0) {
      if (existing.length > 0) {
        await browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
      }
      return;
    }
    const script = {
      id: CONTENT_SCRIPT_ID,
      js: [CONTENT_SCRIPT_FILE],
      matches,
      allFrames: true,
      // As soon as the page's markup is parsed: names already there get their marker with the
      // page's first paints, not after its images load.
      runAt: 'document_end' as const,
      persistAcrossSessions: true,
    };
    if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
    else await browser.scripting.registerContentScripts([script]);
  }

  private async broadcast(message: ToContent): Promise<void> {
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabs.map((tab) =>
        tab.id === undefined
          ? undefined
          : browser.tabs.sendMessage(tab.id, message).catch(() => {}),
      ),
    );
  }

  async status(): Promise<FeedStatus> {
    const [settings, lang, header, lastAttempt, alarm, hosts, policy] = await Promise.all([
      this.settings(),
      this.lang(),
      readFeedHeader(this.db),
      this.fetchState(),
      browser.alarms.get(REFRESH_ALARM),
      this.grantedHosts(),
      this.policy(),
    ]);
    const unusable = header && unusableBecause(header, policy.ok ? policy.policy : {}, new Date());
    return {
      policyProblems: policy.ok ? [] : policy.problems,
      locked: policy.ok ? lockedSettings(policy.policy) : [],
      source: settings.feedSource,
      language: settings.language,
      soonMinutes: settings.soonMinutes,
      notifyBeforePullOuts: settings.notifyBeforePullOuts,
      lang,
      feed: header
        ? {
            districtName: header.district.name,
            timeZone: header.district.timezone,
            studentCount: header.studentCount,
            classCount: header.classes.length,
            generatedAt: header.generatedAt,
            fetchedAt: header.fetchedAt,
            expiresAt: header.expiresAt,
            expired: unusable === 'expired',
            tooOld: unusable === 'too-old',
          }
        : null,
      lastAttempt,
      nextRefreshAt: alarm ? new Date(alarm.scheduledTime).toISOString() : null,
      refreshing: this.refreshing !== null,
      sites: (await this.sites()).map((site) => ({
        ...site,
        granted: (hosts.find((h) => h.host === site.host)?.patterns.length ?? 0) > 0,
      })),
    };
  }

  /** The matcher and students of the current feed, built once per feed. */
  private rosterMatcher(): Promise<MatchCache> {
    this.matcher ??= readAllStudents(this.db).then((students) => ({
      matcher: new RosterMatcher(students),
      byId: new Map(students.map((s) => [s.id, s])),
    }));
    return this.matcher;
  }

  /** Entry point for every runtime message: validates the sender and the message first. */
  async handleMessage(raw: unknown, sender: SenderLike): Promise<unknown> {
    const extensionId = browser.runtime.id;
    if (isOwnExtensionPage(sender, extensionId, browser.runtime.getURL('/'))) {
      const page = PageRequest.safeParse(raw);
      return page.success ? this.handlePageRequest(page.data, sender) : undefined;
    }
    const content = ContentRequest.safeParse(raw);
    if (!content.success) return undefined;
    const state = await this.snapshot();
    if (!isContentScriptOnAllowedHost(sender, extensionId, allowedHostsOf(state))) {
      return undefined;
    }
    const tabId = sender.tab?.id as number;
    switch (content.data.type) {
      case 'page/site':
        return {
          platform: this.platformFor(sender.url as string, state),
          lang: langOf(state.settings),
          privacy: await this.privacy.state(),
        };
      case 'privacy/reveal':
        return this.broadcastPrivacy(await this.privacy.reveal());
      case 'roster/match': {
        const now = new Date();
        const header = usableHeaderOf(state, now);
        const feed = header
          ? { ...(await this.rosterMatcher()), timeZone: header.district.timezone }
          : null;
        const answers = answerCandidates(
          content.data.candidates,
          feed,
          state.settings.soonMinutes,
          now,
        );
        await this.rosters.add(tabId, answers.matchedIds);
        await this.ambiguous.record(answers.ambiguities);
        return { results: answers.results, lang: langOf(state.settings) };
      }
      case 'card/open': {
        if (!(await this.rosters.has(tabId, content.data.studentId))) return undefined;
        const nonce = await this.cards.open({
          studentId: content.data.studentId,
          context: content.data.context,
          tabId,
          frameId: sender.frameId ?? 0,
          site: sender.url ? new URL(sender.url).hostname : undefined,
        });
        return { url: browser.runtime.getURL(`/card.html#${nonce}`) };
      }
    }
  }

  private async handlePageRequest(request: PageRequest, sender: SenderLike): Promise<unknown> {
    switch (request.type) {
      case 'feed/status':
        return this.status();
      case 'feed/refresh':
        await this.refresh();
        return this.status();
      case 'feed/set-source':
        await this.setSource(request.source);
        return this.status();
      case 'data/clear':
        await this.clearData();
        return this.status();
      case 'privacy/toggle-presentation':
        return this.togglePresentation();
      case 'log/add':
        return this.addLogs(request);
      case 'log/undo':
        return this.quickLog.undo(request.key, await this.logTarget());
      case 'log/list':
        return this.logHistory(request.query);
      case 'log/export': {
        const exported = await this.quickLog.export(request.query, request.format);
        // Exports are always recorded, whatever the access-log setting.
        await this.recordAccess(request.query.studentId ?? 'all', 'export', 'options', true);
        return exported;
      }
      case 'log/status':
        return this.quickLog.status((await this.logTarget()).endpoint);
      case 'log/send-now': {
        const target = await this.logTarget();
        await this.quickLog.resume(target);
        return this.quickLog.status(target.endpoint);
      }
      case 'plan/acknowledge': {
        const session = request.nonce ? await this.cards.get(request.nonce) : undefined;
        const [student] = await readStudents(this.db, [
          session?.studentId ?? request.studentId ?? '',
        ]);
        if (!student) return undefined;
        const now = new Date();
        await this.db.acknowledgments.put(acknowledgmentOf(student, now));
        await this.quickLog.record(
          { kind: 'plan-acknowledged', studentId: student.id, planVersion: planVersionOf(student) },
          await this.logTarget(),
          now,
        );
        return { ok: true };
      }
      case 'settings/add-site':
      case 'settings/remove-site': {
        const own = await this.ownSettings();
        const others = own.extraSites.filter(
          (s) =>
            s.host !== (request.type === 'settings/add-site' ? request.site.host : request.host),
        );
        const extraSites =
          request.type === 'settings/add-site' ? [...others, request.site] : others;
        await this.updateSettings({ extraSites });
        await this.syncContentScripts();
        return this.status();
      }
      case 'settings/set-language': {
        await this.updateSettings({ language: request.language });
        return this.status();
      }
      case 'settings/set-reminders': {
        const { soonMinutes, notifyBeforePullOuts } = request;
        await this.updateSettings({ soonMinutes, notifyBeforePullOuts });
        await this.planNotifications();
        await this.broadcast({ type: 'feed/changed' });
        return this.status();
      }
      case 'card/get': {
        const session = await this.cards.get(request.nonce);
        if (!session) return null;
        await this.recordAccess(session.studentId, 'card-opened', session.site ?? 'unknown');
        return this.cardView(session.studentId, session.context, nowOf(request.now));
      }
      case 'card/get-student':
        await this.recordAccess(request.studentId, 'card-opened', 'popup');
        return this.cardView(request.studentId, { pageKind: 'other' }, nowOf(request.now));
      case 'today/get':
        return this.today(nowOf(request.now));
      case 'card/close':
      case 'card/resize': {
        const session = await this.cards.get(request.nonce);
        // Only the card frame itself, inside the tab that opened it, may close or resize it.
        if (!session || sender.tab?.id !== session.tabId) return undefined;
        if (request.type === 'card/close') await this.cards.close(request.nonce);
        const message: ToContent =
          request.type === 'card/close'
            ? { type: 'card/close', nonce: request.nonce }
            : { type: 'card/resize', nonce: request.nonce, height: request.height };
        await browser.tabs
          .sendMessage(session.tabId, message, { frameId: session.frameId })
          .catch(() => {});
        return { ok: true };
      }
    }
  }

  private async today(now: Date): Promise<TodayResponse> {
    const [status, header, lang] = await Promise.all([
      this.status(),
      readFeedHeader(this.db),
      this.lang(),
    ]);
    const privacy = await this.privacy.state();
    if (!header) return { status, privacy, today: null, students: [] };
    const students = await readAllStudents(this.db);
    return {
      status,
      privacy,
      today: buildTodayView(
        students,
        { timeZone: header.district.timezone, classes: header.classes },
        now,
        lang,
      ),
      students: students
        .map((s) => ({
          id: s.id,
          displayName: displayNameOf(s),
          alsoKnownAs: s.name.preferred ? `${s.name.given} ${s.name.family}` : undefined,
        }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    };
  }

  private async cardView(studentId: string, context: CardSession['context'], now: Date) {
    const header = await this.usableHeader();
    if (!header) return null;
    const [student] = await readStudents(this.db, [studentId]);
    if (!student) return null;
    const view = buildCardView(
      student,
      {
        districtName: header.district.name,
        timeZone: header.district.timezone,
        classes: header.classes,
      },
      {
        lang: await this.lang(),
        pageKind: context.pageKind,
        classId: classFromHint(context.classHint, header.classes)?.id,
        showPlanType: await this.showPlanType(header),
      },
      now,
    );
    const policy = await this.policy();
    const day = localDay(now, header.district.timezone);
    const thisWeek = await this.quickLog.list({ studentId, from: weekStart(day), to: day.date });
    return {
      ...view,
      planChanges: planChanges(student, await this.db.acknowledgments.get(studentId)),
      ambiguousName: await this.ambiguous.of(studentId),
      logging: {
        enabled: !(policy.ok && policy.policy.quickLogEnabled === false),
        today: day.date,
        thisWeek: thisWeek.map(({ key, accommodationId, at, date, assignment }) => ({
          key,
          accommodationId,
          at,
          date,
          assignment,
        })),
      },
    };
  }

  private async setSource(source: FeedSource): Promise<void> {
    await this.updateSettings({ feedSource: source });
    await this.scheduleRefresh();
    // A refresh still fetching the old source (the one at install, say) does not count.
    await this.refreshing?.catch(() => undefined);
    await this.refresh();
  }

  /**
   * After the district's policy changed: a new wipe token deletes every cached record once, and
   * every page re-checks what it may show (an invalid policy hides everything).
   */
  async onPolicyChanged(): Promise<void> {
    const policy = await this.policy();
    const token = policy.ok ? policy.policy.wipeToken : undefined;
    const { wipedFor } = await browser.storage.local.get('wipedFor');
    if (token && token !== wipedFor) {
      // The district's wipe: every cached record and every log entry on this computer.
      await deleteAllLogs(this.db);
      await this.clearData();
      await browser.storage.local.set({ wipedFor: token });
    }
    this.matcher = null;
    await browser.idle.setDetectionInterval(await this.idleSeconds());
    await this.scheduleRefresh();
    await this.onFeedChanged();
  }

  /** Where and how quick-log entries go, from the district's policy and feed. */
  private async logTarget(): Promise<LogTarget> {
    const [header, policy] = await Promise.all([readFeedHeader(this.db), this.policy()]);
    const rules = policy.ok ? policy.policy : {};
    return {
      endpoint: rules.logEndpoint ?? header?.logEndpoint,
      bearerToken: rules.feedAuth === 'bearer' ? rules.feedToken : undefined,
      districtId: header?.district.id ?? 'unknown',
      timeZone: header?.district.timezone ?? 'UTC',
    };
  }

  /** The log with names a person can read: the student's and the accommodation's. */
  private async logHistory(query: LogQuery): Promise<LogHistoryRow[]> {
    // The history lists accommodation use; confirmations and accesses are in the exports.
    const records = (await this.quickLog.list(query)).filter(
      (r) => r.kind === 'accommodation-used',
    );
    const students = new Map(
      (await readStudents(this.db, [...new Set(records.map((r) => r.studentId))])).map((s) => [
        s.id,
        s,
      ]),
    );
    const lang = await this.lang();
    return records.map((record) => {
      const student = students.get(record.studentId);
      const accommodation = student?.accommodations.find((a) => a.id === record.accommodationId);
      const entry = accommodation?.code ? catalogEntry(accommodation.code) : undefined;
      return {
        ...record,
        studentName: student ? displayNameOf(student) : record.studentId,
        accommodationTitle:
          entry?.text[lang].title ?? accommodation?.text ?? record.accommodationId ?? '',
      };
    });
  }

  /** The optional access log (district policy): who opened which card, where and when. */
  private async recordAccess(
    studentId: string,
    purpose: 'card-opened' | 'export',
    site: string,
    always = false,
  ): Promise<void> {
    const policy = await this.policy();
    if (!always && !(policy.ok && policy.policy.accessLogEnabled)) return;
    await this.quickLog.record(
      { kind: 'access', studentId, purpose, site },
      await this.logTarget(),
    );
  }

  /** The district's retention period for local logs (policy `retentionDays`). */
  async applyRetention(): Promise<void> {
    const policy = await this.policy();
    const days = policy.ok ? policy.policy.retentionDays : undefined;
    if (days) await pruneLogs(this.db, days, new Date());
  }

  /** A per-staff feed URL ({email}) filled with the signed-in managed account's e-mail. */
  private async withStaffEmail(source: FeedSource): Promise<FeedSource | undefined> {
    if (source.kind !== 'url' || !needsEmail(source.url)) return source;
    const info = await browser.identity
      ?.getProfileUserInfo({ accountStatus: 'ANY' })
      .catch(() => undefined);
    const url = fillFeedUrl(source.url, info?.email);
    return url ? { kind: 'url', url } : undefined;
  }

  async syncLogs(): Promise<void> {
    await this.quickLog.sync(await this.logTarget());
  }

  async resumeLogs(): Promise<void> {
    await this.quickLog.resume(await this.logTarget());
  }

  /**
   * Logs accommodation use: from a card (its nonce names the student, the class and the
   * assignment on the page) or for several students at once from the popup. Each entry is on
   * disk before this answers.
   */
  private async addLogs(
    request: Extract<PageRequest, { type: 'log/add' }>,
  ): Promise<{ saved: LogRecord[] } | { error: string }> {
    const [header, policy] = await Promise.all([this.usableHeader(), this.policy()]);
    if (!header) return { error: 'no-feed' };
    if (policy.ok && policy.policy.quickLogEnabled === false) return { error: 'disabled' };
    const session = request.nonce ? await this.cards.get(request.nonce) : undefined;
    const studentIds = session ? [session.studentId] : (request.studentIds ?? []);
    const classId = classFromHint(session?.context.classHint, header.classes)?.id;
    const students = await readStudents(this.db, studentIds);
    const target = await this.logTarget();
    const saved: LogRecord[] = [];
    for (const student of students) {
      const accommodation = student.accommodations.find((a) =>
        request.accommodationId
          ? a.id === request.accommodationId
          : a.code !== undefined && a.code === request.accommodationCode,
      );
      if (!accommodation) continue;
      saved.push(
        await this.quickLog.add(
          {
            studentId: student.id,
            accommodationId: accommodation.id,
            accommodationCode: accommodation.code,
            classId: student.classIds.includes(classId ?? '') ? classId : undefined,
            assignment: request.assignment ?? session?.context.assignment,
            note: request.note,
          },
          target,
        ),
      );
    }
    return { saved };
  }

  async togglePresentation() {
    return this.broadcastPrivacy(await this.privacy.togglePresentation());
  }

  /** The screen went idle or locked: close cards and hide markers until the teacher reveals. */
  async onIdleState(state: string): Promise<void> {
    if (state === 'idle' || state === 'locked') {
      await this.broadcastPrivacy(await this.privacy.hideForIdle());
    }
  }

  /** chrome.idle's threshold: the district's idleHideMinutes, 10 minutes by default. */
  async idleSeconds(): Promise<number> {
    const policy = await this.policy();
    return ((policy.ok ? policy.policy.idleHideMinutes : undefined) ?? 10) * 60;
  }

  private async broadcastPrivacy(state: PrivacyState): Promise<PrivacyState> {
    await this.broadcast({ type: 'privacy/state', ...state });
    return state;
  }

  forgetTab(tabId: number): Promise<void> {
    return this.rosters.forget(tabId);
  }

  async clearData(): Promise<void> {
    await deleteCachedFeed(this.db);
    await browser.storage.local.remove('fetchState');
    await this.onFeedChanged();
  }
}

const PLAUSIBLE_CLOCK_SKEW_MS = 400 * 24 * 60 * 60 * 1000;

/** The requesting page's clock when it sent one within a year or so of ours, else ours. */
function nowOf(pageNow: number | undefined): Date {
  const ours = Date.now();
  return pageNow !== undefined && Math.abs(pageNow - ours) <= PLAUSIBLE_CLOCK_SKEW_MS
    ? new Date(pageNow)
    : new Date(ours);
}
