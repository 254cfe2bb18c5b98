import { describe, expect, it } from 'vitest';
import { canvasAdapter } from '../../../lib/sites/canvas';
import { adapterFor } from '../../../lib/sites/registry';

const accepts = (href: string) => canvasAdapter.matchesUrl(new URL(href));

describe('Canvas URL detector', () => {
  it.each([
    // People (Backbone or React) on an instructure.com subdomain and on custom domains.
    'https://maplecreek.instructure.com/courses/31408/users',
    'https://canvas.maplecreekschools.example/courses/31408/users/',
    'https://lms.northfield-college.example/courses/77/users?search_term=ok',
    // Gradebook: default, learning mastery, individual; the version switch; the /grades alias.
    'https://maplecreek.instructure.com/courses/31408/gradebook',
    'https://maplecreek.instructure.com/courses/31408/gradebook?view=learning_mastery',
    'https://maplecreek.instructure.com/courses/31408/gradebook?student=48219',
    'https://maplecreek.instructure.com/courses/31408/gradebook/change_gradebook_version?version=individual_enhanced',
    'https://maplecreek.instructure.com/courses/31408/grades',
    // SpeedGrader, classic and new, named or anonymous.
    'https://canvas.maplecreekschools.example/courses/31408/gradebook/speed_grader?assignment_id=220517&student_id=48232',
    'https://canvas.maplecreekschools.example/courses/31408/gradebook/speed_grader?assignment_id=220517&anonymous_id=aB3xZ',
    // Sharded course ids.
    'https://maplecreek.instructure.com/courses/1~31408/gradebook',
  ])('accepts %s', (href) => {
    expect(accepts(href)).toBe(true);
  });

  it.each([
    // Other Canvas pages: one person, the course home, assignments, the API.
    'https://maplecreek.instructure.com/courses/31408/users/48211',
    'https://maplecreek.instructure.com/courses/31408',
    'https://maplecreek.instructure.com/courses/31408/assignments/220517',
    'https://maplecreek.instructure.com/courses/31408/gradebook/history',
    'https://maplecreek.instructure.com/api/v1/courses/31408/users',
    'https://maplecreek.instructure.com/courses/abc/users',
    // Other platforms.
    'https://moodle.district.example/grade/report/grader/index.php?id=3',
    'https://moodle.district.example/user/index.php?id=3',
    'https://district.powerschool.com/teachers/home.html',
    'https://district.powerschool.com/teachers/classattendance.html?sectionid=1&frn=0014',
    'https://district.infinitecampus.org/campus/apps/instruction/grade-book',
    'https://district.schoology.com/course/6034412215/grades',
    'https://district.schoology.com/course/6034412215/members',
    'https://classroom.google.com/u/1/r/NzE0MjU5ODgzMTA2/sort-last-name',
    'https://classroom.google.com/c/NzE0MjU5ODgzMTA2/gb',
    // Hosts that merely look like Canvas decide nothing: the path does.
    'https://canvas.evil.example/grade/report/grader/index.php',
    'https://maplecreek.instructure.com.evil.example/teachers/home.html',
    'https://instructure.com.attacker.example/',
    // A Canvas path in the query or the fragment is not the page's path.
    'https://portal.district.example/login?next=/courses/31408/gradebook',
    'https://portal.district.example/#/courses/31408/users',
  ])('rejects %s', (href) => {
    expect(accepts(href)).toBe(false);
  });

  it('is chosen for Canvas hosts and for hosts of unknown platform, not for other platforms', () => {
    const url = new URL('https://canvas.maplecreekschools.example/courses/31408/gradebook');
    expect(adapterFor(url, 'canvas').id).toBe('canvas');
    expect(adapterFor(url, 'other').id).toBe('canvas');
    expect(adapterFor(url, 'schoology').id).toBe('generic');
  });
});

describe('Canvas page kind', () => {
  const kind = (href: string) => canvasAdapter.pageKind?.(new URL(href));

  it('calls the gradebook, its individual view and SpeedGrader grading pages', () => {
    expect(kind('https://x.example/courses/1/gradebook')).toBe('grading');
    expect(kind('https://x.example/courses/1/gradebook?student=2')).toBe('grading');
    expect(kind('https://x.example/courses/1/grades')).toBe('grading');
    expect(kind('https://x.example/courses/1/gradebook/speed_grader?assignment_id=3')).toBe(
      'grading',
    );
  });

  it('calls People something else', () => {
    expect(kind('https://x.example/courses/1/users')).toBe('other');
  });
});
