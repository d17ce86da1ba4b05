import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, uriOf, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['stage1-open-findings'];

function audits(stage2Status: string): string {
  return `audits:
  - id: AU-S1
    type: stage-1
    date: 2026-04-01
    status: completed
  - id: AU-S2
    type: stage-2
    date: 2026-06-09
    status: ${stage2Status}
`;
}

/** Findings as [id, audit, status]. */
function findings(...list: [string, string, string][]): string {
  return 'nonconformities:\n' + list.map(([id, audit, status]) => `  - id: ${id}
    audit: ${audit}
    severity: minor
    clause: "9.2"
    description: The internal audit programme does not cover all clauses.
    raised: 2026-04-02
    status: ${status}
`).join('');
}

describe('rule stage1-open-findings', () => {
  it("reports on the stage 2 audit's status value, in the audits file only", () => {
    const ws = workspaceOf({
      'audits.isms.yaml': audits('completed'),
      'nc.isms.yaml': findings(['NC-001', 'AU-S1', 'open'], ['NC-002', 'AU-S1', 'corrected'], ['NC-003', 'AU-S1', 'closed']),
    });
    assert.deepEqual(summarize(ws, 'audits.isms.yaml', CODE), [{ code: 'stage1-open-findings', line: 9, text: 'completed' }]);
    assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), []);
    const [d] = diagnosticsOf(ws, 'audits.isms.yaml', CODE);
    assert.match(d!.message, /^Stage 2 audit AU-S2 is completed while stage 1 findings NC-001 \(open\), NC-002 \(corrected\) are not closed\./);
    assert.deepEqual(d!.data, { id: 'AU-S2', findings: ['NC-001', 'NC-002'] });
    assert.deepEqual(d!.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]), [[uriOf('nc.isms.yaml'), 7], [uriOf('nc.isms.yaml'), 14]]);
  });

  it('names five open findings and links twenty, however many there are; every stage 2 audit is told', () => {
    const open = Array.from({ length: 40 }, (_, i) => [`NC-${String(i + 1).padStart(3, '0')}`, 'AU-S1', 'open'] as [string, string, string]);
    const twoStage2 = audits('completed') + '  - id: AU-S2B\n    type: stage-2\n    date: 2026-07-01\n    status: completed\n';
    const ws = workspaceOf({ 'audits.isms.yaml': twoStage2, 'nc.isms.yaml': findings(...open) });
    const found = diagnosticsOf(ws, 'audits.isms.yaml', CODE);
    assert.equal(found.length, 2);
    for (const d of found) {
      assert.match(d.message, /stage 1 findings NC-001 \(open\), NC-002 \(open\), NC-003 \(open\), NC-004 \(open\), NC-005 \(open\) and 35 more are not closed\./);
      assert.equal(d.relatedInformation?.length, 20);
      assert.equal((d.data as { findings: string[] }).findings.length, 20);
    }
  });

  it('stays silent when every stage 1 finding is closed', () => {
    const ws = workspaceOf({ 'audits.isms.yaml': audits('completed'), 'nc.isms.yaml': findings(['NC-001', 'AU-S1', 'closed']) });
    assert.deepEqual(summarize(ws, 'audits.isms.yaml', CODE), []);
  });

  it('stays silent while stage 2 is only planned', () => {
    const ws = workspaceOf({ 'audits.isms.yaml': audits('planned'), 'nc.isms.yaml': findings(['NC-001', 'AU-S1', 'open']) });
    assert.deepEqual(summarize(ws, 'audits.isms.yaml', CODE), []);
  });

  it('ignores open findings of other audits (stage 2 findings are certificate-open-findings)', () => {
    const ws = workspaceOf({ 'audits.isms.yaml': audits('completed'), 'nc.isms.yaml': findings(['NC-004', 'AU-S2', 'open'], ['NC-005', 'AU-404', 'open']) });
    assert.deepEqual(summarize(ws, 'audits.isms.yaml', CODE), []);
  });
});
