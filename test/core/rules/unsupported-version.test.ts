import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['unsupported-version'];
const FILE = 'a.isms.yaml';
const lines = (...rows: string[]): string => rows.join('\n') + '\n';

describe('rule unsupported-version', () => {
  it('reports `isms: 2` on the value', () => {
    const ws = workspaceOf({ [FILE]: lines('# the ISMS', 'isms: 2', 'organization:', '  name: Acme') });
    assert.deepEqual(summarize(ws, FILE, CODE), [{ code: 'unsupported-version', line: 2, text: '2' }]);
    assert.match(diagnosticsOf(ws, FILE, CODE)[0]!.message, /version '2'.*only version 1/);
  });

  it('reports an empty `isms:` on the key', () => {
    const ws = workspaceOf({ [FILE]: lines('isms:', 'organization:', '  name: Acme') });
    assert.deepEqual(summarize(ws, FILE, CODE), [{ code: 'unsupported-version', line: 1, text: 'isms' }]);
    assert.match(diagnosticsOf(ws, FILE, CODE)[0]!.message, /empty/);
  });

  it('reports a quoted "1" as text, not the number 1', () => {
    const ws = workspaceOf({ [FILE]: lines('isms: "1"') });
    assert.deepEqual(summarize(ws, FILE, CODE), [{ code: 'unsupported-version', line: 1, text: '"1"' }]);
    assert.match(diagnosticsOf(ws, FILE, CODE)[0]!.message, /without quotes/);
  });

  it('reports a list on the list, and the schema does not repeat it', () => {
    const ws = workspaceOf({ [FILE]: lines('isms: [1]') });
    assert.deepEqual(summarize(ws, FILE, [...CODE, 'schema']), [{ code: 'unsupported-version', line: 1, text: '[1]' }]);
  });

  it('stays silent on `isms: 1` and on a file without `isms:`', () => {
    const ws = workspaceOf({ [FILE]: lines('isms: 1', 'organization:', '  name: Acme'), 'b.isms.yaml': lines('people: []') });
    assert.deepEqual(summarize(ws, FILE, CODE), []);
    assert.deepEqual(summarize(ws, 'b.isms.yaml', CODE), []);
  });
});
