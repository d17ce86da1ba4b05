import * as assert from 'node:assert/strict';
import { MAX_FILE_BYTES } from '../../../server/src/core/parse/ismsFile';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['yaml-syntax'];
const FILE = 'a.isms.yaml';
const lines = (...rows: string[]): string => rows.join('\n') + '\n';

describe('rule yaml-syntax', () => {
  it('reports an unclosed flow sequence on the last character written, not past the end', () => {
    const ws = workspaceOf({ [FILE]: lines('organization:', '  name: Acme', 'people: [alice, bob') });
    assert.deepEqual(summarize(ws, FILE, CODE), [{ code: 'yaml-syntax', line: 3, text: 'b' }]);
    assert.match(diagnosticsOf(ws, FILE, CODE)[0]!.message, /Flow sequence.*\]/);
  });

  it('reports a duplicate key on the whole second key, not the first', () => {
    const ws = workspaceOf({ [FILE]: lines('organization:', '  name: Acme', '  reviewCadence: annual', '  name: Acme Ltd') });
    assert.deepEqual(summarize(ws, FILE, CODE), [{ code: 'yaml-syntax', line: 4, text: 'name' }]);
    assert.match(diagnosticsOf(ws, FILE, CODE)[0]!.message, /appears twice/);
  });

  it('reports a second document on its `---` line', () => {
    const ws = workspaceOf({ [FILE]: lines('isms: 1', 'organization:', '  name: Acme', '---', 'people: []') });
    assert.deepEqual(summarize(ws, FILE, CODE), [{ code: 'yaml-syntax', line: 4, text: '---' }]);
    assert.match(diagnosticsOf(ws, FILE, CODE)[0]!.message, /one YAML document/);
  });

  it('stops an alias bomb quickly with one diagnostic on the first alias, and no schema noise', () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    let previous = 'a';
    for (const name of 'bcdefghi') {
      rows.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
      previous = name;
    }
    const started = Date.now();
    const ws = workspaceOf({ [FILE]: lines(...rows) });
    const all = summarize(ws, FILE);
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    assert.deepEqual(all, [{ code: 'yaml-syntax', line: 2, text: '*a' }]);
    assert.match(diagnosticsOf(ws, FILE)[0]!.message, /alias bomb/);
  });

  it('reports an alias without an anchor as such, not as an alias bomb', () => {
    const ws = workspaceOf({ [FILE]: lines('organization:', '  name: *acme') });
    assert.deepEqual(summarize(ws, FILE, CODE), [{ code: 'yaml-syntax', line: 2, text: '*acme' }]);
    assert.match(diagnosticsOf(ws, FILE, CODE)[0]!.message, /no anchor '&acme'/);
  });

  it('reports a custom tag on the tag', () => {
    const ws = workspaceOf({ [FILE]: lines('organization:', '  name: !vault Acme') });
    assert.deepEqual(summarize(ws, FILE, CODE), [{ code: 'yaml-syntax', line: 2, text: '!vault' }]);
    assert.match(diagnosticsOf(ws, FILE, CODE)[0]!.message, /Custom YAML tags/);
  });

  it('gives a file above the size limit exactly one diagnostic and checks nothing else', () => {
    const text = lines('isms: 2', 'people: [unclosed', '# padding') + '#'.repeat(MAX_FILE_BYTES);
    const ws = workspaceOf({ [FILE]: text });
    const all = diagnosticsOf(ws, FILE);
    assert.equal(all.length, 1, JSON.stringify(all));
    assert.equal(all[0]!.code, 'yaml-syntax');
    assert.equal(all[0]!.range.start.line, 0);
    assert.match(all[0]!.message, /MB limit/);
  });

  it('stays silent on well-formed YAML, anchors and aliases included', () => {
    const ws = workspaceOf({
      [FILE]: lines(
        'organization:',
        '  name: Acme',
        'people:',
        '  - &jane',
        '    id: jane',
        '    name: Jane Doe',
        'scope:',
        '  statement: "Design and operation of the platform: London office"',
        '  locations: &places [London HQ]',
        '  systems: *places',
      ),
    });
    assert.deepEqual(summarize(ws, FILE, CODE), []);
  });
});
