import { format, formatDistanceToNow } from 'date-fns';
import { es as esLocale } from 'date-fns/locale/es';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { LogStatus } from '../lib/background/quick-log';
import type { FeedStatus } from '../lib/background/status';
import type { Lang } from '../lib/catalog/catalog';
import { describeFetchError } from '../lib/feed/fetch-feed';
import { PLATFORMS, type Platform, Site } from '../lib/feed/schema';
import { languageFor, type Translate, translator } from '../lib/i18n/strings';
import type { FeedSource, LanguageSetting } from '../lib/messages/protocol';
import { type LogHistoryRow, sendToBackground } from '../lib/messages/send';
import { foldForSearch } from '../lib/names/normalize';
import { matchPatternsForHost } from '../lib/sites/hosts';

const MAX_PROBLEMS_SHOWN = 50;

function formatWhen(lang: Lang) {
  const options = lang === 'es' ? { locale: esLocale } : {};
  return (iso: string) => {
    const date = new Date(iso);
    return `${format(date, 'PPp', options)} (${formatDistanceToNow(date, { addSuffix: true, ...options })})`;
  };
}

/** Origins the background must be allowed to fetch a district feed from. */
function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

export function OptionsApp() {
  const [status, setStatus] = useState<FeedStatus | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const lang = status?.lang ?? languageFor(navigator.language);
  const t = translator(lang);

  const reload = useCallback(async () => {
    setStatus(await sendToBackground({ type: 'feed/status' }));
  }, []);

  useEffect(() => {
    void reload();
    // The background writes fetch results to storage; follow them instead of polling.
    const onChanged = () => void reload();
    browser.storage.local.onChanged.addListener(onChanged);
    return () => browser.storage.local.onChanged.removeListener(onChanged);
  }, [reload]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('options.title');
  }, [lang, t]);

  const run = async (label: string, action: () => Promise<FeedStatus>) => {
    setBusy(label);
    try {
      setStatus(await action());
    } finally {
      setBusy(null);
    }
  };

  return (
    <main>
      <h1>{t('options.title')}</h1>
      <p class="lead">{t('options.lead')}</p>
      {status && status.policyProblems.length > 0 && (
        <div class="attempt failed" role="alert" data-testid="policy-problems">
          <p>
            <strong>{t('options.policyProblems')}</strong>
          </p>
          <ul class="problems">
            {status.policyProblems.map((problem) => (
              <li key={problem.path}>
                <code>{problem.path}</code>: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {/* Rendered once the saved source is known, so it starts from it and is never reset. */}
      {status && (
        <FeedSourceForm
          t={t}
          source={status.source}
          locked={status.locked.includes('feedSource')}
          disabled={busy !== null}
          onSave={(source) =>
            run(t('options.fetching'), () => sendToBackground({ type: 'feed/set-source', source }))
          }
        />
      )}
      <FeedStatusPanel
        t={t}
        lang={lang}
        status={status}
        busy={busy}
        onRefresh={() =>
          run(t('options.refreshing'), () => sendToBackground({ type: 'feed/refresh' }))
        }
        onClear={() => run(t('options.deleting'), () => sendToBackground({ type: 'data/clear' }))}
      />
      {status && <SitesPanel t={t} status={status} onChange={reload} onStatus={setStatus} />}
      {status && <LogPanel t={t} lang={lang} />}
      {status && (
        <RemindersPanel
          t={t}
          status={status}
          onChange={(soonMinutes, notifyBeforePullOuts) =>
            run('', () =>
              sendToBackground({
                type: 'settings/set-reminders',
                soonMinutes,
                notifyBeforePullOuts,
              }),
            )
          }
        />
      )}
      {status && (
        <LanguagePanel
          t={t}
          locked={status.locked.includes('language')}
          language={status.language}
          onChange={(language) =>
            run('', () => sendToBackground({ type: 'settings/set-language', language }))
          }
        />
      )}
    </main>
  );
}

function FeedSourceForm({
  t,
  source,
  locked,
  disabled,
  onSave,
}: {
  t: Translate;
  source: FeedSource | null;
  locked: boolean;
  disabled: boolean;
  onSave: (source: FeedSource) => void;
}) {
  const [kind, setKind] = useState<'demo' | 'url'>(source?.kind ?? 'url');
  const [url, setUrl] = useState(source?.kind === 'url' ? source.url : '');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    setError(null);
    if (kind === 'demo') {
      onSave({ kind: 'demo' });
      return;
    }
    let parsed: URL;
    try {
      parsed = new URL(url.trim());
    } catch {
      setError(t('options.urlInvalid'));
      return;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      setError(t('options.urlScheme'));
      return;
    }
    // Must run inside the click: the browser only asks for permissions during a user gesture.
    browser.permissions.request({ origins: [originPattern(parsed)] }).then(
      (granted) => {
        if (granted) onSave({ kind: 'url', url: parsed.href });
        else setError(t('options.permissionDenied', { host: parsed.hostname }));
      },
      (reason: unknown) => setError(String(reason)),
    );
  };

  return (
    <section aria-labelledby="source-title">
      <h2 id="source-title">{t('options.feed')}</h2>
      {locked && (
        <p class="locked" data-testid="feed-locked">
          {t('options.locked')}: <code>{source?.kind === 'url' ? source.url : ''}</code>
        </p>
      )}
      <form onSubmit={submit} hidden={locked}>
        <fieldset>
          <legend>{t('options.feedLegend')}</legend>
          <label class="choice">
            <input
              type="radio"
              name="kind"
              value="url"
              checked={kind === 'url'}
              onChange={() => setKind('url')}
            />
            {t('options.feedUrlChoice')}
          </label>
          <label class="field">
            <span class="visually-hidden">{t('options.feedUrl')}</span>
            <input
              type="url"
              name="url"
              placeholder="https://sis.district.example/plainsight/feed.json"
              value={url}
              disabled={kind !== 'url'}
              onInput={(e) => setUrl(e.currentTarget.value)}
              aria-describedby={error ? 'source-error' : undefined}
            />
          </label>
          <label class="choice">
            <input
              type="radio"
              name="kind"
              value="demo"
              checked={kind === 'demo'}
              onChange={() => setKind('demo')}
            />
            {t('options.demoChoice')}
          </label>
        </fieldset>
        {error && (
          <p id="source-error" class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={disabled}>
          {t('options.save')}
        </button>
      </form>
    </section>
  );
}

function FeedStatusPanel({
  t,
  lang,
  status,
  busy,
  onRefresh,
  onClear,
}: {
  t: Translate;
  lang: Lang;
  status: FeedStatus | null;
  busy: string | null;
  onRefresh: () => void;
  onClear: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const when = formatWhen(lang);
  const feed = status?.feed;
  const attempt = status?.lastAttempt;
  return (
    <section aria-labelledby="status-title">
      <h2 id="status-title">{t('options.status')}</h2>
      {!status && <p>{t('options.loading')}</p>}
      {status && !status.source && <p>{t('options.noSource')}</p>}
      {status && !feed && status.source && <p>{t('options.noFeed')}</p>}
      {feed && (
        <dl class="facts">
          <dt>{t('options.district')}</dt>
          <dd data-testid="district-name">{feed.districtName}</dd>
          <dt>{t('options.students')}</dt>
          <dd data-testid="student-count">{feed.studentCount}</dd>
          <dt>{t('options.classes')}</dt>
          <dd>{feed.classCount}</dd>
          <dt>{t('options.generated')}</dt>
          <dd>{when(feed.generatedAt)}</dd>
          <dt>{t('options.fetched')}</dt>
          <dd data-testid="fetched-at">{when(feed.fetchedAt)}</dd>
          <dt>{t('options.nextRefresh')}</dt>
          <dd>{status.nextRefreshAt ? when(status.nextRefreshAt) : t('options.notScheduled')}</dd>
          {feed.expiresAt && (
            <>
              <dt>{t('options.expires')}</dt>
              <dd>{feed.expired ? t('options.expired') : when(feed.expiresAt)}</dd>
            </>
          )}
          {feed.tooOld && (
            <>
              <dt>{t('options.expires')}</dt>
              <dd>{t('options.tooOld')}</dd>
            </>
          )}
        </dl>
      )}
      {attempt && (
        <div
          class={attempt.outcome === 'failed' ? 'attempt failed' : 'attempt'}
          data-testid="last-attempt"
        >
          <p>
            {t('options.lastCheck', { when: when(attempt.lastAttemptAt) })}{' '}
            {attempt.outcome === 'updated' && t('options.updated')}
            {attempt.outcome === 'not-modified' && t('options.notModified')}
            {attempt.outcome === 'failed' && attempt.error && (
              <strong>
                {t('options.failed')} {describeFetchError(attempt.error, t)}
              </strong>
            )}
          </p>
          {attempt.outcome === 'failed' && feed && (
            <p>{t('options.keepsLastGood', { when: when(feed.fetchedAt) })}</p>
          )}
          {attempt.error?.kind === 'validation' && (
            <ul class="problems" aria-label={t('options.problems')}>
              {attempt.error.problems.slice(0, MAX_PROBLEMS_SHOWN).map((problem) => (
                <li key={`${problem.path}:${problem.message}`}>
                  <code>{problem.path}</code>: {problem.message}
                </li>
              ))}
              {attempt.error.problems.length > MAX_PROBLEMS_SHOWN && (
                <li>
                  {t('options.moreProblems', {
                    count: attempt.error.problems.length - MAX_PROBLEMS_SHOWN,
                  })}
                </li>
              )}
            </ul>
          )}
        </div>
      )}
      <div class="actions">
        <button type="button" onClick={onRefresh} disabled={busy !== null || !status?.source}>
          {t('options.refresh')}
        </button>
        {!confirming ? (
          <button
            type="button"
            class="danger"
            disabled={busy !== null}
            onClick={() => setConfirming(true)}
          >
            {t('options.delete')}
          </button>
        ) : (
          <span class="confirm">
            {t('options.deleteConfirm')}{' '}
            <button
              type="button"
              class="danger"
              onClick={() => {
                setConfirming(false);
                onClear();
              }}
            >
              {t('options.deleteYes')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t('options.cancel')}
            </button>
          </span>
        )}
      </div>
      <p class="progress" role="status" aria-live="polite">
        {busy || (status?.refreshing ? t('options.refreshing') : '')}
      </p>
    </section>
  );
}

function SitesPanel({
  t,
  status,
  onChange,
  onStatus,
}: {
  t: Translate;
  status: FeedStatus;
  onChange: () => void;
  onStatus: (status: FeedStatus) => void;
}) {
  const [host, setHost] = useState('');
  const [platform, setPlatform] = useState<Platform>('other');
  const [error, setError] = useState<string | null>(null);
  const grant = (siteHost: string) => {
    browser.permissions
      .request({ origins: matchPatternsForHost(siteHost) })
      .then(onChange, onChange);
  };
  const add = (event: Event) => {
    event.preventDefault();
    const site = Site.safeParse({ host, platform });
    if (!site.success) {
      setError(t('options.badHost'));
      return;
    }
    setError(null);
    // Asked inside the submit: the browser only prompts for permissions during a user gesture.
    browser.permissions.request({ origins: matchPatternsForHost(site.data.host) }).then(
      async () => {
        onStatus(await sendToBackground({ type: 'settings/add-site', site: site.data }));
        setHost('');
      },
      (reason: unknown) => setError(String(reason)),
    );
  };
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">{t('options.sites')}</h2>
      <p>{t('options.sitesLead')}</p>
      <ul class="sites">
        {status.sites.map((site) => (
          <li key={site.host}>
            <span class="host">{site.host}</span> <span class="platform">({site.platform})</span>{' '}
            {site.source === 'policy' && <span class="platform">{t('options.fromPolicy')} </span>}
            {site.granted ? (
              <span class="ok">{t('options.allowed')}</span>
            ) : (
              <button type="button" onClick={() => grant(site.host)}>
                {t('options.allow', { host: site.host })}
              </button>
            )}
            {site.source === 'user' && (
              <>
                {' '}
                <button
                  type="button"
                  class="danger"
                  onClick={async () =>
                    onStatus(
                      await sendToBackground({ type: 'settings/remove-site', host: site.host }),
                    )
                  }
                >
                  {t('options.remove')} {site.host}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <form class="add-site" onSubmit={add}>
        <h3>{t('options.addSite')}</h3>
        <label class="field">
          <span>{t('options.siteHost')}</span>
          <input
            type="text"
            value={host}
            placeholder="district.instructure.com"
            onInput={(e) => setHost(e.currentTarget.value.trim())}
            aria-describedby={error ? 'site-error' : undefined}
          />
        </label>
        <label class="field">
          <span>{t('options.sitePlatform')}</span>
          <select value={platform} onChange={(e) => setPlatform(e.currentTarget.value as Platform)}>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        {error && (
          <p id="site-error" class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">{t('options.add')}</button>
      </form>
    </section>
  );
}

function LanguagePanel({
  t,
  locked,
  language,
  onChange,
}: {
  t: Translate;
  locked: boolean;
  language: LanguageSetting;
  onChange: (language: LanguageSetting) => void;
}) {
  return (
    <section aria-labelledby="language-title">
      <h2 id="language-title">{t('options.language')}</h2>
      <label class="field">
        <span class="visually-hidden">{t('options.language')}</span>
        <select
          name="language"
          value={language}
          disabled={locked}
          onChange={(e) => onChange(e.currentTarget.value as LanguageSetting)}
        >
          <option value="auto">{t('options.languageAuto')}</option>
          <option value="en" lang="en">
            English
          </option>
          <option value="es" lang="es">
            Español
          </option>
        </select>
      </label>
      {locked && <p class="locked">{t('options.locked')}</p>}
    </section>
  );
}

function RemindersPanel({
  t,
  status,
  onChange,
}: {
  t: Translate;
  status: FeedStatus;
  onChange: (soonMinutes: number, notify: boolean) => void;
}) {
  const [denied, setDenied] = useState(false);
  const toggleNotify = (on: boolean) => {
    setDenied(false);
    if (!on) {
      onChange(status.soonMinutes, false);
      return;
    }
    // Asked inside the click: browsers only show permission prompts during a user gesture.
    browser.permissions.request({ permissions: ['notifications'] }).then(
      (granted) => {
        setDenied(!granted);
        onChange(status.soonMinutes, granted);
      },
      () => setDenied(true),
    );
  };
  return (
    <section aria-labelledby="reminders-title">
      <h2 id="reminders-title">{t('options.reminders')}</h2>
      <label class="field inline">
        <span>{t('options.soonMinutes')}</span>
        <input
          type="number"
          min={1}
          max={120}
          value={status.soonMinutes}
          onChange={(e) => {
            const minutes = Math.round(Number(e.currentTarget.value));
            if (minutes >= 1 && minutes <= 120) onChange(minutes, status.notifyBeforePullOuts);
          }}
        />
      </label>
      <label class="choice">
        <input
          type="checkbox"
          checked={status.notifyBeforePullOuts}
          onChange={(e) => toggleNotify(e.currentTarget.checked)}
        />
        {t('options.notify')}
      </label>
      {denied && (
        <p class="error" role="alert">
          {t('options.notifyDenied')}
        </p>
      )}
    </section>
  );
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function LogPanel({ t, lang }: { t: Translate; lang: Lang }) {
  const [rows, setRows] = useState<LogHistoryRow[]>([]);
  const [sync, setSync] = useState<LogStatus | null>(null);
  const [studentQuery, setStudentQuery] = useState('');
  const [accommodation, setAccommodation] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const when = formatWhen(lang);
  const query = { from: from || undefined, to: to || undefined };

  // Reload when the date filters change.
  useEffect(() => {
    void sendToBackground({ type: 'log/list', query }).then(setRows);
    void sendToBackground({ type: 'log/status' }).then(setSync);
  }, [from, to]);

  const needle = foldForSearch(studentQuery);
  const titles = [...new Set(rows.map((row) => row.accommodationTitle))].sort();
  const shown = rows.filter(
    (row) =>
      foldForSearch(row.studentName).includes(needle) &&
      (accommodation === '' || row.accommodationTitle === accommodation),
  );
  const exportAs = async (format: 'csv' | 'json') => {
    const text = await sendToBackground({ type: 'log/export', query, format });
    const stamp = new Date().toISOString().slice(0, 10);
    download(
      `plainsight-log-${stamp}.${format}`,
      format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
      text,
    );
  };

  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">{t('options.log')}</h2>
      <p>{t('options.logLead')}</p>
      {sync && (
        <p class="muted" data-testid="log-sync">
          {sync.endpoint
            ? [
                t('options.logSync', { endpoint: sync.endpoint, pending: sync.pending }),
                sync.lastSuccessAt && t('options.logLastSent', { when: when(sync.lastSuccessAt) }),
                sync.lastError && t('options.logLastError', { error: sync.lastError }),
              ]
                .filter(Boolean)
                .join(' · ')
            : t('options.logLocal')}{' '}
          {sync.endpoint && sync.pending > 0 && (
            <button
              type="button"
              onClick={async () => setSync(await sendToBackground({ type: 'log/send-now' }))}
            >
              {t('options.sendNow')}
            </button>
          )}
        </p>
      )}
      {sync && sync.quarantined.length > 0 && (
        <div class="attempt failed">
          <p>{t('options.logQuarantined')}</p>
          <ul class="problems">
            {sync.quarantined.map((q) => (
              <li key={q.key}>
                <code>{q.key}</code>: {q.status} {q.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="filters">
        <label class="field">
          <span>{t('options.logStudent')}</span>
          <input
            type="search"
            value={studentQuery}
            onInput={(e) => setStudentQuery(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t('options.logAccommodation')}</span>
          <select value={accommodation} onChange={(e) => setAccommodation(e.currentTarget.value)}>
            <option value="">{t('options.logAll')}</option>
            {titles.map((title) => (
              <option key={title} value={title}>
                {title}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('options.logFrom')}</span>
          <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('options.logTo')}</span>
          <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
      </div>
      <table class="log-table" aria-label={t('options.log')}>
        <thead>
          <tr>
            <th scope="col">{t('options.logWhen')}</th>
            <th scope="col">{t('options.logStudent')}</th>
            <th scope="col">{t('options.logAccommodation')}</th>
            <th scope="col">{t('options.logAssignment')}</th>
            <th scope="col">{t('options.logNote')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.key}>
              <td>{format(new Date(row.at), 'PPp', lang === 'es' ? { locale: esLocale } : {})}</td>
              <td>{row.studentName}</td>
              <td>
                {row.accommodationTitle} <span class="muted">({row.accommodationId})</span>
              </td>
              <td>{row.assignment ?? ''}</td>
              <td>{row.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p class="muted">{t('options.logEmpty')}</p>}
      <div class="actions">
        <button type="button" onClick={() => void exportAs('csv')}>
          {t('options.exportCsv')}
        </button>
        <button type="button" onClick={() => void exportAs('json')}>
          {t('options.exportJson')}
        </button>
      </div>
    </section>
  );
}
