import assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['implemented-without-evidence'];

/** An SoA with one entry for A.5.1, whose extra lines follow `applicable`. */
function soaWith(...lines: string[]): string {
  return ['soa:', '  controls:', '    - id: A.5.1', ...lines.map((l) => '      ' + l), ''].join('\n');
}

describe('rule implemented-without-evidence', () => {
  it('reports an implemented control without evidence on the status value', () => {
    const ws = workspaceOf({ 'soa.isms.yaml': soaWith('applicable: true', 'justification: Needed to direct the ISMS.', 'status: implemented') });
    assert.deepEqual(summarize(ws, 'soa.isms.yaml', CODE), [{ code: 'implemented-without-evidence', line: 6, text: 'implemented' }]);
    const [d] = diagnosticsOf(ws, 'soa.isms.yaml', CODE);
    assert.equal(d!.message, "A.5.1 is marked implemented but cites no evidence; auditors ask to see proof of every implemented control. List the evidence ids in 'evidence', or set status to partially-implemented or planned.");
    assert.deepEqual(d!.data, { controlId: 'A.5.1' });
  });

  it('counts an empty evidence list as no evidence', () => {
    const ws = workspaceOf({ 'soa.isms.yaml': soaWith('applicable: true', 'status: implemented', 'evidence: []') });
    assert.deepEqual(summarize(ws, 'soa.isms.yaml', CODE).map((f) => f.line), [5]);
  });

  it('stays silent when evidence is cited (even an id the register lacks: that is unknown-evidence)', () => {
    const ws = workspaceOf({ 'soa.isms.yaml': soaWith('applicable: true', 'status: implemented', 'evidence: [EV-404]') });
    assert.deepEqual(summarize(ws, 'soa.isms.yaml', CODE), []);
  });

  it('stays silent for other statuses and for excluded controls', () => {
    for (const status of ['planned', 'partially-implemented', 'not-implemented']) {
      const ws = workspaceOf({ 'soa.isms.yaml': soaWith('applicable: true', `status: ${status}`) });
      assert.deepEqual(summarize(ws, 'soa.isms.yaml', CODE), [], status);
    }
    const excluded = workspaceOf({ 'soa.isms.yaml': soaWith('applicable: false', 'status: implemented') });
    assert.deepEqual(summarize(excluded, 'soa.isms.yaml', CODE), []);
  });
});
