/**
 * A floor under "peak RSS, small session": the least a server on this project's stack
 * (Node 20, vscode-languageserver, `yaml`) does in that session. It keeps the open
 * document, parses it with `yaml`'s `parseDocument` on every change, and publishes what
 * three trivial checks find (an SoA `status` outside the schema's list, an `owner` that is
 * no person's id, a `likelihood` outside 1–5), so that the session's edits see their
 * result. No completion or hover, no schema, no rules, no workspace scan. Bundled like our
 * server (bench/build.mjs).
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { ProposedFeatures, TextDocumentSyncKind, TextDocuments, createConnection, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const STATUSES = new Set(['implemented', 'partially-implemented', 'planned', 'not-implemented']);

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
}));
// The bench waits for a server to pull its configuration, as ours and yaml-language-server do.
connection.onInitialized(() => void connection.workspace.getConfiguration('isms'));

function check(document: TextDocument): Diagnostic[] {
  const yaml = parseDocument(document.getText());
  const people = new Set<unknown>();
  const values: { key: string; node: Node }[] = [];
  const walk = (node: unknown, key: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) walk(pair.value, isScalar(pair.key) ? String(pair.key.value) : '');
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item, key);
    } else if (isScalar(node)) {
      values.push({ key, node });
    }
  };
  walk(yaml.contents, '');
  const root = yaml.contents;
  const peopleSeq = isMap(root) ? root.get('people', true) : undefined;
  if (isSeq(peopleSeq)) for (const person of peopleSeq.items) if (isMap(person)) people.add(person.get('id'));
  const diagnostics: Diagnostic[] = [];
  const report = (node: Node, message: string) => {
    const [start, end] = node.range!;
    diagnostics.push({ range: { start: document.positionAt(start), end: document.positionAt(end) }, message });
  };
  for (const { key, node } of values) {
    const value = (node as { value?: unknown }).value;
    if (key === 'status' && !STATUSES.has(String(value))) report(node, 'unknown status');
    if (key === 'owner' && !people.has(value)) report(node, 'unknown person');
    if (key === 'likelihood' && !(typeof value === 'number' && value >= 1 && value <= 5)) report(node, 'likelihood outside 1-5');
  }
  for (const error of yaml.errors) {
    diagnostics.push({ range: { start: document.positionAt(error.pos[0]), end: document.positionAt(error.pos[1]) }, message: error.message });
  }
  return diagnostics;
}

documents.onDidChangeContent(({ document }) => {
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: check(document) });
});
documents.listen(connection);
connection.listen();
