import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { readSuppressions } from '../../server/src/core/diagnostics/suppression';
import { diagnosticsOf, summarize, workspaceOf, type MemoryTree } from '../helpers/memoryHost';

/**
 * A nonconformity owned and verified by bob, who is not in `people`: line 8 (`owner`)
 * has unknown-person, line 9 (`verifiedBy`) has unknown-person and role-conflict.
 * `trailing` maps a 1-based line to a comment appended to it; `before` to a comment line
 * inserted above it (which shifts the following lines down by one).
 */
function nonconformity(trailing: Record<number, string> = {}, before: Record<number, string> = {}): string {
  const lines = [
    'nonconformities:',
    '  - id: NC-001',
    '    severity: minor',
    '    control: A.5.15',
    '    description: Access reviews are not performed for production systems.',
    '    raised: 2026-04-02',
    '    status: open',
    '    owner: bob',
    '    verifiedBy: bob',
  ];
  const out: string[] = [];
  lines.forEach((line, i) => {
    const n = i + 1;
    if (before[n] !== undefined) out.push('    ' + before[n]);
    out.push(trailing[n] !== undefined ? `${line} ${trailing[n]}` : line);
  });
  return out.join('\n') + '\n';
}

const FILE = 'nc.isms.yaml';
const codesOf = (tree: MemoryTree, options: { cli?: boolean } = {}) => summarize(workspaceOf(tree, options), FILE).map((f) => `${f.line} ${f.code}`);

describe('suppression comments', () => {
  it('without comments, the fixture reports what the tests below silence', () => {
    assert.deepEqual(codesOf({ [FILE]: nonconformity() }), ['8 unknown-person', '9 role-conflict', '9 unknown-person']);
  });

  it('# isms-disable-line CODE silences that code on its own line only', () => {
    const tree = { [FILE]: nonconformity({ 9: '# isms-disable-line role-conflict' }) };
    assert.deepEqual(codesOf(tree), ['8 unknown-person', '9 unknown-person']);
  });

  it('# isms-disable-next-line CODE, CODE2 -- reason on a line of its own silences both on the next line', () => {
    const tree = { [FILE]: nonconformity({}, { 9: '# isms-disable-next-line role-conflict, unknown-person -- bob is external; approved by the board' }) };
    assert.deepEqual(codesOf(tree), ['8 unknown-person']);
  });

  it('# isms-disable-next-line works as a trailing comment too', () => {
    const tree = { [FILE]: nonconformity({ 8: '# isms-disable-next-line role-conflict' }) };
    assert.deepEqual(codesOf(tree), ['8 unknown-person', '9 unknown-person']);
  });

  it('silences diagnostics by the line they start on (a block scalar starts at its indicator)', () => {
    const scope = 'scope:\n  statement: > # isms-disable-line placeholder-text\n    TBD\n';
    assert.deepEqual(summarize(workspaceOf({ 'scope.isms.yaml': scope }), 'scope.isms.yaml'), []);
  });

  it('a comment without codes is no suppression (and is not reported)', () => {
    for (const comment of ['# isms-disable-line', '# isms-disable-line -- just because', '#isms-disable-line   ']) {
      const tree = { [FILE]: nonconformity({ 9: comment }) };
      assert.deepEqual(codesOf(tree), ['8 unknown-person', '9 role-conflict', '9 unknown-person'], comment);
    }
    assert.deepEqual(readSuppressions('a: 1 # isms-disable-line -- reason\n'), []);
  });

  it('reports a code that silences nothing as unused-suppression on the comment, a hint in the editor', () => {
    const tree = { [FILE]: nonconformity({}, { 8: '# isms-disable-next-line role-conflict -- wrong line' }) };
    const ws = workspaceOf(tree);
    assert.deepEqual(summarize(ws, FILE), [
      { code: 'unused-suppression', line: 8, text: '# isms-disable-next-line role-conflict -- wrong line' },
      { code: 'unknown-person', line: 9, text: 'bob' },
      { code: 'role-conflict', line: 10, text: 'bob' },
      { code: 'unknown-person', line: 10, text: 'bob' },
    ]);
    const [unused] = diagnosticsOf(ws, FILE, ['unused-suppression']);
    assert.equal(unused!.severity, DiagnosticSeverity.Hint);
    assert.equal(unused!.source, 'isms');
    assert.equal(unused!.message, "Nothing on line 9 reports 'role-conflict', so this suppression is not needed. Remove it (or the code) from the comment.");
    assert.deepEqual(unused!.data, { suppressedCode: 'role-conflict' });
  });

  it('is a warning in the CLI', () => {
    const tree = { [FILE]: nonconformity({ 7: '# isms-disable-line role-conflict' }) };
    const [unused] = diagnosticsOf(workspaceOf(tree, { cli: true }), FILE, ['unused-suppression']);
    assert.equal(unused!.severity, DiagnosticSeverity.Warning);
  });

  it('reports an unknown code as unused-suppression, and still applies the known ones', () => {
    const tree = { [FILE]: nonconformity({ 9: '# isms-disable-line role-conflict, role-conflcit' }) };
    const ws = workspaceOf(tree);
    assert.deepEqual(codesOf(tree), ['8 unknown-person', '9 unknown-person', '9 unused-suppression']);
    const [unused] = diagnosticsOf(ws, FILE, ['unused-suppression']);
    assert.equal(unused!.message, "'role-conflcit' is not a rule code that can be suppressed, so this comment silences nothing. Check the spelling or remove it.");
    assert.deepEqual(unused!.data, { suppressedCode: 'role-conflcit' });
  });

  it('reports each unused code of a comment separately', () => {
    const tree = { [FILE]: nonconformity({ 7: '# isms-disable-line role-conflict, evidence-stale' }) };
    const ws = workspaceOf(tree);
    assert.deepEqual(diagnosticsOf(ws, FILE, ['unused-suppression']).map((d) => d.data), [{ suppressedCode: 'role-conflict' }, { suppressedCode: 'evidence-stale' }]);
  });

  it('unused-suppression cannot itself be suppressed', () => {
    const tree = { [FILE]: nonconformity({ 9: '# isms-disable-line role-conflict, no-such-rule' }, { 9: '# isms-disable-next-line unused-suppression' }) };
    assert.deepEqual(codesOf(tree), [
      '8 unknown-person',
      '9 unused-suppression', // naming unused-suppression silences nothing, and says so
      '10 unknown-person',
      '10 unused-suppression', // no-such-rule, still reported
    ]);
  });

  it('does not call a suppression of a rule switched off in isms.config.yaml unused', () => {
    const tree = { [FILE]: nonconformity({ 7: '# isms-disable-line role-conflict' }), 'isms.config.yaml': 'rules:\n  role-conflict: off\n' };
    assert.deepEqual(codesOf(tree), ['8 unknown-person', '9 unknown-person']);
  });

  it('unused-suppression follows its own severity setting, including off', () => {
    const comment = { 7: '# isms-disable-line role-conflict' };
    const off = { [FILE]: nonconformity(comment), 'isms.config.yaml': 'rules:\n  unused-suppression: off\n' };
    assert.deepEqual(codesOf(off), ['8 unknown-person', '9 role-conflict', '9 unknown-person']);
    const error = { [FILE]: nonconformity(comment), 'isms.config.yaml': 'rules:\n  unused-suppression: error\n' };
    assert.equal(diagnosticsOf(workspaceOf(error), FILE, ['unused-suppression'])[0]!.severity, DiagnosticSeverity.Error);
  });

  it('works with CRLF line endings', () => {
    const tree = { [FILE]: nonconformity({ 9: '# isms-disable-line role-conflict, unknown-person' }).replace(/\n/g, '\r\n') };
    assert.deepEqual(codesOf(tree), ['8 unknown-person']);
  });
});

describe('suppression comments are real YAML comments only', () => {
  it('ignores the words inside a quoted value or a block scalar body', () => {
    const ws = workspaceOf({
      'people.isms.yaml': [
        'people:',
        '  - id: ann',
        '    name: "Ann # isms-disable-line schema"',
        '    email: ann@example.com',
        '    roles: [isms-manager]',
        'scope:',
        '  statement: |',
        '    The whole platform # isms-disable-line placeholder-text',
        '  dataCategories: [customer-personal-data]',
        '',
      ].join('\n'),
    });
    assert.deepEqual(summarize(ws, 'people.isms.yaml', ['unused-suppression']), []);
  });

  it('ends the codes at the reason marker and at another comment', () => {
    const ws = workspaceOf({
      'x.isms.yaml': 'isms: 2 # isms-disable-line unsupported-version --because # and a remark\n',
    });
    assert.deepEqual(summarize(ws, 'x.isms.yaml'), []);
  });
});
