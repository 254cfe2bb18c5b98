import { z } from 'zod';

/**
 * The district feed, version 1. This zod schema is the single source of truth: the TypeScript
 * types below, the published JSON Schema (`public/schema/feed-v1.schema.json`) and the
 * validation in the background all come from it.
 *
 * Deliberately absent: any disability category. Unknown keys are stripped on parse, so a
 * district export that carries one never reaches storage.
 */

export const PLATFORMS = [
  'canvas',
  'google-classroom',
  'powerschool',
  'schoology',
  'infinite-campus',
  'moodle',
  'skyward',
  'aeries',
  'synergy',
  'rosariosis',
  'opensis',
  'other',
] as const;
export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

/** Systems whose student ids a feed may carry next to the stable `sourcedId`. */
export const IdSystem = z.enum([...PLATFORMS.filter((p) => p !== 'other'), 'sis']);
export type IdSystem = z.infer<typeof IdSystem>;

const text = (max: number) => z.string().trim().min(1).max(max);
const id = text(128).describe('Stable identifier (OneRoster sourcedId style)');
const isoDate = z.iso.date().describe('Calendar date, YYYY-MM-DD');
const isoDateTime = z.iso
  .datetime({ offset: true })
  .describe('Date and time with offset (RFC 3339)');
const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a 24-hour time, HH:MM')
  .describe('Local time in the district time zone, HH:MM');

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const timeZone = z
  .string()
  .refine(isKnownTimeZone, 'Unknown IANA time zone')
  .describe('IANA time zone, e.g. America/Chicago');

/**
 * A district host the platform runs on. Hosts are matched exactly or as a parent domain
 * (`district.instructure.com` also covers `sub.district.instructure.com`), never by substring.
 */
export const Site = z.object({
  host: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/,
      'Expected a bare host name such as district.instructure.com (no scheme, port or path)',
    ),
  platform: Platform,
});
export type Site = z.infer<typeof Site>;

export const Contact = z.object({
  name: text(120),
  role: text(80).optional(),
  email: z.email().optional(),
  phone: text(40).optional(),
});
export type Contact = z.infer<typeof Contact>;

export const ClassSection = z.object({
  id,
  title: text(120),
  subject: text(80).optional(),
  period: text(40)
    .optional()
    .describe('Period or block label as the school says it, e.g. "2" or "B"'),
});
export type ClassSection = z.infer<typeof ClassSection>;

export const PlanType = z.enum(['IEP', '504']);

export const Plan = z.object({
  type: PlanType,
  reviewDate: isoDate.describe('Next annual review or re-evaluation date'),
  version: text(64).optional().describe('Changes whenever the plan changes'),
  updatedAt: isoDate.optional(),
  caseManager: Contact,
});
export type Plan = z.infer<typeof Plan>;

export const AccommodationContext = z.enum(['assessments', 'assignments', 'instruction']);
export type AccommodationContext = z.infer<typeof AccommodationContext>;

export const Responsibility = z.enum(['teacher', 'paraeducator', 'provider', 'case-manager']);
export type Responsibility = z.infer<typeof Responsibility>;

export const Accommodation = z
  .object({
    id,
    code: z
      .string()
      .regex(/^[a-z0-9]+([.-][a-z0-9]+)*$/, 'Catalog codes are lowercase words joined by hyphens')
      .optional()
      .describe('Code from the built-in accommodation catalog'),
    text: text(500)
      .optional()
      .describe("District's plain-language wording; shown as given and overrides the catalog"),
    details: text(1000).optional().describe('Extra district-specific guidance'),
    appliesTo: z
      .object({
        contexts: z.array(AccommodationContext).min(1).optional(),
        subjects: z.array(text(80)).min(1).optional(),
        classIds: z.array(id).min(1).optional(),
      })
      .optional()
      .describe('Where and when it applies; when absent it applies everywhere'),
    responsible: z.array(Responsibility).min(1).optional(),
  })
  .refine((a) => a.code !== undefined || a.text !== undefined, {
    message: 'An accommodation needs a catalog code, district text, or both',
    path: ['text'],
  });
export type Accommodation = z.infer<typeof Accommodation>;

export const ServiceType = z.enum([
  'speech-language',
  'occupational-therapy',
  'physical-therapy',
  'counseling',
  'psychological',
  'specialized-instruction',
  'behavior-support',
  'other',
]);
export type ServiceType = z.infer<typeof ServiceType>;

export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof Weekday>;

export const ServiceSlot = z
  .object({
    weekday: Weekday,
    start: timeOfDay,
    end: timeOfDay,
    classId: id.optional().describe('The class the student leaves or is seen in'),
    location: text(120).optional(),
  })
  .refine((s) => s.start < s.end, { message: 'A slot must end after it starts', path: ['end'] });
export type ServiceSlot = z.infer<typeof ServiceSlot>;

export const Service = z
  .object({
    id,
    type: ServiceType,
    label: text(120).optional().describe('Shown instead of the type name when present'),
    provider: Contact,
    setting: z.enum(['pull-out', 'push-in', 'consult']),
    delivery: z
      .object({
        mode: z.enum(['in-person', 'remote']),
        needs: z.array(z.enum(['device', 'headphones', 'quiet-space', 'adult-nearby'])).optional(),
      })
      .optional(),
    minutes: z.number().int().positive().max(10_000),
    per: z.enum(['week', 'month']),
    slots: z.array(ServiceSlot).max(50).default([]),
    startDate: isoDate,
    endDate: isoDate,
    noServiceDates: z.array(isoDate).max(366).optional(),
    deliveredThisWeek: z
      .object({ weekOf: isoDate, minutes: z.number().int().nonnegative() })
      .optional()
      .describe(
        'Minutes delivered so far in the week starting weekOf, when the district reports it',
      ),
  })
  .refine((s) => s.startDate <= s.endDate, {
    message: 'endDate must not be before startDate',
    path: ['endDate'],
  });
export type Service = z.infer<typeof Service>;

export const StudentName = z.object({
  given: text(80),
  family: text(80),
  middle: text(80).optional(),
  preferred: text(80).optional().describe('The name the student goes by; shown first'),
});
export type StudentName = z.infer<typeof StudentName>;

export const Student = z.object({
  id,
  platformIds: z
    .partialRecord(IdSystem, text(128))
    .optional()
    .describe('The same student in other systems, e.g. { "canvas": "4821", "sis": "100234" }'),
  name: StudentName,
  grade: text(8).describe('Grade level as the district writes it, e.g. "KG", "07"'),
  classIds: z.array(id).max(40).default([]),
  plan: Plan,
  accommodations: z.array(Accommodation).max(200).default([]),
  services: z.array(Service).max(50).default([]),
});
export type Student = z.infer<typeof Student>;

function checkUnique<T>(
  items: readonly T[],
  key: (item: T) => string,
  ctx: z.RefinementCtx,
  path: (string | number)[],
  what: string,
) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const k = key(item);
    if (seen.has(k)) {
      ctx.addIssue({ code: 'custom', message: `Duplicate ${what} "${k}"`, path: [...path, index] });
    }
    seen.add(k);
  });
}

export const Feed = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1),
    district: z.object({
      id,
      name: text(160),
      timezone: timeZone,
      showPlanType: z
        .boolean()
        .default(false)
        .describe('Whether staff see the plan type (IEP or 504) on the card'),
    }),
    generatedAt: isoDateTime,
    expiresAt: isoDateTime.optional().describe('After this the extension stops showing the data'),
    logEndpoint: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe(
        'Where quick-log entries are sent (see lib/logs/CONTRACT.md); local only if absent',
      ),
    sites: z.array(Site).max(100).default([]),
    classes: z.array(ClassSection).max(2000).default([]),
    students: z.array(Student).max(20_000),
  })
  .superRefine((feed, ctx) => {
    checkUnique(feed.students, (s) => s.id, ctx, ['students'], 'student id');
    checkUnique(feed.classes, (c) => c.id, ctx, ['classes'], 'class id');
    const classIds = new Set(feed.classes.map((c) => c.id));
    if (classIds.size === 0) return;
    feed.students.forEach((student, index) => {
      student.classIds.forEach((classId, j) => {
        if (!classIds.has(classId)) {
          ctx.addIssue({
            code: 'custom',
            message: `Class "${classId}" is not listed in classes`,
            path: ['students', index, 'classIds', j],
          });
        }
      });
    });
  });
export type Feed = z.infer<typeof Feed>;
export type FeedInput = z.input<typeof Feed>;

export interface FeedProblem {
  /** JSON path such as `students[3].plan.reviewDate`. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

export type FeedParseResult = { ok: true; feed: Feed } | { ok: false; problems: FeedProblem[] };

/** Validates raw JSON; never throws. */
export function parseFeed(raw: unknown): FeedParseResult {
  const result = Feed.safeParse(raw);
  if (result.success) return { ok: true, feed: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    })),
  };
}
