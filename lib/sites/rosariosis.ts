import { findCandidatesWithPersonLinks, type PersonLinks } from './generic';
import type { SiteAdapter } from './types';

/**
 * RosarioSIS (K-12 SIS). Names are "First Last"; list rows link each student with
 * `student_id=<id>`; attendance and eligibility pages show names as plain text, read by name.
 *
 * RosarioSIS and openSIS both grew from Centre SIS: every page is
 * `Modules.php?modname=<module>/<Program>.php` and students are linked the same way. RosarioSIS
 * capitalises its modules (`Students/`, `Grades/`, only the portal is `misc/`), openSIS does not
 * (`students/`, `grades/`, `miscellaneous/`), which keeps the two URL detectors apart on hosts
 * the feed lists as "other"; elsewhere the feed's platform for the host decides.
 */

const STUDENT_ID = /^\d+$/;

export function studentIdLinks(system: 'rosariosis' | 'opensis'): PersonLinks {
  return {
    system,
    selector: 'a[href*="student_id="]',
    idOf(url) {
      const id = url.searchParams.get('student_id');
      return id && STUDENT_ID.test(id) ? id : undefined;
    },
  };
}

/** Which Centre SIS descendant a `Modules.php` URL belongs to, by the case of its module. */
export function centreSisFlavour(url: URL): 'rosariosis' | 'opensis' | undefined {
  if (!/\/Modules\.php$/.test(url.pathname)) return undefined;
  const modname = url.searchParams.get('modname') ?? '';
  if (/^[A-Z]/.test(modname) || modname.startsWith('misc/')) return 'rosariosis';
  return /^[a-z]/.test(modname) ? 'opensis' : undefined;
}

const links = studentIdLinks('rosariosis');

export const rosariosisAdapter: SiteAdapter = {
  id: 'rosariosis',
  platform: 'rosariosis',
  matchesUrl: (url) => centreSisFlavour(url) === 'rosariosis',
  findCandidates: (root) => findCandidatesWithPersonLinks(root, links),
};
