import { findCandidatesWithPersonLinks, type PersonLinks } from './generic';
import type { SiteAdapter } from './types';

/**
 * Moodle (LMS). Districts run it on their own hosts, often under a subpath (`/moodle/…`), so
 * pages are recognised by Moodle's PHP paths. Roster rows (participants, assignment grading,
 * grader report, groups overview, quiz reports) link each person's profile with their user id:
 * `user/view.php?id=<id>` (with `&course=`) or `user/profile.php?id=<id>`. An initials badge
 * sits inside the same link, right before the name, and is not part of it.
 */

/**
 * Moodle's component folders that hold the pages teachers use; pages end in `.php`. (Course
 * notes, blogs, completion, question bank and custom reports list students too.)
 */
const MOODLE_PAGE =
  /\/(?:user|mod|grade|group|course|report|enrol|message|my|blocks|local|badges|cohort|calendar|competency|admin|notes|blog|completion|question|reportbuilder)\/(?:[\w-]+\/)*[\w-]+\.php$/;
const PROFILE_PAGE = /\/user\/(?:view|profile)\.php$/;
const USER_ID = /^\d+$/;

const profileLinks: PersonLinks = {
  system: 'moodle',
  selector: 'a[href*="user/view.php"], a[href*="user/profile.php"]',
  idOf(url) {
    const id = url.searchParams.get('id');
    return PROFILE_PAGE.test(url.pathname) && id && USER_ID.test(id) ? id : undefined;
  },
};

export const moodleAdapter: SiteAdapter = {
  id: 'moodle',
  platform: 'moodle',
  matchesUrl: (url) => MOODLE_PAGE.test(url.pathname),
  findCandidates: (root) => findCandidatesWithPersonLinks(root, profileLinks),
};
