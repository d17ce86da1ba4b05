/**
 * Editor features quote ids, names, titles, keys and file names into what the editor
 * shows: outline and symbol search, completion lists, quick-fix titles, rename refusals,
 * hovers, link tooltips. An acting or invisible character in such a value (ESC, a bidi
 * override, a zero-width space, NUL, a line break) is shown as an escape there, while
 * whatever is inserted into the document (completion text, quick-fix edits, the rename
 * placeholder) stays the value as written.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import { getCodeActions } from '../../../server/src/core/features/codeActions';
import { getCodeLenses } from '../../../server/src/core/features/codeLens';
import { getCompletions } from '../../../server/src/core/features/completion';
import { getHover } from '../../../server/src/core/features/hover';
import { getInlayHints } from '../../../server/src/core/features/inlayHints';
import { getDocumentLinks } from '../../../server/src/core/features/links';
import { getRename, prepareRename, RenameError } from '../../../server/src/core/features/navigation';
import { getDocumentSymbols, getWorkspaceSymbols } from '../../../server/src/core/features/symbols';
import { escapeInvisible, hasInvisible } from '../../../server/src/core/visibleText';
import type { IsmsWorkspace } from '../../../server/src/core/workspace/ismsWorkspace';
import { withCursor } from '../../helpers/cursor';
import { diagnosticsOf, uriOf, workspaceOf } from '../../helpers/memoryHost';

/** Each payload and the escape it must show as. */
const PAYLOADS: [what: string, value: string, escape: string][] = [
  ['ESC', 'ali\u001b[31mce', '\\u001b'],
  ['right-to-left override', 'ali\u202ece', '\\u202e'],
  ['zero-width space', 'ali\u200bce', '\\u200b'],
  ['NUL', 'ali\u0000ce', '\\u0000'],
  ['line break', 'ali\nce', '\\n'],
];

/** YAML double-quoted: the value exactly, whatever it holds. */
const q = (value: string) => JSON.stringify(value);

/** A workspace whose ids, names, titles and keys hold the payload. */
function workspaceWith(value: string): IsmsWorkspace {
  return workspaceOf({
    'people.isms.yaml': `people:\n  - id: ${q(value)}\n    name: ${q(`Name ${value}`)}\n  - id: bob\n    name: Bob\n`,
    'register.isms.yaml': [
      'evidence:',
      `  - id: ${q(`EV-${value}`)}`,
      `    title: ${q(`Title ${value}`)}`,
      '    link: https://example.com/a',
      '    collected: 2026-11-01',
      `    owner: ${q(value)}`,
      '',
    ].join('\n'),
    [`s${value}.isms.yaml`]: [
      `${q(`key${value}`)}: 1`,
      'soa:',
      '  controls:',
      `    - id: ${q(`A.5.${value}`)}`,
      '      applicable: true',
      '      justification: Needed.',
      '      status: planned',
      `      owner: ${q(`${value}x`)}`,
      `      evidence: [${q(`EV-${value}`)}, ${q(`EV-x${value}`)}]`,
      `    - id: A.5.2 # isms-disable-line missing-justification, nope${inComment(value)}`,
      '      applicable: true',
      '      justification: Needed.',
      '      status: planned',
      '',
    ].join('\n'),
  });
}

const SOA = (value: string) => `s${value}.isms.yaml`;

/** The value as a comment can hold it: no line break, and no NUL (which makes a file binary). */
const inComment = (value: string) => value.replace(/[\n\u0000]/g, '');

function assertVisible(text: string | undefined, what: string, keep = ''): void {
  if (text === undefined) return;
  const without = [...keep].reduce((t, c) => t.split(c).join(''), text);
  assert.ok(!hasInvisible(without), `${what}: ${JSON.stringify(text)}`);
}

describe('editor features show acting and invisible characters as escapes', () => {
  for (const [what, value, escape] of PAYLOADS) {
    describe(what, () => {
      it('in the outline: names and details', () => {
        const ws = workspaceWith(value);
        const names: string[] = [];
        const walk = (symbols: ReturnType<typeof getDocumentSymbols>) => {
          for (const s of symbols) {
            assertVisible(s.name, 'name');
            assertVisible(s.detail, 'detail');
            names.push(s.name, s.detail ?? '');
            walk(s.children ?? []);
          }
        };
        for (const rel of ['people.isms.yaml', 'register.isms.yaml', SOA(value)]) walk(getDocumentSymbols(ws, uriOf(rel)));
        assert.ok(names.includes(escapeInvisible(value)), names.join(' | '));
        assert.ok(names.includes(`key${escapeInvisible(value)}`), 'a key as section name');
        assert.ok(names.includes(`A.5.${escapeInvisible(value)}`), 'an SoA entry');
        assert.ok(names.includes(escapeInvisible(`Name ${value}`.replace(/\s+/g, ' '))), 'a name (on one line) as detail');
        assert.ok(names.some((n) => n.includes(escape)));
      });

      it('in symbol search: names and containers; the query still matches the value as written', () => {
        const ws = workspaceWith(value);
        const all = getWorkspaceSymbols([ws], '');
        for (const s of all) {
          assertVisible(s.name, 'name');
          assertVisible(s.containerName, 'container');
        }
        assert.ok(all.some((s) => s.containerName === `soa · ${SOA(escapeInvisible(value))}`));
        const found = getWorkspaceSymbols([ws], value);
        // The detail is the name on one line (white space, a line break included, collapsed).
        assert.equal(found[0]?.name, escapeInvisible(`${value} — ${`Name ${value}`.replace(/\s+/g, ' ')}`));
      });

      it('in completion: label, detail and description; the inserted text and the filter text are the value', () => {
        const { text, offset } = withCursor(`soa:\n  controls:\n    - id: A.5.1\n      owner: |\n`);
        const ws = workspaceOf({ 'people.isms.yaml': `people:\n  - id: ${q(value)}\n    name: ${q(`Name ${value}`)}\n`, 'main.isms.yaml': text });
        const main = ws.file(uriOf('main.isms.yaml'))!;
        const items = getCompletions(ws, uriOf('main.isms.yaml'), main.lines.positionAt(offset)).items;
        for (const item of items) {
          assertVisible(item.label, 'label');
          assertVisible(item.detail, 'detail');
          assertVisible(item.labelDetails?.detail, 'label detail');
          assertVisible(item.labelDetails?.description, 'label description');
          assertVisible((item.documentation as MarkupContent | undefined)?.value, 'documentation', '\n');
        }
        const person = items.find((i: CompletionItem) => i.label === escapeInvisible(value));
        assert.ok(person, JSON.stringify(items.map((i) => i.label)));
        assert.ok(person.labelDetails?.description?.includes(escape));
        assert.ok(person.filterText?.startsWith(value), 'the filter text is the value: typed text matches it');
        assert.equal((person.textEdit as { newText: string }).newText, value);
      });

      it('in quick-fix titles; the edits write the value', () => {
        const ws = workspaceWith(value);
        const uri = uriOf(SOA(value));
        const diagnostics = diagnosticsOf(ws, SOA(value));
        const file = ws.file(uri)!;
        const actions = getCodeActions(ws, uri, { start: { line: 0, character: 0 }, end: file.lines.positionAt(file.text.length) }, diagnostics);
        for (const a of actions) assertVisible(a.title, 'title');
        const titles = actions.map((a) => a.title);
        const change = actions.find((a) => a.title === `Change to '${escapeInvisible(value)}'`);
        assert.ok(change, titles.join(' | '));
        const after = TextDocument.applyEdits(file.lines, change.edit!.changes![uri]!);
        assert.ok(after.includes(`owner: ${q(value)}`), after);
        assert.ok(titles.includes(`Add evidence item 'EV-x${escapeInvisible(value)}' to the register (register.isms.yaml)`), titles.join(' | '));
        assert.ok(titles.includes(`Remove unused suppression of 'nope${escapeInvisible(inComment(value))}'`), titles.join(' | '));
      });

      it('in rename refusals; the placeholder is the id as written', () => {
        const ws = workspaceWith(value);
        const people = ws.file(uriOf('people.isms.yaml'))!;
        const at = people.lines.positionAt(people.text.indexOf('id: ') + 5);
        assert.equal(prepareRename(ws, uriOf('people.isms.yaml'), at)?.placeholder, value);
        for (const newName of [' ', 'Bob', 'bob', `x${value}`]) {
          assert.throws(() => getRename(ws, uriOf('people.isms.yaml'), at, newName), (error: unknown) => {
            assert.ok(error instanceof RenameError);
            assertVisible(error.message, `refusal of ${JSON.stringify(newName)}`);
            return true;
          });
        }
        assert.throws(() => getRename(ws, uriOf('people.isms.yaml'), at, `x${value}`), (error: RenameError) => error.message.includes(`'x${escapeInvisible(value)}'`));
      });

      it('in hovers: a name with the character, a line break included', () => {
        const ws = workspaceWith(value);
        const register = ws.file(uriOf('register.isms.yaml'))!;
        const hover = getHover(ws, uriOf('register.isms.yaml'), register.lines.positionAt(register.text.indexOf('owner: ') + 8));
        const markdown = (hover?.contents as MarkupContent).value;
        assertVisible(markdown, 'hover', '\n');
        assert.ok(markdown.includes(`Name ${escapeInvisible(value).replace(/\\/g, '\\\\').replace(/\[/g, '\\[')}`), markdown);
      });

      it('nowhere raw in code lenses, inlay hints and link tooltips', () => {
        const ws = workspaceWith(value);
        for (const rel of ['people.isms.yaml', 'register.isms.yaml', SOA(value)]) {
          const file = ws.file(uriOf(rel))!;
          for (const lens of getCodeLenses(ws, uriOf(rel), 'show')) assertVisible(lens.command?.title, 'lens');
          for (const hint of getInlayHints(ws, uriOf(rel), { start: { line: 0, character: 0 }, end: file.lines.positionAt(file.text.length) })) {
            assertVisible(typeof hint.label === 'string' ? hint.label : hint.label.map((p) => p.value).join(''), 'inlay hint');
          }
          for (const link of getDocumentLinks(ws, uriOf(rel))) assertVisible(link.tooltip, 'link tooltip');
        }
      });
    });
  }

  it('links a file whose name holds such a character with an escaped tooltip; not an https address that holds one', () => {
    const ws = workspaceOf({
      'e\u202etxt.pdf': '%PDF',
      'register.isms.yaml': `evidence:\n  - id: EV-1\n    title: T\n    link: ${q('e\u202etxt.pdf')}\n  - id: EV-2\n    title: T\n    link: ${q('https://example.com/\u202efdp.exe')}\n  - id: EV-3\n    title: T\n    link: https://example.com/ok\n`,
    });
    const links = getDocumentLinks(ws, uriOf('register.isms.yaml'));
    assert.deepEqual(links.map((l) => l.tooltip), ['Open e\\u202etxt.pdf', 'Open https://example.com/ok in the browser']);
  });
});
