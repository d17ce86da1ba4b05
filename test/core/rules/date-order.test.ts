import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['date-order'];

function audit(date: string, status = 'completed'): string {
  return `audits:
  - id: AU-2026-S1
    type: stage-1
    date: ${date}
    status: ${status}
`;
}

function finding(raised: string, due: string): string {
  return `nonconformities:
  - id: NC-010
    audit: AU-2026-S1
    severity: minor
    clause: "7.5"
    description: Documented information is not version controlled.
    raised: ${raised}
    due: ${due}
    status: open
`;
}

function certificate(issued: string, expires: string): string {
  return `certificate:
  number: IS 000000
  issued: ${issued}
  expires: ${expires}
`;
}

describe('rule date-order', () => {
  describe('a nonconformity due before it was raised', () => {
    it('is reported on the due value', () => {
      const ws = workspaceOf({ 'audits.isms.yaml': audit('2026-09-01'), 'nc.isms.yaml': finding('2026-09-20', '2026-09-01') });
      assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), [{ code: 'date-order', line: 8, text: '2026-09-01' }]);
      assert.match(diagnosticsOf(ws, 'nc.isms.yaml', CODE)[0]!.message, /^Minor nonconformity NC-010 is due on 2026-09-01, before it was raised on 2026-09-20\./);
    });

    it('is fine when due on the day it was raised', () => {
      const ws = workspaceOf({ 'audits.isms.yaml': audit('2026-09-01'), 'nc.isms.yaml': finding('2026-09-20', '2026-09-20') });
      assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), []);
    });
  });

  describe('a nonconformity raised before its audit', () => {
    it('is reported on the raised value, in the nonconformity file, with the audit date as related', () => {
      const ws = workspaceOf({ 'audits.isms.yaml': audit('2026-04-01'), 'nc.isms.yaml': finding('2026-03-30', '2026-05-01') });
      assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), [{ code: 'date-order', line: 7, text: '2026-03-30' }]);
      assert.deepEqual(summarize(ws, 'audits.isms.yaml', CODE), []);
      const [d] = diagnosticsOf(ws, 'nc.isms.yaml', CODE);
      assert.match(d!.message, /raised on 2026-03-30, before stage 1 audit AU-2026-S1 took place on 2026-04-01\./);
      assert.equal(d!.relatedInformation?.[0]?.location.range.start.line, 3);
    });

    it('is fine when raised on the day of the audit', () => {
      const ws = workspaceOf({ 'audits.isms.yaml': audit('2026-04-01'), 'nc.isms.yaml': finding('2026-04-01', '2026-05-01') });
      assert.deepEqual(summarize(ws, 'nc.isms.yaml', CODE), []);
    });
  });

  describe('a certificate that expires on or before its issue date', () => {
    it('is reported on the expires value', () => {
      const before = workspaceOf({ 'cert.isms.yaml': certificate('2026-06-01', '2026-05-31') });
      assert.deepEqual(summarize(before, 'cert.isms.yaml', CODE), [{ code: 'date-order', line: 4, text: '2026-05-31' }]);
      const same = workspaceOf({ 'cert.isms.yaml': certificate('2026-06-01', '2026-06-01') });
      assert.deepEqual(summarize(same, 'cert.isms.yaml', CODE), [{ code: 'date-order', line: 4, text: '2026-06-01' }]);
      assert.match(diagnosticsOf(same, 'cert.isms.yaml', CODE)[0]!.message, /expires on 2026-06-01, on the day it was issued\./);
    });

    it('is fine when it expires the day after', () => {
      assert.deepEqual(summarize(workspaceOf({ 'cert.isms.yaml': certificate('2026-06-01', '2026-06-02') }), 'cert.isms.yaml', CODE), []);
    });
  });

  describe('an audit completed in the future', () => {
    it('is reported on the date value', () => {
      const ws = workspaceOf({ 'audits.isms.yaml': audit('2026-11-29') }, { today: '2026-11-28' });
      assert.deepEqual(summarize(ws, 'audits.isms.yaml', CODE), [{ code: 'date-order', line: 4, text: '2026-11-29' }]);
      assert.match(diagnosticsOf(ws, 'audits.isms.yaml', CODE)[0]!.message, /^The stage 1 audit AU-2026-S1 is marked completed but is dated 2026-11-29, after today\./);
    });

    it('is fine when completed today, or planned in the future', () => {
      assert.deepEqual(summarize(workspaceOf({ 'audits.isms.yaml': audit('2026-11-28') }, { today: '2026-11-28' }), 'audits.isms.yaml', CODE), []);
      assert.deepEqual(summarize(workspaceOf({ 'audits.isms.yaml': audit('2027-05-01', 'planned') }, { today: '2026-11-28' }), 'audits.isms.yaml', CODE), []);
    });
  });
});
