import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['auditor-not-accredited'];

function check(body: string) {
  const ws = workspaceOf({ 'org.isms.yaml': `organization:\n  name: Acme Ltd\n\ncertificationBody:\n  name: Cheap Certs Ltd\n${body}` });
  return { ws, found: summarize(ws, 'org.isms.yaml', CODE) };
}

describe('rule auditor-not-accredited', () => {
  it('reports an empty accreditation value', () => {
    const { ws, found } = check('  accreditation: ""\n');
    assert.deepEqual(found, [{ code: 'auditor-not-accredited', line: 6, text: '""' }]);
    assert.match(diagnosticsOf(ws, 'org.isms.yaml', CODE)[0]!.message, /^The certification body Cheap Certs Ltd has no accreditation recorded\. .*in accreditation/);
  });

  it('reports `accreditation:` with no value on its key (the value has no width)', () => {
    assert.deepEqual(check('  accreditation:\n  accreditationNumber: "0000"\n').found, [{ code: 'auditor-not-accredited', line: 6, text: 'accreditation' }]);
  });

  it('reports a missing accreditation on the certificationBody key', () => {
    assert.deepEqual(check('').found, [{ code: 'auditor-not-accredited', line: 4, text: 'certificationBody' }]);
  });

  it('stays silent when the accreditation body is named, and without a certificationBody', () => {
    assert.deepEqual(check('  accreditation: UKAS\n').found, []);
    assert.deepEqual(summarize(workspaceOf({ 'org.isms.yaml': 'organization:\n  name: Acme Ltd\n' }), 'org.isms.yaml', CODE), []);
  });
});
