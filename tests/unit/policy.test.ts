import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANAGED_SCHEMA_PATH, managedSchemaText } from '../../lib/settings/managed-schema-file';
import { managedSchema, parsePolicy } from '../../lib/settings/policy';

const root = resolve(import.meta.dirname, '../..');
const CHROME_TYPES = new Set(['string', 'integer', 'number', 'boolean', 'array', 'object']);

type Node = Record<string, unknown>;

/** Every schema node with its path: the root, each property and each items schema. */
function nodes(node: Node, path = '(root)'): [string, Node][] {
  const found: [string, Node][] = [[path, node]];
  for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Node>)) {
    found.push(...nodes(child, `${path}.${key}`));
  }
  if (node.items) found.push(...nodes(node.items as Node, `${path}[]`));
  return found;
}

describe('managed policy schema (Chrome’s draft-03 subset)', () => {
  const schema = managedSchema();

  it('is a top-level object without top-level additionalProperties', () => {
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    expect(schema).not.toHaveProperty('$schema');
  });

  it('has exactly one type or $ref on every node, and only types Chrome knows', () => {
    for (const [path, node] of nodes(schema)) {
      const hasType = 'type' in node;
      const hasRef = '$ref' in node;
      expect(hasType !== hasRef, `${path} needs exactly one of type/$ref`).toBe(true);
      if (hasType)
        expect(CHROME_TYPES.has(node.type as string), `${path}: ${node.type}`).toBe(true);
      expect(Object.keys(node).every((k) => typeof k === 'string')).toBe(true);
    }
  });

  it('covers every key the district can set', () => {
    expect(Object.keys(schema.properties as Node).sort()).toEqual(
      [
        'accessLogEnabled',
        'allowedSites',
        'defaultLanguage',
        'feedAuth',
        'feedToken',
        'feedUrl',
        'idleHideMinutes',
        'logEndpoint',
        'maxFeedAgeHours',
        'quickLogEnabled',
        'refreshMinutes',
        'retentionDays',
        'showPlanType',
        'wipeToken',
      ].sort(),
    );
  });

  it('the shipped file is current (run `npm run schema` after changing the policy)', () => {
    expect(readFileSync(resolve(root, MANAGED_SCHEMA_PATH), 'utf8')).toBe(managedSchemaText());
  });
});

describe('parsePolicy', () => {
  it('accepts an empty policy and a full one', () => {
    expect(parsePolicy(undefined)).toEqual({ ok: true, policy: {} });
    const full = parsePolicy({
      feedUrl: 'https://sis.district.invalid/plainsight/{email}.json',
      feedAuth: 'bearer',
      feedToken: 'abc',
      allowedSites: [{ host: 'district.instructure.com', platform: 'canvas' }],
      refreshMinutes: 30,
      maxFeedAgeHours: 72,
      idleHideMinutes: 10,
      showPlanType: false,
      defaultLanguage: 'es',
    });
    expect(full.ok).toBe(true);
  });

  it('fails closed with the exact problem for invalid or contradictory values', () => {
    const result = parsePolicy({ feedUrl: 'http://insecure.invalid/feed', feedAuth: 'bearer' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.path).sort()).toEqual(['feedToken', 'feedUrl']);
    }
  });
});
