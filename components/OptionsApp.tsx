import { format, formatDistanceToNow } from 'date-fns';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { FeedStatus } from '../lib/background/status';
import { describeFetchError } from '../lib/feed/fetch-feed';
import type { FeedSource } from '../lib/messages/protocol';
import { sendToBackground } from '../lib/messages/send';
import { matchPatternsForHost } from '../lib/sites/hosts';

const MAX_PROBLEMS_SHOWN = 50;

function when(iso: string): string {
  const date = new Date(iso);
  return `${format(date, 'PPp')} (${formatDistanceToNow(date, { addSuffix: true })})`;
}

/** Origins the background must be allowed to fetch a district feed from. */
function originPattern(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

export function OptionsApp() {
  const [status, setStatus] = useState<FeedStatus | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

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
      <h1>PlainSight settings</h1>
      <p class="lead">
        PlainSight shows each student’s accommodations and today’s services next to their name on
        your district’s gradebook pages. Student data comes only from your district’s feed and stays
        on this computer.
      </p>
      <FeedSourceForm
        source={status?.source ?? null}
        disabled={busy !== null}
        onSave={(source) =>
          run('Fetching the feed…', () => sendToBackground({ type: 'feed/set-source', source }))
        }
      />
      <FeedStatusPanel
        status={status}
        busy={busy}
        onRefresh={() => run('Refreshing…', () => sendToBackground({ type: 'feed/refresh' }))}
        onClear={() => run('Deleting cached data…', () => sendToBackground({ type: 'data/clear' }))}
      />
      {status && status.sites.length > 0 && <SitesPanel status={status} onChange={reload} />}
    </main>
  );
}

function FeedSourceForm({
  source,
  disabled,
  onSave,
}: {
  source: FeedSource | null;
  disabled: boolean;
  onSave: (source: FeedSource) => void;
}) {
  const [kind, setKind] = useState<'demo' | 'url'>(source?.kind ?? 'url');
  const [url, setUrl] = useState(source?.kind === 'url' ? source.url : '');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!source) return;
    setKind(source.kind);
    if (source.kind === 'url') setUrl(source.url);
  }, [source]);

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
      setError('Enter the full feed address, starting with https://');
      return;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      setError('The feed address must start with https://');
      return;
    }
    const href = parsed.href;
    // Must run inside the click: the browser only asks for permissions during a user gesture.
    browser.permissions.request({ origins: [originPattern(href)] }).then(
      (granted) => {
        if (granted) onSave({ kind: 'url', url: href });
        else setError(`PlainSight needs permission to read ${parsed.hostname} to fetch the feed.`);
      },
      (reason: unknown) => setError(String(reason)),
    );
  };

  return (
    <section aria-labelledby="source-title">
      <h2 id="source-title">District feed</h2>
      <form onSubmit={submit}>
        <fieldset>
          <legend>Where student data comes from</legend>
          <label class="choice">
            <input
              type="radio"
              name="kind"
              value="url"
              checked={kind === 'url'}
              onChange={() => setKind('url')}
            />
            District feed address
          </label>
          <label class="field">
            <span class="visually-hidden">Feed URL</span>
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
            Built-in demo feed (invented students, for trying PlainSight out)
          </label>
        </fieldset>
        {error && (
          <p id="source-error" class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={disabled}>
          Save and fetch
        </button>
      </form>
    </section>
  );
}

function FeedStatusPanel({
  status,
  busy,
  onRefresh,
  onClear,
}: {
  status: FeedStatus | null;
  busy: string | null;
  onRefresh: () => void;
  onClear: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const feed = status?.feed;
  const attempt = status?.lastAttempt;
  return (
    <section aria-labelledby="status-title">
      <h2 id="status-title">Feed status</h2>
      {!status && <p>Loading…</p>}
      {status && !status.source && <p>No feed is set up yet. Enter your district’s feed above.</p>}
      {status && !feed && status.source && <p>No feed has been fetched successfully yet.</p>}
      {feed && (
        <dl class="facts">
          <dt>District</dt>
          <dd data-testid="district-name">{feed.districtName}</dd>
          <dt>Students</dt>
          <dd data-testid="student-count">{feed.studentCount}</dd>
          <dt>Classes</dt>
          <dd>{feed.classCount}</dd>
          <dt>Feed generated</dt>
          <dd>{when(feed.generatedAt)}</dd>
          <dt>Fetched</dt>
          <dd data-testid="fetched-at">{when(feed.fetchedAt)}</dd>
          <dt>Next refresh</dt>
          <dd>{status.nextRefreshAt ? when(status.nextRefreshAt) : 'Not scheduled'}</dd>
          {feed.expiresAt && (
            <>
              <dt>Expires</dt>
              <dd>{feed.expired ? 'Expired: student data is hidden' : when(feed.expiresAt)}</dd>
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
            Last check {when(attempt.lastAttemptAt)}:{' '}
            {attempt.outcome === 'updated' && 'feed updated.'}
            {attempt.outcome === 'not-modified' && 'no changes since the last fetch.'}
            {attempt.outcome === 'failed' && attempt.error && (
              <strong>failed. {describeFetchError(attempt.error)}</strong>
            )}
          </p>
          {attempt.outcome === 'failed' && feed && (
            <p>PlainSight keeps using the last good feed (fetched {when(feed.fetchedAt)}).</p>
          )}
          {attempt.error?.kind === 'validation' && (
            <ul class="problems" aria-label="Feed problems">
              {attempt.error.problems.slice(0, MAX_PROBLEMS_SHOWN).map((problem) => (
                <li key={`${problem.path}:${problem.message}`}>
                  <code>{problem.path}</code>: {problem.message}
                </li>
              ))}
              {attempt.error.problems.length > MAX_PROBLEMS_SHOWN && (
                <li>…and {attempt.error.problems.length - MAX_PROBLEMS_SHOWN} more</li>
              )}
            </ul>
          )}
        </div>
      )}
      <div class="actions">
        <button type="button" onClick={onRefresh} disabled={busy !== null || !status?.source}>
          Refresh now
        </button>
        {!confirming ? (
          <button
            type="button"
            class="danger"
            disabled={busy !== null}
            onClick={() => setConfirming(true)}
          >
            Delete all cached data
          </button>
        ) : (
          <span class="confirm">
            Delete every cached student record from this computer?{' '}
            <button
              type="button"
              class="danger"
              onClick={() => {
                setConfirming(false);
                onClear();
              }}
            >
              Yes, delete
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        )}
      </div>
      <p class="progress" role="status" aria-live="polite">
        {busy ?? (status?.refreshing ? 'Refreshing…' : '')}
      </p>
    </section>
  );
}

function SitesPanel({ status, onChange }: { status: FeedStatus; onChange: () => void }) {
  const grant = (host: string) => {
    browser.permissions.request({ origins: matchPatternsForHost(host) }).then(onChange, onChange);
  };
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">District sites</h2>
      <p>PlainSight only runs on the sites your district lists, once you allow each one.</p>
      <ul class="sites">
        {status.sites.map((site) => (
          <li key={site.host}>
            <span class="host">{site.host}</span> <span class="platform">({site.platform})</span>{' '}
            {site.granted ? (
              <span class="ok">Allowed</span>
            ) : (
              <button type="button" onClick={() => grant(site.host)}>
                Allow on {site.host}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
