import { describe, expect, it } from 'vitest';
import { infiniteCampusAdapter } from '../../../lib/sites/infinite-campus';
import { adapterFor } from '../../../lib/sites/registry';

const matches = (url: string) => infiniteCampusAdapter.matchesUrl(new URL(url));
const kind = (url: string) => infiniteCampusAdapter.pageKind?.(new URL(url));

describe('Infinite Campus URL detector', () => {
  it.each([
    // The grade book frame (innermost document), on infinitecampus.org and district domains.
    'https://larkspurco.infinitecampus.org/campus/apps/gradebook',
    'https://ic.larkspur.k12.example.us/campus/apps/gradebook?sectionID=33107',
    // The frames around it and other Campus pages are claimed (nothing is read there).
    'https://larkspurco.infinitecampus.org/campus/apps/instruction',
    'https://larkspurco.infinitecampus.org/campus/nav-wrapper/staff/instruction/grade-book',
    'https://larkspurco.infinitecampus.org/campus/main.xsl',
    'https://larkspurco.infinitecampus.org/campus/apps/portal/student/home',
    'https://larkspurco.infinitecampus.org/campus/portal/students/larkspur.jsp',
  ])('accepts %s', (url) => {
    expect(matches(url)).toBe(true);
  });

  it.each([
    'https://district.instructure.com/courses/1/gradebook',
    'https://moodle.district.org/grade/report/grader/index.php?id=4',
    'https://sis.district.org/Modules.php?modname=Grades/Grades.php',
    'https://brookhollowsd.powerschool.com/teachers/index.html',
    'https://cedarmesausd.aeries.net/teacher/gradebook/4312/scoresByClass',
    'https://ca-pinecrestusd.edupoint.com/GB_Main.aspx',
    'https://skyward.ridgefieldisd.org/scripts/wsisa.dll/WService=wsEAplus/sfhome01.w',
    // Look-alikes: an infinitecampus host alone, or "campus" elsewhere in a path, is not enough.
    'https://larkspurco.infinitecampus.org/',
    'https://infinitecampus.org.evil.example/login',
    'https://evil.example/infinitecampus.org/campus/apps/gradebook',
    'https://university.example/campus/map',
    'https://university.example/campus/apps-store',
    'https://university.example/campustour/apps/gradebook',
  ])('rejects %s', (url) => {
    expect(matches(url)).toBe(false);
  });

  it('treats the grade book as grading and the portal as other', () => {
    expect(kind('https://x.infinitecampus.org/campus/apps/gradebook')).toBe('grading');
    expect(
      kind('https://x.infinitecampus.org/campus/nav-wrapper/staff/instruction/grade-book'),
    ).toBe('grading');
    expect(kind('https://x.infinitecampus.org/campus/apps/portal/student/grades')).toBe('other');
    expect(kind('https://x.infinitecampus.org/campus/apps/instruction')).toBe('other');
  });

  it('is chosen for Infinite Campus hosts and on hosts listed as "other"', () => {
    const url = new URL('https://larkspurco.infinitecampus.org/campus/apps/gradebook');
    expect(adapterFor(url, 'infinite-campus')).toBe(infiniteCampusAdapter);
    expect(adapterFor(url, 'other')).toBe(infiniteCampusAdapter);
    expect(adapterFor(url, 'powerschool')).not.toBe(infiniteCampusAdapter);
  });
});
