import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { getDocumentSymbols, getWorkspaceSymbols, MAX_WORKSPACE_SYMBOLS } from '../../../server/src/core/features/symbols';
import { uriOf, workspaceOf, type MemoryTree } from '../../helpers/memoryHost';
import { TREE } from './navigationFixtures';

const ACME = path.resolve(__dirname, '../../../examples/acme');

/** The example ISMS's files, in memory. */
function acmeTree(): MemoryTree {
  const tree: MemoryTree = {};
  for (const name of fs.readdirSync(ACME)) if (name.endsWith('.isms.yaml')) tree[name] = fs.readFileSync(path.join(ACME, name), 'utf8');
  return tree;
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** Every symbol's selection range lies in its range, and every child in its parent (VS Code rejects the outline otherwise). */
function assertWellFormed(symbols: readonly DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const s of symbols) {
    assert.ok(s.name.trim() !== '', 'empty name');
    assert.ok(contains(s.range, s.selectionRange), `${s.name}: selection outside range`);
    if (parent) assert.ok(contains(parent.range, s.range), `${s.name}: outside ${parent.name}`);
    assertWellFormed(s.children ?? [], s);
  }
}

describe('document symbols (outline)', () => {
  const ws = workspaceOf(acmeTree());

  it('lists the SoA entries with control titles, applicability and status', () => {
    const symbols = getDocumentSymbols(ws, uriOf('soa.isms.yaml'));
    assert.deepEqual(symbols.map((s) => s.name), ['isms', 'soa']);
    const soa = symbols[1]!;
    assert.equal(soa.detail, 'revision 4');
    assert.equal(soa.children!.length, 93);
    assert.deepEqual(pick(soa.children![0]!), { name: 'A.5.1 Policies for information security', detail: 'applicable · implemented', kind: SymbolKind.EnumMember, line: 31 });
    const excluded = soa.children!.find((c) => c.name.startsWith('A.7.6 '))!;
    assert.equal(excluded.detail, 'not applicable');
    assertWellFormed(symbols);
  });

  it('lists people by id with their names, and evidence by id with titles', () => {
    const people = getDocumentSymbols(ws, uriOf('people.isms.yaml')).find((s) => s.name === 'people')!;
    assert.equal(people.children!.length, 11);
    assert.deepEqual(pick(people.children![0]!), { name: 'jane', detail: 'Jane Whitfield', kind: SymbolKind.Object, line: 19 });
    const evidence = getDocumentSymbols(ws, uriOf('evidence.isms.yaml')).find((s) => s.name === 'evidence')!;
    assert.equal(evidence.children!.length, 50);
    assert.equal(evidence.children![0]!.name, 'EV-001');
    assert.match(evidence.children![0]!.detail!, /^Information security policy v3\.1/);
  });

  it('describes audits and nonconformities in one line', () => {
    const audits = getDocumentSymbols(ws, uriOf('audits.isms.yaml')).find((s) => s.name === 'audits')!;
    assert.deepEqual(pick(audits.children![0]!), { name: 'AU-2026-IA1', detail: 'internal-audit · 2026-04-21 · completed', kind: SymbolKind.Struct, line: 22 });
    const ncs = getDocumentSymbols(ws, uriOf('nonconformities.isms.yaml')).find((s) => s.name === 'nonconformities')!;
    assert.match(ncs.children![0]!.detail!, /^major · closed · clause 6\.1\.3: The risk treatment plan/);
    assert.match(ncs.children![1]!.detail!, /^minor · closed · A\.8\.8: Two critical/);
  });

  it('gives every file a well-formed outline', () => {
    for (const uri of ws.uris()) assertWellFormed(getDocumentSymbols(ws, uri));
    const organization = getDocumentSymbols(ws, uriOf('organization.isms.yaml'));
    assert.ok(organization.some((s) => s.name === 'organization' && s.kind === SymbolKind.Namespace));
  });

  it('copes with items without ids, a section without value and a file that is not a mapping', () => {
    const odd = workspaceOf({
      'a.isms.yaml': 'people:\n  - name: Nobody\n  - id:\n    name: Empty\nrisks:\nsoa:\n  controls:\n    - applicable: true\n    - id: A.9.9\n',
      'b.isms.yaml': '- just\n- a list\n',
    });
    const symbols = getDocumentSymbols(odd, uriOf('a.isms.yaml'));
    assert.deepEqual(symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]), [
      ['people', ['(no id)', '(no id)']],
      ['risks', []],
      ['soa', ['(no id)', 'A.9.9']],
    ]);
    assertWellFormed(symbols);
    assert.deepEqual(getDocumentSymbols(odd, uriOf('b.isms.yaml')), []);
  });
});

describe('workspace symbols', () => {
  const acme = workspaceOf(acmeTree());

  it('finds a control of the SoA by title words', () => {
    const found = getWorkspaceSymbols([acme], 'access control');
    assert.equal(found[0]!.name, 'A.5.15 Access control');
    assert.equal(found[0]!.location.uri, uriOf('soa.isms.yaml'));
    assert.equal(found[0]!.containerName, 'soa · soa.isms.yaml');
    assert.ok(getWorkspaceSymbols([acme], 'crypto').some((s) => s.name === 'A.8.24 Use of cryptography'));
  });

  it('finds a control by its id, the exact one first', () => {
    const found = getWorkspaceSymbols([acme], 'A.5.1');
    assert.equal(found[0]!.name, 'A.5.1 Policies for information security');
    assert.ok(found.some((s) => s.name.startsWith('A.5.15 ')));
  });

  it('finds ids by prefix and ignoring punctuation, and items by title', () => {
    assert.equal(getWorkspaceSymbols([acme], 'EV-001')[0]!.name.split(' ')[0], 'EV-001');
    assert.ok(getWorkspaceSymbols([acme], 'ev001').some((s) => s.name.startsWith('EV-001 ')));
    const jane = getWorkspaceSymbols([acme], 'jane')[0]!;
    assert.equal(jane.name, 'jane — Jane Whitfield');
    assert.equal(jane.kind, SymbolKind.Object);
    assert.equal(jane.containerName, 'people · people.isms.yaml');
    assert.ok(getWorkspaceSymbols([acme], 'NC-2026').length >= 4);
    assert.ok(getWorkspaceSymbols([acme], 'laptop').some((s) => s.name.startsWith('R-004 ')));
  });

  it('searches every workspace and caps the answer', () => {
    const small = workspaceOf(TREE);
    const both = getWorkspaceSymbols([acme, small], 'bob');
    assert.ok(both.some((s) => s.location.uri === uriOf('people.isms.yaml') && s.name.startsWith('bob')));
    assert.equal(getWorkspaceSymbols([acme, small], '').length, Math.min(MAX_WORKSPACE_SYMBOLS, countAll([acme, small])));
    assert.deepEqual(getWorkspaceSymbols([acme], 'zzzz-nothing'), []);
    const many = 'evidence:\n' + Array.from({ length: 700 }, (_, i) => `  - id: EV-${i}\n    title: Item ${i}\n    link: https://example.com/${i}\n`).join('');
    const big = workspaceOf({ 'ev.isms.yaml': many });
    assert.equal(getWorkspaceSymbols([big], 'EV').length, MAX_WORKSPACE_SYMBOLS);
    assert.equal(getWorkspaceSymbols([big], 'EV-42')[0]!.name, 'EV-42 — Item 42');
  });
});

function countAll(workspaces: ReturnType<typeof workspaceOf>[]): number {
  let n = 0;
  for (const ws of workspaces) {
    for (const file of ws.model.files) {
      const facts = ws.model.facts(file);
      n += facts.items.filter((i) => i.id).length + facts.soaEntries.filter((e) => e.id).length;
    }
  }
  return n;
}

function pick(s: DocumentSymbol): { name: string; detail: string | undefined; kind: SymbolKind; line: number } {
  return { name: s.name, detail: s.detail, kind: s.kind, line: s.selectionRange.start.line + 1 };
}
