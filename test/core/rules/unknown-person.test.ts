import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, uriOf, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['unknown-person'];
const lines = (...rows: string[]): string => rows.join('\n') + '\n';

const PEOPLE = lines(
  'people:',
  '  - id: jane',
  '    name: Jane Doe',
  '  - id: alice',
  '    name: Alice Chen',
  '  - id: bob',
  '    name: Bob Diaz',
);

describe('rule unknown-person', () => {
  it('reports approvedBy, owner, verifiedBy and an internal auditor that are not in people', () => {
    const ws = workspaceOf({
      'people.isms.yaml': PEOPLE,
      'isms.isms.yaml': lines(
        'organization:', //                1
        '  name: Acme',
        '  approval:',
        '    approvedBy: janet', //        4
        '    date: 2026-01-15',
        'soa:',
        '  approvedBy: mallory', //        7
        '  controls:',
        '    - id: A.5.1',
        '      applicable: true',
        '      justification: Needed to direct the ISMS.',
        '      status: implemented',
        '      owner: bobb', //           13
        'audits:',
        '  - id: AU-1',
        '    type: internal-audit',
        '    date: 2026-09-01',
        '    status: completed',
        '    auditor: carol', //          19
        'nonconformities:',
        '  - id: NC-1',
        '    audit: AU-1',
        '    severity: minor',
        '    control: A.5.1',
        '    description: The policy has not been reviewed this year.',
        '    raised: 2026-09-02',
        '    status: open',
        '    owner: alice',
        '    verifiedBy: dave', //        29
      ),
    });
    assert.deepEqual(summarize(ws, 'isms.isms.yaml', CODE), [
      { code: 'unknown-person', line: 4, text: 'janet' },
      { code: 'unknown-person', line: 7, text: 'mallory' },
      { code: 'unknown-person', line: 13, text: 'bobb' },
      { code: 'unknown-person', line: 19, text: 'carol' },
      { code: 'unknown-person', line: 29, text: 'dave' },
    ]);
    const byId = new Map(diagnosticsOf(ws, 'isms.isms.yaml', CODE).map((d) => [(d.data as { id: string }).id, d]));
    const bobb = byId.get('bobb')!;
    assert.match(bobb.message, /No person with id 'bobb' is defined in people\. Did you mean 'bob'\?/);
    assert.deepEqual(bobb.data, { id: 'bobb', kind: 'person', suggestions: ['bob'] });
    assert.match(byId.get('janet')!.message, /Did you mean 'jane'/);
  });

  it('stays silent on people defined in another file, and on the free-text auditor of an external audit', () => {
    const ws = workspaceOf({
      'people.isms.yaml': PEOPLE,
      'isms.isms.yaml': lines(
        'organization:',
        '  name: Acme',
        '  approval:',
        '    approvedBy: jane',
        'audits:',
        '  - id: AU-S1',
        '    type: stage-1',
        '    date: 2026-04-01',
        '    status: completed',
        '    auditor: Example Certification Ltd',
        '  - id: AU-S2',
        '    type: stage-2',
        '    date: 2026-05-01',
        '    status: planned',
        '    auditor: certbody',
        '  - id: AU-1',
        '    type: internal-audit',
        '    date: 2026-09-01',
        '    status: completed',
        '    auditor: External Consultants LLP',
        'risks:',
        '  - id: R-1',
        '    title: Stolen laptop',
        '    likelihood: 3',
        '    impact: 4',
        '    treatment: mitigate',
        '    owner: alice',
      ),
    });
    assert.deepEqual(summarize(ws, 'isms.isms.yaml', CODE), []);
  });

  it('suggests for every citation of an unknown id, and again once people change', () => {
    const risks = lines(
      'risks:',
      '  - id: R-1', '    title: Stolen laptop', '    likelihood: 3', '    impact: 4', '    treatment: mitigate', '    owner: alise',
      '  - id: R-2', '    title: Lost badge', '    likelihood: 2', '    impact: 2', '    treatment: accept', '    owner: alise',
    );
    const ws = workspaceOf({ 'people.isms.yaml': PEOPLE, 'risks.isms.yaml': risks });
    const before = diagnosticsOf(ws, 'risks.isms.yaml', CODE).map((d) => (d.data as { suggestions: string[] }).suggestions);
    assert.deepEqual(before, [['alice'], ['alice']]);
    // Each finding carries its own list: one handed to a code action is not another's.
    assert.notEqual(before[0], before[1]);
    ws.setDocument(uriOf('people.isms.yaml'), PEOPLE + lines('  - id: alisa', '    name: Alisa Berg'), 2);
    const after = diagnosticsOf(ws, 'risks.isms.yaml', CODE).map((d) => (d.data as { suggestions: string[] }).suggestions);
    assert.deepEqual(after, [['alice', 'alisa'], ['alice', 'alisa']]);
  });

  it('leaves a number where a person id belongs to the schema', () => {
    const ws = workspaceOf({
      'people.isms.yaml': PEOPLE,
      'risks.isms.yaml': lines('risks:', '  - id: R-1', '    title: Stolen laptop', '    likelihood: 3', '    impact: 4', '    treatment: mitigate', '    owner: 42'),
    });
    assert.deepEqual(summarize(ws, 'risks.isms.yaml', [...CODE, 'schema']), [{ code: 'schema', line: 7, text: '42' }]);
  });
});
