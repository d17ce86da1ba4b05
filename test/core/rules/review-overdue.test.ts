import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf, type MemoryTree } from '../../helpers/memoryHost';

const CODE = ['review-overdue'];

/** Audits as [id, type, date, status]. */
function audits(...list: [string, string, string, string][]): string {
  return 'audits:\n' + list.map(([id, type, date, status]) => `  - id: ${id}\n    type: ${type}\n    date: ${date}\n    status: ${status}\n`).join('');
}

function organization(cadence?: string): string {
  return `organization:\n  name: Acme Ltd\n${cadence ? `  reviewCadence: ${cadence}\n` : ''}`;
}

const STAGE1_DONE: [string, string, string, string] = ['AU-S1', 'stage-1', '2025-04-01', 'completed'];

/** Every review-overdue diagnostic of the workspace, with its file: there must be exactly one or none. */
function everywhere(tree: MemoryTree, today: string) {
  const ws = workspaceOf(tree, { today });
  return Object.keys(tree).flatMap((file) => summarize(ws, file, CODE).map((f) => ({ file, line: f.line, text: f.text })));
}

describe('rule review-overdue', () => {
  it('reports once, on the reviewCadence value, when no internal audit was completed within 12 months', () => {
    const tree = {
      'organization.isms.yaml': organization('annual'),
      'audits.isms.yaml': audits(STAGE1_DONE, ['AU-IA1', 'internal-audit', '2025-09-23', 'completed']),
    };
    assert.deepEqual(everywhere(tree, '2026-11-28'), [{ file: 'organization.isms.yaml', line: 3, text: 'annual' }]);
    const [d] = diagnosticsOf(workspaceOf(tree, { today: '2026-11-28' }), 'organization.isms.yaml', CODE);
    assert.match(d!.message, /^No internal audit has been completed in the last 12 months: the latest, AU-IA1, was on 2025-09-23, so the next was due by 2026-09-23 \(annual review cadence\)\./);
  });

  it('is on time exactly 12 calendar months after the last internal audit, overdue the day after', () => {
    const tree = { 'organization.isms.yaml': organization('annual'), 'audits.isms.yaml': audits(STAGE1_DONE, ['AU-IA1', 'internal-audit', '2025-11-28', 'completed']) };
    assert.deepEqual(everywhere(tree, '2026-11-28'), []);
    assert.deepEqual(everywhere(tree, '2026-11-29').length, 1);
  });

  it('uses 6 calendar months for a semiannual cadence', () => {
    const tree = { 'organization.isms.yaml': organization('semiannual'), 'audits.isms.yaml': audits(STAGE1_DONE, ['AU-IA1', 'internal-audit', '2026-05-28', 'completed']) };
    assert.deepEqual(everywhere(tree, '2026-11-28'), []);
    assert.deepEqual(everywhere(tree, '2026-11-29'), [{ file: 'organization.isms.yaml', line: 3, text: 'semiannual' }]);
    const [d] = diagnosticsOf(workspaceOf(tree, { today: '2026-11-29' }), 'organization.isms.yaml', CODE);
    assert.match(d!.message, /in the last 6 months: .* due by 2026-11-28 \(semiannual review cadence\)/);
  });

  it('clamps to the end of the month: 2026-05-31 + 6 months is 2026-11-30; 2028-02-29 + 12 months is 2029-02-28', () => {
    const endOfMonth = { 'organization.isms.yaml': organization('semiannual'), 'audits.isms.yaml': audits(STAGE1_DONE, ['AU-IA1', 'internal-audit', '2026-05-31', 'completed']) };
    assert.deepEqual(everywhere(endOfMonth, '2026-11-30'), []);
    assert.deepEqual(everywhere(endOfMonth, '2026-12-01').length, 1);
    const leap = { 'organization.isms.yaml': organization(), 'audits.isms.yaml': audits(STAGE1_DONE, ['AU-IA1', 'internal-audit', '2028-02-29', 'completed']) };
    assert.deepEqual(everywhere(leap, '2029-02-28'), []);
    assert.deepEqual(everywhere(leap, '2029-03-01').length, 1);
  });

  it("without a cadence, anchors on the latest internal audit's date (whichever file holds it)", () => {
    const tree = {
      'organization.isms.yaml': organization(),
      'a.isms.yaml': audits(STAGE1_DONE, ['AU-IA2', 'internal-audit', '2025-06-01', 'completed']),
      'b.isms.yaml': audits(['AU-IA1', 'internal-audit', '2024-06-01', 'completed']),
    };
    assert.deepEqual(everywhere(tree, '2026-11-28'), [{ file: 'a.isms.yaml', line: 8, text: '2025-06-01' }]);
    const [d] = diagnosticsOf(workspaceOf(tree, { today: '2026-11-28' }), 'a.isms.yaml', CODE);
    assert.match(d!.message, /\(annual review cadence, the default\)/);
  });

  it('without any internal audit, anchors on the audits key of the first file that has one', () => {
    const tree = {
      'organization.isms.yaml': organization(),
      'b-audits.isms.yaml': audits(STAGE1_DONE),
      'a-audits.isms.yaml': audits(['AU-MR', 'management-review', '2026-10-15', 'completed']),
    };
    assert.deepEqual(everywhere(tree, '2026-11-28'), [{ file: 'a-audits.isms.yaml', line: 1, text: 'audits' }]);
    const [d] = diagnosticsOf(workspaceOf(tree, { today: '2026-11-28' }), 'a-audits.isms.yaml', CODE);
    assert.match(d!.message, /^No internal audit has been completed, though the ISMS is past its stage 1 audit/);
  });

  it('does not count management reviews or planned internal audits', () => {
    const tree = {
      'organization.isms.yaml': organization('annual'),
      'audits.isms.yaml': audits(STAGE1_DONE, ['AU-MR', 'management-review', '2026-10-15', 'completed'], ['AU-IA', 'internal-audit', '2026-12-01', 'planned']),
    };
    assert.deepEqual(everywhere(tree, '2026-11-28'), [{ file: 'organization.isms.yaml', line: 3, text: 'annual' }]);
  });

  it('applies once a certificate exists, even without a stage 1 audit on record', () => {
    const tree = {
      'organization.isms.yaml': organization() + 'certificate:\n  issued: 2026-06-26\n  expires: 2029-06-25\n',
      'audits.isms.yaml': audits(['AU-IA1', 'internal-audit', '2025-01-10', 'completed']),
    };
    assert.deepEqual(everywhere(tree, '2026-11-28'), [{ file: 'audits.isms.yaml', line: 4, text: '2025-01-10' }]);
  });

  it('stays silent before the ISMS is past stage 1 or certified', () => {
    const tree = { 'organization.isms.yaml': organization('annual'), 'audits.isms.yaml': audits(['AU-S1', 'stage-1', '2026-12-01', 'planned']) };
    assert.deepEqual(everywhere(tree, '2026-11-28'), []);
  });
});
