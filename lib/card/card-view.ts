import { format, parseISO } from 'date-fns';
import { es as esLocale } from 'date-fns/locale/es';
import {
  CATEGORY_ORDER,
  type CatalogCategory,
  type CatalogEntry,
  catalogEntry,
  categoryLabel,
  type Lang,
} from '../catalog/catalog';
import type { Accommodation, ClassSection, Service, ServiceSlot, Student } from '../feed/schema';
import { joinList, type StringKey, type Translate, translator } from '../i18n/strings';
import { sessionsInWeek, weeklyMinutes } from '../services/schedule';
import { localDay, sessionsOn } from '../services/today';
import type { PlanChanges } from './plan-changes';

/** Where the card is opened: grading pages put grading-relevant items first. */
export type PageKind = 'grading' | 'other';

export interface CardContext {
  lang: Lang;
  pageKind: PageKind;
  /** The class the page shows, when the page tells and the student is in it. */
  classId?: string;
  /** Districts choose whether staff see "IEP" or "504"; off unless enabled. */
  showPlanType: boolean;
}

/**
 * What the support card shows, shaped in the background so the card page only renders text.
 * Never carries a disability category; carries the plan type only when the district allows it.
 */
export interface CardView {
  lang: Lang;
  displayName: string;
  /** The listed name when the student goes by a preferred name, so staff recognise both. */
  alsoKnownAs?: string;
  grade: string;
  planType?: string;
  reviewDate: string;
  caseManager: { name: string; role?: string; email?: string; phone?: string };
  groups: AccommodationGroup[];
  /** Accommodations left out because they apply only in other classes. */
  hiddenForOtherClasses: number;
  servicesToday: ServiceView[];
  /** The rest of this week's sessions (Monday–Sunday), with their day. */
  servicesThisWeek: (ServiceView & { day: string })[];
  /** Minutes scheduled and, when the district reports it, delivered this week, per service. */
  minutes: MinutesView[];
  districtName: string;
  todayLabel: string;
  /** Quick-log: whether it is on, and this week's entries for the student (district days). */
  logging?: {
    enabled: boolean;
    today: string;
    thisWeek: {
      key: string;
      accommodationId?: string;
      at: string;
      date: string;
      assignment?: string;
    }[];
  };
  /** Set while the staff member has not confirmed reading the current plan. */
  planChanges?: PlanChanges;
  /** A page showed a name that could be this student or others, so it got no marker there. */
  ambiguousName?: { text: string; count: number };
}

export interface AccommodationGroup {
  title: string;
  items: AccommodationView[];
}

export interface AccommodationView {
  id: string;
  title: string;
  text: string;
  /** Whether the wording came from the district feed or the built-in catalog. */
  source: 'district' | 'catalog';
  details?: string;
  where: string;
  responsible?: string;
  modification: boolean;
  /** The catalog's tip for this context ("While grading: …" on grading pages). */
  tip?: { label: string; text: string };
}

export interface MinutesView {
  serviceId: string;
  title: string;
  required?: number;
  scheduled: number;
  scheduledToDate: number;
  delivered?: number;
  shortfall: boolean;
}

export interface ServiceView {
  id: string;
  title: string;
  time: string;
  provider: string;
  setting: string;
  location?: string;
  needs?: string;
}

interface FeedInfo {
  districtName: string;
  timeZone: string;
  classes: readonly ClassSection[];
}

export function displayNameOf(student: Pick<Student, 'name'>): string {
  const { given, family, preferred } = student.name;
  return `${preferred ?? given} ${family}`;
}

/** If the feed does not say where an accommodation applies, it applies everywhere. */
export function appliesInClass(
  accommodation: Accommodation,
  classSection: ClassSection | undefined,
): boolean {
  const applies = accommodation.appliesTo;
  if (!classSection || !applies || (!applies.classIds && !applies.subjects)) return true;
  if (applies.classIds?.includes(classSection.id)) return true;
  return (
    classSection.subject !== undefined &&
    (applies.subjects?.some((s) => s.toLowerCase() === classSection.subject?.toLowerCase()) ??
      false)
  );
}

function isGradingRelevant(accommodation: Accommodation, entry: CatalogEntry | undefined): boolean {
  const contexts = accommodation.appliesTo?.contexts;
  if (contexts && !contexts.some((c) => c === 'assessments' || c === 'assignments')) return false;
  return entry?.gradingRelevant ?? contexts !== undefined;
}

function describeWhere(
  accommodation: Accommodation,
  classes: readonly ClassSection[],
  lang: Lang,
): string {
  const t = translator(lang);
  const applies = accommodation.appliesTo;
  if (!applies) return t('appliesEverywhere');
  const parts: string[] = [];
  if (applies.contexts) {
    parts.push(applies.contexts.map((c) => t(`context.${c}` as StringKey)).join(', '));
  }
  if (applies.subjects) parts.push(applies.subjects.join(', '));
  if (applies.classIds) {
    parts.push(
      applies.classIds.map((id) => classes.find((c) => c.id === id)?.title ?? id).join(', '),
    );
  }
  // An empty appliesTo says nothing about where, so it applies everywhere.
  if (parts.length === 0) return t('appliesEverywhere');
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function accommodationView(
  accommodation: Accommodation,
  classes: readonly ClassSection[],
  context: Pick<CardContext, 'lang' | 'pageKind'>,
): AccommodationView {
  const t = translator(context.lang);
  const entry = accommodation.code ? catalogEntry(accommodation.code) : undefined;
  const text = entry?.text[context.lang];
  const fromDistrict = accommodation.text !== undefined || !entry;
  const grading = context.pageKind === 'grading' && isGradingRelevant(accommodation, entry);
  return {
    id: accommodation.id,
    title: text?.title ?? accommodation.text ?? accommodation.code ?? '',
    text: accommodation.text ?? text?.summary ?? '',
    source: fromDistrict ? 'district' : 'catalog',
    details: accommodation.details,
    where: describeWhere(accommodation, classes, context.lang),
    responsible: accommodation.responsible?.map((r) => t(`role.${r}` as StringKey)).join(', '),
    modification: entry?.modification ?? false,
    tip: text
      ? grading
        ? { label: t('whileGrading'), text: text.whileGrading }
        : { label: t('inClass'), text: text.inClass }
      : undefined,
  };
}

const CUSTOM = 'custom';

/**
 * Grading pages: grading- and assessment-relevant items first. Elsewhere: by catalog category,
 * district-defined items last. The feed's own order is kept within a group.
 */
export function groupAccommodations(
  accommodations: readonly Accommodation[],
  classes: readonly ClassSection[],
  context: CardContext,
): AccommodationGroup[] {
  const t = translator(context.lang);
  const view = (a: Accommodation) => accommodationView(a, classes, context);
  const categoryOf = (a: Accommodation): CatalogCategory | typeof CUSTOM =>
    (a.code ? catalogEntry(a.code)?.category : undefined) ?? CUSTOM;
  const byCategory = (a: Accommodation, b: Accommodation) =>
    rank(categoryOf(a)) - rank(categoryOf(b));

  if (context.pageKind === 'grading') {
    const relevant = accommodations.filter((a) =>
      isGradingRelevant(a, a.code ? catalogEntry(a.code) : undefined),
    );
    const others = accommodations.filter((a) => !relevant.includes(a));
    return [
      { title: t('gradingFirst'), items: [...relevant].sort(byCategory).map(view) },
      { title: t('otherAccommodations'), items: [...others].sort(byCategory).map(view) },
    ].filter((group) => group.items.length > 0);
  }
  const groups = new Map<CatalogCategory | typeof CUSTOM, Accommodation[]>();
  for (const accommodation of [...accommodations].sort(byCategory)) {
    const key = categoryOf(accommodation);
    groups.set(key, [...(groups.get(key) ?? []), accommodation]);
  }
  return [...groups].map(([key, items]) => ({
    title: key === CUSTOM ? t('otherAccommodations') : categoryLabel(key, context.lang),
    items: items.map(view),
  }));
}

function rank(category: CatalogCategory | typeof CUSTOM): number {
  const index = category === CUSTOM ? -1 : CATEGORY_ORDER.indexOf(category);
  return index === -1 ? CATEGORY_ORDER.length : index;
}

function serviceName(service: Service, t: Translate): string {
  return service.label ?? t(`service.${service.type}` as StringKey);
}

export function serviceViewsForDay(
  services: readonly Service[],
  now: Date,
  timeZone: string,
  lang: Lang,
): ServiceView[] {
  return sessionViews(sessionsOn(services, localDay(now, timeZone)), lang);
}

function sessionViews(
  sessions: readonly { service: Service; slot: ServiceSlot }[],
  lang: Lang,
): ServiceView[] {
  const t = translator(lang);
  return sessions.map(({ service, slot }) => {
    const name = serviceName(service, t);
    const needs = service.delivery?.needs?.map((n) => t(`need.${n}` as StringKey));
    return {
      id: `${service.id}@${slot.weekday}${slot.start}`,
      title: service.delivery?.mode === 'remote' ? t('remote', { service: name }) : name,
      time: `${slot.start}–${slot.end}`,
      provider: service.provider.name,
      setting: t(`setting.${service.setting}` as StringKey),
      location: slot.location,
      needs: needs && needs.length > 0 ? t('needs', { list: joinList(needs, lang) }) : undefined,
    };
  });
}

export function buildCardView(
  student: Student,
  feed: FeedInfo,
  context: CardContext,
  now: Date,
): CardView {
  const { given, family, preferred } = student.name;
  const day = localDay(now, feed.timeZone);
  const locale = context.lang === 'es' ? { locale: esLocale } : {};
  const classSection = student.classIds.includes(context.classId ?? '')
    ? feed.classes.find((c) => c.id === context.classId)
    : undefined;
  const applicable = student.accommodations.filter((a) => appliesInClass(a, classSection));
  const t = translator(context.lang);
  const otherDays = sessionsInWeek(student.services, day, feed.timeZone).filter(
    (session) => session.date !== day.date,
  );
  const otherDayViews = sessionViews(otherDays, context.lang);
  return {
    lang: context.lang,
    displayName: displayNameOf(student),
    alsoKnownAs: preferred && preferred !== given ? `${given} ${family}` : undefined,
    grade: student.grade,
    planType: context.showPlanType ? student.plan.type : undefined,
    reviewDate: format(parseISO(student.plan.reviewDate), 'PPP', locale),
    caseManager: student.plan.caseManager,
    groups: groupAccommodations(applicable, feed.classes, context),
    hiddenForOtherClasses: student.accommodations.length - applicable.length,
    servicesToday: serviceViewsForDay(student.services, now, feed.timeZone, context.lang),
    servicesThisWeek: otherDays.flatMap((session, i) => {
      const view = otherDayViews[i];
      return view ? [{ ...view, day: format(parseISO(session.date), 'EEEE', locale) }] : [];
    }),
    minutes: weeklyMinutes(student.services, day, now, feed.timeZone).map((m) => {
      const service = student.services.find((s) => s.id === m.serviceId);
      return { ...m, title: service ? serviceName(service, t) : m.serviceId };
    }),
    districtName: feed.districtName,
    todayLabel: format(parseISO(day.date), 'EEEE PPP', locale),
  };
}
