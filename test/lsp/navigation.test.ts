/**
 * Navigation through the built server over stdio, on the example ISMS (examples/acme):
 * the capabilities are announced and definition, references and rename answer with
 * real results across its files.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeLens, DocumentLink, DocumentSymbol, InlayHint, Location, Position, Range, SymbolInformation, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { pathToUri } from '../../server/src/core/uri';
import { TestClient } from '../helpers/lspClient';

const ACME = path.resolve(__dirname, '../../examples/acme');
const uriOf = (name: string): string => pathToUri(path.join(ACME, name));

/** The position of the `occurrence`-th `needle` in an example file, `shift` characters in. */
function positionOf(name: string, needle: string, occurrence = 1, shift = 1): Position {
  const text = fs.readFileSync(path.join(ACME, name), 'utf8');
  let at = -1;
  for (let i = 0; i < occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not in ${name}`);
  return TextDocument.create('x', 'x', 0, text).positionAt(at + shift);
}

function fileName(location: { uri: string }): string {
  return location.uri.slice(location.uri.lastIndexOf('/') + 1);
}

describe('LSP navigation on examples/acme', function () {
  this.timeout(30_000);
  let client: TestClient;

  before(async () => {
    client = new TestClient({ workspaceFolders: [pathToUri(ACME)], env: { ISMS_TODAY: '2026-11-28' } });
    await client.start();
  });

  after(async () => {
    await client?.stop();
  });

  const at = (name: string, position: Position) => ({ textDocument: { uri: uriOf(name) }, position });

  it('announces the navigation capabilities', () => {
    const caps = client.initializeResult!.capabilities;
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.referencesProvider, true);
    assert.equal(caps.documentHighlightProvider, true);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.ok(caps.documentLinkProvider);
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.workspaceSymbolProvider, true);
    assert.ok(caps.codeLensProvider);
    assert.ok(caps.inlayHintProvider);
  });

  it('goes from an SoA owner to the person, and from a risk control to its SoA entry', async () => {
    const person = await client.request<Location[]>('textDocument/definition', at('soa.isms.yaml', positionOf('soa.isms.yaml', 'owner: alice', 1, 8)));
    assert.deepEqual(person.map(fileName), ['people.isms.yaml']);
    assert.equal(person[0]!.range.start.line, positionOf('people.isms.yaml', '- id: alice', 1, 6).line);

    const control = await client.request<Location[]>('textDocument/definition', at('risks.isms.yaml', positionOf('risks.isms.yaml', 'A.8.24')));
    assert.deepEqual(control.map(fileName), ['soa.isms.yaml']);
    assert.equal(control[0]!.range.start.line, positionOf('soa.isms.yaml', '- id: A.8.24', 1, 6).line);
  });

  it('finds the references of a person in several files', async () => {
    const refs = await client.request<Location[]>('textDocument/references', {
      ...at('people.isms.yaml', positionOf('people.isms.yaml', '- id: carol', 1, 7)),
      context: { includeDeclaration: true },
    });
    const files = new Set(refs.map(fileName));
    for (const name of ['people.isms.yaml', 'audits.isms.yaml', 'nonconformities.isms.yaml']) assert.ok(files.has(name), `${name} in ${[...files]}`);
  });

  it('prepares and performs a rename across files, and refuses a taken id', async () => {
    const position = positionOf('people.isms.yaml', '- id: alice', 1, 7);
    const prepared = await client.request<{ range: Range; placeholder: string } | null>('textDocument/prepareRename', at('people.isms.yaml', position));
    assert.equal(prepared?.placeholder, 'alice');

    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at('people.isms.yaml', position), newName: 'alicia' });
    const files = Object.keys(edit.changes ?? {}).map((uri) => fileName({ uri })).sort();
    assert.ok(files.includes('people.isms.yaml') && files.includes('soa.isms.yaml') && files.length >= 3, files.join(', '));
    assert.ok(Object.values(edit.changes!).flat().every((e) => e.newText === 'alicia'));

    await assert.rejects(
      client.request('textDocument/rename', { ...at('people.isms.yaml', position), newName: 'jane' }),
      (error: Error) => /already has the id 'jane'/.test(error.message),
    );
    const control = await client.request('textDocument/prepareRename', at('risks.isms.yaml', positionOf('risks.isms.yaml', 'A.8.24')));
    assert.equal(control, null);
  });

  it('answers links, symbols, code lenses and inlay hints', async () => {
    const doc = { textDocument: { uri: uriOf('evidence.isms.yaml') } };
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', doc);
    assert.ok(links.some((l) => l.target === uriOf('evidence/policies/information-security-policy.md')));
    assert.ok(links.some((l) => l.target?.startsWith('https://')));

    const outline = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf('soa.isms.yaml') } });
    assert.equal(outline.find((s) => s.name === 'soa')?.children?.length, 93);

    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'access control' });
    assert.equal(symbols[0]?.name, 'A.5.15 Access control');

    // Lenses come without commands; the editor resolves the ones it shows.
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf('soa.isms.yaml') } });
    assert.equal(lenses.length, 93);
    assert.ok(lenses.every((l) => l.command === undefined && l.data !== undefined));
    const resolved = await Promise.all(lenses.map((l) => client.request<CodeLens>('codeLens/resolve', l)));
    assert.ok(resolved.some((l) => l.command?.command === 'isms.showReferences'));
    assert.ok(resolved.every((l, i) => l.command !== undefined && l.command.title !== '' && l.range.start.line === lenses[i]!.range.start.line));
    // A lens of a file that is gone, or of no file, resolves to an empty title, not an error.
    const stale = await client.request<CodeLens>('codeLens/resolve', { ...lenses[0]!, data: { ...(lenses[0]!.data as object), at: -1 } });
    assert.deepEqual(stale.command, { title: '', command: '' });
    assert.deepEqual((await client.request<CodeLens>('codeLens/resolve', { range: lenses[0]!.range })).command, { title: '', command: '' });

    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: uriOf('risks.isms.yaml') },
      range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
    });
    assert.ok(hints.some((h) => h.label === 'Use of cryptography'));
  });
});

describe('LSP code lenses and inlay hints switched off', function () {
  this.timeout(30_000);
  let client: TestClient;

  before(async () => {
    client = new TestClient({
      workspaceFolders: [pathToUri(ACME)],
      initializationOptions: { debounceMs: 10, settings: { codeLens: { enabled: false }, inlayHints: { enabled: false } } },
    });
    await client.start();
  });

  after(async () => {
    await client?.stop();
  });

  it('answers none', async () => {
    assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri: uriOf('soa.isms.yaml') } }), []);
    assert.deepEqual(await client.request('textDocument/inlayHint', {
      textDocument: { uri: uriOf('risks.isms.yaml') },
      range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
    }), []);
  });
});
