import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf, type MemoryTree } from '../../helpers/memoryHost';

const CODE = ['surveillance-overdue'];

function certificate(issued: string, expires: string): string {
  return `organization:\n  name: Acme Ltd\n\ncertificate:\n  number: IS 000000\n  issued: ${issued}\n  expires: ${expires}\n`;
}

/** Audits as [id, type, date, status]. */
function audits(...list: [string, string, string, string][]): string {
  return 'audits:\n' + list.map(([id, type, date, status]) => `  - id: ${id}\n    type: ${type}\n    date: ${date}\n    status: ${status}\n`).join('');
}

function everywhere(tree: MemoryTree, today: string) {
  const ws = workspaceOf(tree, { today });
  return Object.keys(tree).flatMap((file) => summarize(ws, file, CODE).map((f) => ({ file, line: f.line, text: f.text })));
}

describe('rule surveillance-overdue', () => {
  const tree = {
    'cert.isms.yaml': certificate('2026-06-26', '2029-06-25'),
    'audits.isms.yaml': audits(
      ['AU-S2', 'stage-2', '2026-06-09', 'completed'],
      ['AU-SV1', 'surveillance', '2027-05-25', 'completed'],
      ['AU-SV2', 'surveillance', '2028-05-23', 'planned'],
    ),
  };

  it('reports once, on the certificate key, more than 12 months after the last completed external audit', () => {
    assert.deepEqual(everywhere(tree, '2028-06-01'), [{ file: 'cert.isms.yaml', line: 4, text: 'certificate' }]);
    const [d] = diagnosticsOf(workspaceOf(tree, { today: '2028-06-01' }), 'cert.isms.yaml', CODE);
    assert.match(d!.message, /^No surveillance audit is recorded for more than 12 months: the last external audit, surveillance audit AU-SV1, was completed on 2027-05-25, so the next was due by 2028-05-25\./);
    assert.deepEqual(d!.data, { lastExternalAudit: '2027-05-25', nextDue: '2028-05-25' });
  });

  it('is not overdue at exactly 12 calendar months, overdue the day after', () => {
    assert.deepEqual(everywhere(tree, '2028-05-25'), []);
    assert.deepEqual(everywhere(tree, '2028-05-26').length, 1);
  });

  it('counts from the issue date when it is later than the stage 2 audit', () => {
    const fresh = { 'cert.isms.yaml': certificate('2026-06-26', '2029-06-25'), 'audits.isms.yaml': audits(['AU-S2', 'stage-2', '2026-06-09', 'completed']) };
    assert.deepEqual(everywhere(fresh, '2027-06-26'), []);
    assert.deepEqual(everywhere(fresh, '2027-06-27').length, 1);
    assert.match(diagnosticsOf(workspaceOf(fresh, { today: '2027-06-27' }), 'cert.isms.yaml', CODE)[0]!.message, /the certificate was issued on 2026-06-26/);
  });

  it('counts a leap-day audit to the last day of February', () => {
    const leap = { 'cert.isms.yaml': certificate('2027-06-01', '2030-05-31'), 'audits.isms.yaml': audits(['AU-SV1', 'surveillance', '2028-02-29', 'completed']) };
    assert.deepEqual(everywhere(leap, '2029-02-28'), []);
    assert.deepEqual(everywhere(leap, '2029-03-01').length, 1);
  });

  it('does not count internal audits, management reviews or planned audits', () => {
    const internal = {
      'cert.isms.yaml': certificate('2026-06-26', '2029-06-25'),
      'audits.isms.yaml': audits(
        ['AU-IA', 'internal-audit', '2027-09-01', 'completed'],
        ['AU-MR', 'management-review', '2027-10-01', 'completed'],
        ['AU-SV1', 'surveillance', '2027-06-01', 'planned'],
      ),
    };
    assert.deepEqual(everywhere(internal, '2027-11-28').length, 1);
  });

  it('stays silent for an expired certificate (certificate-expired) and without a certificate', () => {
    const expired = { 'cert.isms.yaml': certificate('2023-06-26', '2026-06-25'), 'audits.isms.yaml': audits(['AU-S2', 'stage-2', '2023-06-09', 'completed']) };
    assert.deepEqual(everywhere(expired, '2026-06-26'), []);
    // On the expiry date the certificate is still valid, and overdue.
    assert.deepEqual(everywhere(expired, '2026-06-25').length, 1);
    assert.deepEqual(everywhere({ 'audits.isms.yaml': audits(['AU-S2', 'stage-2', '2023-06-09', 'completed']) }, '2026-11-28'), []);
  });
});
