import assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['evidence-stale'];

function evidenceCollected(collected: string): string {
  return ['evidence:', '  - id: EV-007', '    title: Firewall rule review', '    link: https://example.com/review', `    collected: ${collected}`, ''].join('\n');
}

describe('rule evidence-stale', () => {
  it('reports evidence collected more than 365 days ago on the collected value', () => {
    const ws = workspaceOf({ 'evidence.isms.yaml': evidenceCollected('2025-06-01') }, { today: '2026-11-28' });
    assert.deepEqual(summarize(ws, 'evidence.isms.yaml', CODE), [{ code: 'evidence-stale', line: 5, text: '2025-06-01' }]);
    const [d] = diagnosticsOf(ws, 'evidence.isms.yaml', CODE);
    assert.equal(d!.message, "Evidence EV-007 was collected on 2025-06-01, 545 days ago; auditors expect evidence from the last 365 days. Collect it again and update 'collected'.");
    assert.deepEqual(d!.data, { id: 'EV-007', collected: '2025-06-01', ageDays: 545, maxAgeDays: 365 });
  });

  it('is not stale at exactly 365 days, and stale at 366', () => {
    // 2025-11-28 → 2026-11-28 is 365 days (no 29 February in between).
    assert.deepEqual(summarize(workspaceOf({ 'evidence.isms.yaml': evidenceCollected('2025-11-28') }, { today: '2026-11-28' }), 'evidence.isms.yaml', CODE), []);
    assert.deepEqual(summarize(workspaceOf({ 'evidence.isms.yaml': evidenceCollected('2025-11-27') }, { today: '2026-11-28' }), 'evidence.isms.yaml', CODE).length, 1);
  });

  it('counts calendar days across a leap year', () => {
    // 2023-03-01 → 2024-02-29 is 365 days; 2023-02-28 → 2024-02-29 is 366.
    assert.deepEqual(summarize(workspaceOf({ 'evidence.isms.yaml': evidenceCollected('2023-03-01') }, { today: '2024-02-29' }), 'evidence.isms.yaml', CODE), []);
    assert.equal(summarize(workspaceOf({ 'evidence.isms.yaml': evidenceCollected('2023-02-28') }, { today: '2024-02-29' }), 'evidence.isms.yaml', CODE).length, 1);
  });

  it('honours evidenceMaxAgeDays from isms.config.yaml', () => {
    const tree = { 'evidence.isms.yaml': evidenceCollected('2026-08-01'), 'isms.config.yaml': 'evidenceMaxAgeDays: 90\n' };
    const [d] = diagnosticsOf(workspaceOf(tree, { today: '2026-11-28' }), 'evidence.isms.yaml', CODE);
    assert.match(d!.message, /119 days ago; auditors expect evidence from the last 90 days/);
  });

  it('stays silent on recent, future, missing or malformed dates', () => {
    for (const collected of ['2026-11-01', '2027-01-01', '~', '2025-13-01', 'last year']) {
      assert.deepEqual(summarize(workspaceOf({ 'evidence.isms.yaml': evidenceCollected(collected) }), 'evidence.isms.yaml', CODE), [], collected);
    }
  });
});
