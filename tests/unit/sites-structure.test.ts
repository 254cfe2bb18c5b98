/**
 * The shape of lib/sites/: every adapter module is registered, documented and has fixtures, and
 * URL detectors do not overlap (each fixture URL is claimed by its own platform's adapter only).
 * With no adapters registered only the fixture checks apply.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adapterFor, PLATFORM_ADAPTERS } from '../../lib/sites/registry';
import type { SiteAdapter } from '../../lib/sites/types';
import { type DetectionPage, listFixturePages, REPO_ROOT } from '../support/detection';

const SITES_DIR = resolve(REPO_ROOT, 'lib/sites');
/** Modules of lib/sites/ that are not platform adapters. */
const NOT_ADAPTERS = new Set([
  'types.ts',
  'generic.ts',
  'registry.ts',
  'hosts.ts',
  'page-context.ts',
  'dom-helpers.ts',
]);

const adapterModules = readdirSync(SITES_DIR)
  .filter((file) => file.endsWith('.ts') && !NOT_ADAPTERS.has(file))
  .sort();
const exportsByModule = new Map<string, Record<string, unknown>>();
for (const file of adapterModules) {
  exportsByModule.set(file, await import(pathToFileURL(resolve(SITES_DIR, file)).href));
}
const readme = readFileSync(resolve(SITES_DIR, 'README.md'), 'utf8');
const fixtures: DetectionPage[] = listFixturePages();

function isSiteAdapter(value: unknown): value is SiteAdapter {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<SiteAdapter>;
  return (
    typeof candidate.id === 'string' &&
    typeof candidate.platform === 'string' &&
    typeof candidate.matchesUrl === 'function' &&
    typeof candidate.findCandidates === 'function'
  );
}

describe('lib/sites adapters', () => {
  for (const file of adapterModules) {
    it(`${file} exports a registered SiteAdapter`, () => {
      const adapters = Object.values(exportsByModule.get(file) ?? {}).filter(isSiteAdapter);
      expect(adapters.length, `${file} exports no SiteAdapter`).toBeGreaterThan(0);
      for (const adapter of adapters) {
        expect(PLATFORM_ADAPTERS, `${adapter.id} is not in PLATFORM_ADAPTERS`).toContain(adapter);
      }
    });
  }

  it('adapter ids are unique', () => {
    const ids = PLATFORM_ADAPTERS.map((adapter) => adapter.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  for (const adapter of PLATFORM_ADAPTERS) {
    describe(adapter.id, () => {
      it('has a row in lib/sites/README.md', () => {
        const rows = readme.split('\n').filter((line) => line.trimStart().startsWith('|'));
        const named = rows.some((line) =>
          line.split('|').some((cell) => cell.replace(/`/g, '').trim() === adapter.id),
        );
        expect(named, `no README table row names ${adapter.id}`).toBe(true);
      });

      it('reads at least one fixture of its platform', () => {
        const own = fixtures.filter(
          (page) =>
            page.platform === adapter.platform &&
            adapterFor(new URL(page.url), page.platform) === adapter,
        );
        expect(
          own.map((page) => page.key),
          `no fixture under tests/fixtures/ is read by ${adapter.id}`,
        ).not.toEqual([]);
      });
    });
  }
});

describe('fixtures', () => {
  it('there are fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });
  for (const page of fixtures) {
    describe(page.key, () => {
      // A page with staff only (a class list without students) checks precision alone.
      it('names its documents and at least one student or one person never to mark', () => {
        for (const document of page.documents) {
          expect(existsSync(document.file), `${document.file} is missing`).toBe(true);
        }
        expect(page.students.length + page.nonStudents.length).toBeGreaterThan(0);
        for (const student of page.students) {
          expect(student.given.trim(), `${student.name}: given`).not.toBe('');
          expect(student.family.trim(), `${student.name}: family`).not.toBe('');
        }
      });

      const claimingAdapters = () => {
        const url = new URL(page.url);
        return PLATFORM_ADAPTERS.filter((adapter) => adapter.matchesUrl(url)).map(
          (adapter) => `${adapter.id} (${adapter.platform})`,
        );
      };
      if (PLATFORM_ADAPTERS.some((adapter) => adapter.platform === page.platform)) {
        it('its URL is claimed by exactly one adapter, of its own platform', () => {
          const claiming = claimingAdapters();
          expect(claiming, page.url).toHaveLength(1);
          expect(claiming[0]).toMatch(new RegExp(`\\(${page.platform}\\)$`));
        });
      } else {
        // A district's own site ('other'): no platform adapter may take it from the generic finder.
        it('its URL is claimed by no platform adapter', () => {
          expect(claimingAdapters(), page.url).toEqual([]);
        });
      }
    });
  }
});
