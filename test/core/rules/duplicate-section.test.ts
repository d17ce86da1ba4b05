import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, uriOf, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['duplicate-section'];
const lines = (...rows: string[]): string => rows.join('\n') + '\n';

describe('rule duplicate-section', () => {
  const tree = {
    'a.isms.yaml': lines('soa:', '  controls: []'),
    'b.isms.yaml': lines('organization:', '  name: Acme', '', 'soa:', '  revision: 2'),
  };

  it('reports both definitions of a singleton section, each naming the other file and line', () => {
    const ws = workspaceOf(tree);
    assert.deepEqual(summarize(ws, 'a.isms.yaml', CODE), [{ code: 'duplicate-section', line: 1, text: 'soa' }]);
    assert.deepEqual(summarize(ws, 'b.isms.yaml', CODE), [{ code: 'duplicate-section', line: 4, text: 'soa' }]);
    const [inA] = diagnosticsOf(ws, 'a.isms.yaml', CODE);
    const [inB] = diagnosticsOf(ws, 'b.isms.yaml', CODE);
    assert.match(inA!.message, /b\.isms\.yaml line 4/);
    assert.match(inB!.message, /a\.isms\.yaml line 1/);
    assert.equal(inA!.relatedInformation?.[0]?.location.uri, uriOf('b.isms.yaml'));
    assert.equal(inA!.relatedInformation?.[0]?.location.range.start.line, 3);
    assert.equal(inB!.relatedInformation?.[0]?.location.uri, uriOf('a.isms.yaml'));
  });

  it('names at most five other files and links twenty', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`s${String(i).padStart(2, '0')}.isms.yaml`, lines('soa:', '  controls: []')]));
    const [d] = diagnosticsOf(workspaceOf(many), 's00.isms.yaml', CODE);
    assert.match(d!.message, /also defined in s01\.isms\.yaml line 1, s02\.isms\.yaml line 1, s03\.isms\.yaml line 1, s04\.isms\.yaml line 1, s05\.isms\.yaml line 1 and 24 more places\./);
    assert.equal(d!.relatedInformation?.length, 20);
  });

  it('stays silent for one definition per singleton, and for list sections in several files', () => {
    const ws = workspaceOf({
      'a.isms.yaml': lines('soa:', '  controls: []', 'people:', '  - id: jane', '    name: Jane Doe'),
      'b.isms.yaml': lines('organization:', '  name: Acme', 'people:', '  - id: bob', '    name: Bob Diaz'),
    });
    assert.deepEqual(summarize(ws, 'a.isms.yaml', CODE), []);
    assert.deepEqual(summarize(ws, 'b.isms.yaml', CODE), []);
  });

  it('leaves a section written twice in one file to yaml-syntax (a duplicate key)', () => {
    const ws = workspaceOf({ 'a.isms.yaml': lines('soa:', '  controls: []', 'organization:', '  name: Acme', 'soa:', '  revision: 2') });
    assert.deepEqual(summarize(ws, 'a.isms.yaml', [...CODE, 'yaml-syntax']), [{ code: 'yaml-syntax', line: 5, text: 'soa' }]);
  });
});
