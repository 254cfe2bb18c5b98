import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../lib/sites/registry';
import { synergyAdapter } from '../../../lib/sites/synergy';

const matches = (url: string) => synergyAdapter.matchesUrl(new URL(url));
const kind = (url: string) => synergyAdapter.pageKind?.(new URL(url));

describe('Synergy URL detector', () => {
  it.each([
    // The grade book document inside iframe#FRAME_CONTENT, on edupoint.com and district domains.
    'https://ca-pinecrestusd.edupoint.com/GB_Main.aspx',
    'https://ca-pinecrestusd.edupoint.com/GB_Main.aspx?AGU=0',
    'https://synergy.pinecrest.example.org/GradeBook_Main.aspx',
    'https://ca-pinecrestusd.edupoint.com/train/GB_Main.aspx',
  ])('accepts the grade book frame %s', (url) => {
    expect(matches(url)).toBe(true);
    expect(kind(url)).toBe('grading');
  });

  it.each([
    'https://ca-pinecrestusd.edupoint.com/PXP2_GradeBook.aspx',
    'https://ca-pinecrestusd.edupoint.com/Home_PXP2.aspx',
    'https://ca-pinecrestusd.edupoint.com/Login_Student_PXP.aspx',
  ])('claims the StudentVUE/ParentVUE portal %s (nothing is read there)', (url) => {
    expect(matches(url)).toBe(true);
    expect(kind(url)).toBe('other');
  });

  it.each([
    'https://district.instructure.com/courses/1/gradebook',
    'https://moodle.district.org/grade/report/grader/index.php?id=4',
    'https://sis.district.org/Modules.php?modname=Grades/Grades.php',
    'https://brookhollowsd.powerschool.com/teachers/index.html',
    'https://larkspurco.infinitecampus.org/campus/apps/gradebook',
    'https://cedarmesausd.aeries.net/teacher/gradebook/4312/scoresByClass',
    'https://skyward.ridgefieldisd.org/scripts/wsisa.dll/WService=wsEAplus/sfgradebook001.w',
    // Look-alikes: other TeacherVUE pages (left to the generic finder), deeper paths, hosts.
    'https://ca-pinecrestusd.edupoint.com/',
    'https://ca-pinecrestusd.edupoint.com/Login_TeacherVUE.aspx',
    'https://ca-pinecrestusd.edupoint.com/Main.aspx',
    'https://edupoint.com.evil.example/GB_Main.html',
    'https://evil.example/edupoint.com/x/GB_Main.aspx',
    'https://school.example/GB_Main.aspx.html',
  ])('rejects %s', (url) => {
    expect(matches(url)).toBe(false);
  });

  it('is chosen for Synergy hosts and on hosts listed as "other"', () => {
    const url = new URL('https://ca-pinecrestusd.edupoint.com/GB_Main.aspx');
    expect(adapterFor(url, 'synergy')).toBe(synergyAdapter);
    expect(adapterFor(url, 'other')).toBe(synergyAdapter);
    expect(adapterFor(url, 'aeries')).not.toBe(synergyAdapter);
  });
});
