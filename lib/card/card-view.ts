import { format, parseISO } from 'date-fns';
import { catalogEntry } from '../catalog/catalog';
import type { Accommodation, ClassSection, Service, Student } from '../feed/schema';
import { localDay, sessionsOn } from '../services/today';

/**
 * What the support card shows, shaped in the background so the card page only renders text.
 * Deliberately carries no plan type and no disability information.
 */
export interface CardView {
  displayName: string;
  /** The legal name when the student goes by a preferred name, so staff can recognise both. */
  alsoKnownAs?: string;
  grade: string;
  reviewDate: string;
  caseManager: { name: string; role?: string; email?: string; phone?: string };
  accommodations: AccommodationView[];
  servicesToday: ServiceView[];
  districtName: string;
  todayLabel: string;
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

const SERVICE_NAMES: Record<Service['type'], string> = {
  'speech-language': 'Speech-language therapy',
  'occupational-therapy': 'Occupational therapy',
  'physical-therapy': 'Physical therapy',
  counseling: 'Counseling',
  psychological: 'Psychological services',
  'specialized-instruction': 'Specialized instruction',
  'behavior-support': 'Behavior support',
  other: 'Service',
};

const SETTINGS: Record<Service['setting'], string> = {
  'pull-out': 'leaves class',
  'push-in': 'in class',
  consult: 'consult with teacher',
};

const NEEDS: Record<string, string> = {
  device: 'a device',
  headphones: 'headphones',
  'quiet-space': 'a quiet space',
  'adult-nearby': 'an adult nearby',
};

const CONTEXT_NAMES: Record<string, string> = {
  assessments: 'tests and quizzes',
  assignments: 'assignments',
  instruction: 'instruction',
};

export function displayNameOf(student: Pick<Student, 'name'>): string {
  const { given, family, preferred } = student.name;
  return `${preferred ?? given} ${family}`;
}

function describeWhere(accommodation: Accommodation, classes: readonly ClassSection[]): string {
  const applies = accommodation.appliesTo;
  if (!applies) return 'All classes and work';
  const parts: string[] = [];
  if (applies.contexts) parts.push(applies.contexts.map((c) => CONTEXT_NAMES[c] ?? c).join(', '));
  if (applies.subjects) parts.push(applies.subjects.join(', '));
  if (applies.classIds) {
    const titles = applies.classIds.map((id) => classes.find((c) => c.id === id)?.title ?? id);
    parts.push(titles.join(', '));
  }
  return parts.join(' · ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function accommodationView(
  accommodation: Accommodation,
  classes: readonly ClassSection[],
): AccommodationView {
  const entry = accommodation.code ? catalogEntry(accommodation.code) : undefined;
  const fromDistrict = accommodation.text !== undefined;
  return {
    id: accommodation.id,
    title: entry?.title ?? accommodation.text ?? accommodation.code ?? '',
    text: accommodation.text ?? entry?.summary ?? '',
    source: fromDistrict || !entry ? 'district' : 'catalog',
    details: accommodation.details,
    where: capitalise(describeWhere(accommodation, classes)),
    responsible: accommodation.responsible?.map((r) => r.replace('-', ' ')).join(', '),
  };
}

export function serviceViewsForDay(
  services: readonly Service[],
  now: Date,
  timeZone: string,
): ServiceView[] {
  return sessionsOn(services, localDay(now, timeZone)).map(({ service, slot }) => {
    const remote = service.delivery?.mode === 'remote';
    const needs = service.delivery?.needs?.map((n) => NEEDS[n] ?? n);
    return {
      id: `${service.id}@${slot.start}`,
      title: `${remote ? 'Remote ' : ''}${service.label ?? SERVICE_NAMES[service.type]}`,
      time: `${slot.start}–${slot.end}`,
      provider: service.provider.name,
      setting: SETTINGS[service.setting],
      location: slot.location,
      needs: needs && needs.length > 0 ? `Needs ${joinList(needs)}` : undefined,
    };
  });
}

function joinList(items: string[]): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function buildCardView(
  student: Student,
  feed: { districtName: string; timeZone: string; classes: readonly ClassSection[] },
  now: Date,
): CardView {
  const { given, family, preferred } = student.name;
  const day = localDay(now, feed.timeZone);
  return {
    displayName: displayNameOf(student),
    alsoKnownAs: preferred && preferred !== given ? `${given} ${family}` : undefined,
    grade: student.grade,
    reviewDate: format(parseISO(student.plan.reviewDate), 'MMMM d, yyyy'),
    caseManager: student.plan.caseManager,
    accommodations: student.accommodations.map((a) => accommodationView(a, feed.classes)),
    servicesToday: serviceViewsForDay(student.services, now, feed.timeZone),
    districtName: feed.districtName,
    todayLabel: format(parseISO(day.date), 'EEEE, MMMM d'),
  };
}
