import { describe, expect, it } from 'vitest';
import type { Workspace } from '@monspec/metrics-spec';
import { teamFolder } from './org-grafana.js';

const org: Workspace['org'] = { name: 'Acme', receiver: { name: 'org-oncall', email: 'sre@example.com' }, grafana: { folders: { payments: 'Payments' } } };

describe('teamFolder', () => {
  it("is the org's folder of a listed team, and none for another", () => {
    expect(teamFolder(org, 'payments')).toBe('Payments');
    expect(teamFolder(org, 'billing')).toBeUndefined();
    expect(teamFolder({ ...org, grafana: {} }, 'payments')).toBeUndefined();
  });

  it("reads only the workspace's own keys: a team called constructor or __proto__ has no folder unless listed", () => {
    expect(teamFolder(org, 'constructor')).toBeUndefined();
    expect(teamFolder(org, '__proto__')).toBeUndefined();
    expect(teamFolder(org, 'toString')).toBeUndefined();
  });
});
