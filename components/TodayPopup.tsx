import { formatDistanceToNow } from 'date-fns';
import { es as esLocale } from 'date-fns/locale/es';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CardView } from '../lib/card/card-view';
import { languageFor, type Translate, translator } from '../lib/i18n/strings';
import { sendToBackground, type TodayResponse } from '../lib/messages/send';
import { foldForSearch } from '../lib/names/normalize';
import type { TodayClass, TodayView } from '../lib/today/today-view';
import { logActionsFor } from './log-actions';
import { CardBody } from './SupportCard';

const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/** The toolbar popup: today's classes and services, a student search, and the feed's state. */
export function TodayPopup() {
  const [data, setData] = useState<TodayResponse | null>(null);
  const [query, setQuery] = useState('');
  const [card, setCard] = useState<{ studentId: string; view: CardView } | null>(null);
  const lang = data?.status.lang ?? languageFor(navigator.language);
  const t = translator(lang);

  useEffect(() => {
    void sendToBackground({ type: 'today/get', now: Date.now() }).then(setData);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const matches = useMemo(() => {
    const q = foldForSearch(query);
    if (!data || q === '') return [];
    return data.students.filter((s) =>
      foldForSearch(`${s.displayName} ${s.alsoKnownAs ?? ''}`).includes(q),
    );
  }, [data, query]);

  const openStudent = async (studentId: string) => {
    const view = await sendToBackground({ type: 'card/get-student', studentId, now: Date.now() });
    setCard(view ? { studentId, view } : null);
  };

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{data?.today ? t('popup.today', { day: data.today.dayLabel }) : 'PlainSight'}</h1>
        <span class="header-actions">
          {data && (
            <button
              type="button"
              class="link"
              aria-pressed={data.privacy.reason === 'presentation'}
              onClick={async () => {
                const privacy = await sendToBackground({ type: 'privacy/toggle-presentation' });
                setData({ ...data, privacy });
              }}
            >
              {data.privacy.reason === 'presentation' ? t('popup.show') : t('popup.hide')}
            </button>
          )}
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('popup.settings')}
          </button>
        </span>
      </header>
      {data?.privacy.reason === 'presentation' && (
        <p class="feed-line stale" role="status">
          {t('popup.hiddenNote')}
        </p>
      )}
      {data && <FeedLine data={data} t={t} />}
      {data?.today && (
        <>
          <label class="search">
            <span>{t('popup.search')}</span>
            <input
              type="search"
              value={query}
              onInput={(e) => {
                setQuery(e.currentTarget.value);
                setCard(null);
              }}
            />
          </label>
          {card ? (
            <section class="card popup-card" aria-label={card.view.displayName}>
              <button type="button" class="link" onClick={() => setCard(null)}>
                ← {t('popup.back')}
              </button>
              <h2 class="card-name">{card.view.displayName}</h2>
              <CardBody
                view={card.view}
                t={t}
                actions={{
                  ...logActionsFor({ studentId: card.studentId }),
                  refresh: () => void openStudent(card.studentId),
                }}
              />
            </section>
          ) : query.trim() !== '' ? (
            <ul class="results" aria-label={t('popup.results')}>
              {matches.length === 0 && <li>{t('popup.noMatches', { query: query.trim() })}</li>}
              {matches.map((s) => (
                <li key={s.id}>
                  <button type="button" class="link" onClick={() => void openStudent(s.id)}>
                    {s.displayName}
                  </button>
                  {s.alsoKnownAs && <span class="muted"> ({s.alsoKnownAs})</span>}
                </li>
              ))}
            </ul>
          ) : (
            <Today today={data.today} t={t} onOpen={openStudent} />
          )}
        </>
      )}
    </main>
  );
}

function FeedLine({ data, t }: { data: TodayResponse; t: Translate }) {
  const feed = data.status.feed;
  if (!feed || !data.today) return <p class="feed-line stale">{t('popup.noFeed')}</p>;
  const fetched = new Date(feed.fetchedAt);
  const when = formatDistanceToNow(fetched, {
    addSuffix: true,
    ...(data.status.lang === 'es' ? { locale: esLocale } : {}),
  });
  const stale =
    data.status.lastAttempt?.outcome === 'failed' ||
    Date.now() - fetched.getTime() > STALE_AFTER_MS;
  return (
    <p class={stale ? 'feed-line stale' : 'feed-line'} data-testid="feed-line">
      {t(stale ? 'popup.stale' : 'popup.fresh', { when })}
    </p>
  );
}

function Today({
  today,
  t,
  onOpen,
}: {
  today: TodayView;
  t: Translate;
  onOpen: (studentId: string) => void;
}) {
  return (
    <>
      <section aria-labelledby="leaving-title">
        <h2 id="leaving-title">{t('popup.leaving')}</h2>
        {today.leaving.length === 0 ? (
          <p class="muted">{t('popup.nobodyLeaves')}</p>
        ) : (
          <ul class="items" data-testid="leaving">
            {today.leaving.map((item) => (
              <li key={`${item.studentId}:${item.id}`}>
                <p class="item-title">
                  {item.time} · {item.displayName}
                </p>
                <p class="meta">
                  {[
                    `${item.title} (${item.provider})`,
                    item.setting,
                    item.classTitle && t('popup.fromClass', { title: item.classTitle }),
                    item.location,
                    item.needs,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {today.classes.map((classSection) => (
        <ClassSectionView key={classSection.id} classSection={classSection} t={t} onOpen={onOpen} />
      ))}
    </>
  );
}

function ClassSectionView({
  classSection,
  t,
  onOpen,
}: {
  classSection: TodayClass;
  t: Translate;
  onOpen: (studentId: string) => void;
}) {
  // Collapsed: a teacher's whole roster is long; each class opens to what is needed now.
  return (
    <details class="class-section">
      <summary>
        <h2>
          {classSection.period && <>{t('popup.period', { period: classSection.period })} · </>}
          {classSection.title}
        </h2>
        <span class="count">{classSection.students.length}</span>
      </summary>
      {classSection.students.length === 0 ? (
        <p class="muted">{t('popup.noStudents')}</p>
      ) : (
        <ul class="items">
          {classSection.students.map((student) => (
            <li key={student.studentId}>
              <button
                type="button"
                class="link item-title"
                onClick={() => onOpen(student.studentId)}
              >
                {student.displayName}
              </button>
              {student.services.map((service) => (
                <p class="meta" key={service.id}>
                  {service.time} {service.title} · {service.setting}
                  {service.location && <> · {service.location}</>}
                </p>
              ))}
              {student.beforeClass.length > 0 && (
                <details>
                  <summary>{t('popup.beforeClass')}</summary>
                  <ul class="tips">
                    {student.beforeClass.map((tip) => (
                      <li key={tip}>{tip}</li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      <GroupLog classSection={classSection} t={t} />
    </details>
  );
}

/** "Extended time given to these 4 students on Quiz 3": one entry per chosen student. */
function GroupLog({ classSection, t }: { classSection: TodayClass; t: Translate }) {
  const codes = [
    ...new Map(classSection.students.flatMap((s) => s.codes).map((c) => [c.code, c])).values(),
  ];
  const [code, setCode] = useState(codes[0]?.code ?? '');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [assignment, setAssignment] = useState('');
  const [done, setDone] = useState<string | null>(null);
  if (codes.length === 0) return null;
  const eligible = classSection.students.filter((s) => s.codes.some((c) => c.code === code));
  const submit = async (event: Event) => {
    event.preventDefault();
    const studentIds = eligible.map((s) => s.studentId).filter((id) => chosen.has(id));
    if (studentIds.length === 0) return;
    const answer = await sendToBackground({
      type: 'log/add',
      studentIds,
      accommodationCode: code,
      assignment: assignment.trim() || undefined,
    });
    setDone(t('popup.logDone', { count: 'saved' in answer ? answer.saved.length : 0 }));
    setChosen(new Set());
  };
  return (
    <details class="group-log">
      <summary>{t('popup.logMany')}</summary>
      <form onSubmit={submit}>
        <label class="search">
          <span>{t('popup.logWhat')}</span>
          <select value={code} onChange={(e) => setCode(e.currentTarget.value)}>
            {codes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend class="visually-hidden">{t('popup.students')}</legend>
          {eligible.map((s) => (
            <label key={s.studentId} class="choice">
              <input
                type="checkbox"
                checked={chosen.has(s.studentId)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.currentTarget.checked) next.add(s.studentId);
                  else next.delete(s.studentId);
                  setChosen(next);
                }}
              />{' '}
              {s.displayName}
            </label>
          ))}
        </fieldset>
        <label class="search">
          <span>{t('popup.logAssignment')}</span>
          <input
            type="text"
            value={assignment}
            onInput={(e) => setAssignment(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="log">
          {t('popup.logButton')}
        </button>
        {done && <p role="status">{done}</p>}
      </form>
    </details>
  );
}
