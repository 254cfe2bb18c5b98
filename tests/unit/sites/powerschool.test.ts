import { describe, expect, it } from 'vitest';
import { powerschoolAdapter } from '../../../lib/sites/powerschool';
import { adapterFor } from '../../../lib/sites/registry';

const matches = (url: string) => powerschoolAdapter.matchesUrl(new URL(url));

describe('PowerSchool URL detector', () => {
  it.each([
    // PowerTeacher Pro (hash routing), on powerschool.com and on district domains.
    'https://brookhollowsd.powerschool.com/teachers/index.html#/?sectionId=20417',
    'https://brookhollowsd.powerschool.com/teachers/index.html#/score_assignment?sectionId=20417&assignmentId=7700',
    'https://ps.larkspur-valley.org/teachers/index.html',
    'https://ps.larkspur-valley.org/admin/powerteacher/index.html?frn=0051187#/?sectionId=20417',
    // Classic PowerTeacher pages.
    'https://brookhollowsd.powerschool.com/teachers/home.html',
    'https://ps.larkspur-valley.org/teachers/classattendance.html?sectionid=20455&frn=00320455',
    'https://ps.larkspur-valley.org/teachers/studentpages/home.html?frn=0014101',
    'https://ps.larkspur-valley.org/teachers/attendance-grid.action?sectionId=20455',
    'https://ps.larkspur-valley.org/TEACHERS/Home.html',
  ])('accepts %s', (url) => {
    expect(matches(url)).toBe(true);
  });

  it.each([
    'https://brookhollowsd.powerschool.com/guardian/home.html',
    'https://ps.larkspur-valley.org/guardian/scores.html?frn=0047711&fg=Q1',
    'https://ps.larkspur-valley.org/public/home.html',
  ])('claims the parent/student portal %s (so the generic finder never reads it)', (url) => {
    expect(matches(url)).toBe(true);
    expect(powerschoolAdapter.pageKind?.(new URL(url))).toBe('other');
  });

  it.each([
    // Other platforms.
    'https://district.instructure.com/courses/1/gradebook',
    'https://moodle.district.org/grade/report/grader/index.php?id=4',
    'https://sis.district.org/Modules.php?modname=Grades/Grades.php',
    'https://larkspurco.infinitecampus.org/campus/apps/gradebook',
    'https://cedarmesausd.aeries.net/teacher/gradebook/4312/scoresByClass',
    'https://ca-pinecrestusd.edupoint.com/GB_Main.aspx',
    'https://skyward.ridgefieldisd.org/scripts/wsisa.dll/WService=wsEAplus/sfhome01.w',
    // Look-alike hosts and paths: the host never decides, the path must be PowerSchool's.
    'https://brookhollowsd.powerschool.com/',
    'https://powerschool.com.evil.example/login',
    'https://evil.example/powerschool.com/teachers/home.html',
    'https://school.example/staff/teachers/home.html',
    'https://school.example/teachers/',
    'https://school.example/teachersroom/home.html',
    'https://school.example/guardianship/forms.html',
    'https://school.example/public/index.html',
    'https://school.example/admin/students/home.html?frn=0014101',
  ])('rejects %s', (url) => {
    expect(matches(url)).toBe(false);
  });

  it('treats PowerTeacher Pro as grading and classic pages by their URL', () => {
    const kind = (url: string) => powerschoolAdapter.pageKind?.(new URL(url));
    expect(kind('https://ps.example.org/teachers/index.html#/?sectionId=1')).toBe('grading');
    expect(kind('https://ps.example.org/admin/powerteacher/index.html')).toBe('grading');
    expect(kind('https://ps.example.org/teachers/classattendance.html?sectionid=1')).toBe('other');
    expect(kind('https://ps.example.org/teachers/scoresheet.html?sectionid=1')).toBe('grading');
  });

  it('is chosen for PowerSchool hosts and on hosts listed as "other"', () => {
    const url = new URL('https://ps.larkspur-valley.org/teachers/index.html');
    expect(adapterFor(url, 'powerschool')).toBe(powerschoolAdapter);
    expect(adapterFor(url, 'other')).toBe(powerschoolAdapter);
    expect(adapterFor(url, 'canvas')).not.toBe(powerschoolAdapter);
  });
});
