import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, uriOf, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['excluded-control-referenced'];

const SOA = `soa:
  controls:
    - id: A.7.4
      applicable: false
      justification: No premises in scope; the company is fully remote.
    - id: A.8.1
      applicable: true
      justification: Laptops hold customer data.
      status: implemented
`;

const REGISTERS = `risks:
  - id: R-001
    title: Stolen laptop exposes customer data
    likelihood: 3
    impact: 4
    treatment: mitigate
    controls: [A.8.1, A.7.4, A.8.24]

nonconformities:
  - id: NC-002
    severity: minor
    control: A.7.4
    description: Visitors are not escorted in the server room.
    raised: 2026-04-02
    status: open
`;

describe('rule excluded-control-referenced', () => {
  it("reports a risk's and a nonconformity's citation of an excluded control, in their own file", () => {
    const ws = workspaceOf({ 'soa.isms.yaml': SOA, 'registers.isms.yaml': REGISTERS });
    assert.deepEqual(summarize(ws, 'registers.isms.yaml', CODE), [
      { code: 'excluded-control-referenced', line: 7, text: 'A.7.4' },
      { code: 'excluded-control-referenced', line: 12, text: 'A.7.4' },
    ]);
    // Nothing in the SoA's own file: the problem shows where the control is cited.
    assert.deepEqual(summarize(ws, 'soa.isms.yaml', CODE), []);
  });

  it('explains the conflict and points at the SoA entry', () => {
    const ws = workspaceOf({ 'soa.isms.yaml': SOA, 'registers.isms.yaml': REGISTERS });
    const [risk, nc] = diagnosticsOf(ws, 'registers.isms.yaml', CODE);
    assert.match(risk!.message, /^Risk R-001 is treated with A\.7\.4, which the SoA marks as not applicable\./);
    assert.match(nc!.message, /^Nonconformity NC-002 is raised against A\.7\.4, which the SoA marks as not applicable\./);
    assert.deepEqual(risk!.data, { controlId: 'A.7.4' });
    assert.equal(risk!.relatedInformation?.[0]?.location.uri, uriOf('soa.isms.yaml'));
    assert.equal(risk!.relatedInformation?.[0]?.location.range.start.line, 3);
  });

  it('stays silent for applicable controls and for controls the SoA does not list', () => {
    const ws = workspaceOf({ 'soa.isms.yaml': SOA.replace('applicable: false', 'applicable: true'), 'registers.isms.yaml': REGISTERS });
    assert.deepEqual(summarize(ws, 'registers.isms.yaml', CODE), []);
    assert.deepEqual(summarize(workspaceOf({ 'registers.isms.yaml': REGISTERS }), 'registers.isms.yaml', CODE), []);
  });
});
