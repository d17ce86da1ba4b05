/**
 * A floor under the server sessions: the least a server on this project's stack (Node 20,
 * vscode-languageserver, `yaml`) does in them. Like ours, it reads the workspace folder's
 * `.isms.yaml` files once initialized and publishes each, then parses an open document on
 * every change. "Checking" is `yaml`'s `parseDocument` plus three trivial checks (an SoA
 * `status` outside the schema's list, an `owner` that is no person of the same file, a
 * `likelihood` outside 1–5), so that the sessions' edits see their result. No schema, no
 * rules, no completion or hover, and no tree kept for a closed file. One thread, like ours;
 * with `--threads=N` the folder is read, parsed and checked by N worker threads, each
 * taking every Nth file and sending back plain diagnostics: what a design whose rules need
 * no tree from another thread could reach. Bundled like our server (bench/build.mjs).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { ProposedFeatures, TextDocumentSyncKind, TextDocuments, createConnection, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const STATUSES = new Set(['implemented', 'partially-implemented', 'planned', 'not-implemented']);

const THREADS = Number(process.argv.find((arg) => arg.startsWith('--threads='))?.slice('--threads='.length) ?? 0);

interface Checked { uri: string; diagnostics: Diagnostic[] }

function checkFile(file: string): Checked {
  const document = TextDocument.create(pathToFileURL(file).href, 'isms-yaml', 0, fs.readFileSync(file, 'utf8'));
  return { uri: document.uri, diagnostics: check(document) };
}

if (isMainThread) startServer();
else {
  const { files, index, step } = workerData as { files: string[]; index: number; step: number };
  const batch: Checked[] = [];
  for (let i = index; i < files.length; i += step) {
    batch.push(checkFile(files[i]!));
    if (batch.length === 20) parentPort!.postMessage(batch.splice(0));
  }
  parentPort!.postMessage(batch);
}

function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  let folders: string[] = [];
  const publish = ({ uri, diagnostics }: Checked) => void connection.sendDiagnostics({ uri, diagnostics });

  connection.onInitialize((params) => {
    folders = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
    return { capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } };
  });
  connection.onInitialized(() => {
    const files = folders.flatMap(ismsFiles);
    if (THREADS > 0) {
      for (let index = 0; index < THREADS; index++) {
        new Worker(__filename, { workerData: { files, index, step: THREADS } }).on('message', (batch: Checked[]) => batch.forEach(publish));
      }
    } else {
      for (const file of files) publish(checkFile(file));
    }
    // The bench waits for a server to pull its configuration, as ours and yaml-language-server do.
    void connection.workspace.getConfiguration('isms');
  });

  documents.onDidChangeContent(({ document }) => {
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: check(document) });
  });
  documents.listen(connection);
  connection.listen();
}

function ismsFiles(folder: string): string[] {
  return (fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }))
    .filter((name) => name.endsWith('.isms.yaml'))
    .sort()
    .map((name) => path.join(folder, name));
}

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
    if (key === 'owner' && people.size > 0 && !people.has(value)) report(node, 'unknown person');
    if (key === 'likelihood' && !(typeof value === 'number' && value >= 1 && value <= 5)) report(node, 'likelihood outside 1-5');
  }
  for (const error of yaml.errors) {
    diagnostics.push({ range: { start: document.positionAt(error.pos[0]), end: document.positionAt(error.pos[1]) }, message: error.message });
  }
  return diagnostics;
}

