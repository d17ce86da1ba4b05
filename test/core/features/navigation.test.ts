import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentHighlightKind, type WorkspaceEdit } from 'vscode-languageserver-types';
import {
  getDefinition, getDocumentHighlights, getReferences, getRename, prepareRename, RenameError,
} from '../../../server/src/core/features/navigation';
import type { IsmsWorkspace } from '../../../server/src/core/workspace/ismsWorkspace';
import { diagnosticsOf, uriOf, workspaceOf, type MemoryTree } from '../../helpers/memoryHost';
import { cursorIn, FINDINGS, mark, PEOPLE, SOA, TREE, where } from './navigationFixtures';

describe('navigation: go to definition', () => {
  it('leads from a cited person to the person, in another file', () => {
    const { ws, uri, pos } = cursorIn('soa.isms.yaml', mark(SOA, 'bob', 1, 1));
    assert.deepEqual(getDefinition(ws, uri, pos).map((l) => where(ws, l)), ['people.isms.yaml:5 bob']);
  });

  it('leads from a quoted citation, the range without the quotes', () => {
    const { ws, uri, pos } = cursorIn('soa.isms.yaml', mark(SOA, '"alice"', 1, 1));
    assert.deepEqual(getDefinition(ws, uri, pos).map((l) => where(ws, l)), ['people.isms.yaml:2 alice']);
  });

  it('works at either end of the id', () => {
    const start = cursorIn('findings.isms.yaml', mark(FINDINGS, 'EV-001'));
    assert.deepEqual(getDefinition(start.ws, start.uri, start.pos).map((l) => where(start.ws, l)), ['people.isms.yaml:12 EV-001']);
    const end = cursorIn('findings.isms.yaml', mark(FINDINGS, 'EV-001', 1, 'EV-001'.length));
    assert.deepEqual(getDefinition(end.ws, end.uri, end.pos).map((l) => where(end.ws, l)), ['people.isms.yaml:12 EV-001']);
  });

  it("leads from an audit, an evidence item and an internal auditor to their definitions", () => {
    const audit = cursorIn('findings.isms.yaml', mark(FINDINGS, 'audit: AU-1', 1, 8));
    assert.deepEqual(getDefinition(audit.ws, audit.uri, audit.pos).map((l) => where(audit.ws, l)), ['findings.isms.yaml:10 AU-1']);
    const auditor = cursorIn('findings.isms.yaml', mark(FINDINGS, 'auditor: carol', 1, 10));
    assert.deepEqual(getDefinition(auditor.ws, auditor.uri, auditor.pos).map((l) => where(auditor.ws, l)), ['people.isms.yaml:8 carol']);
  });

  it('leads from a control id in a risk or a nonconformity to its SoA entry', () => {
    const risk = cursorIn('findings.isms.yaml', mark(FINDINGS, 'A.8.1', 1, 2));
    assert.deepEqual(getDefinition(risk.ws, risk.uri, risk.pos).map((l) => where(risk.ws, l)), ['soa.isms.yaml:10 A.8.1']);
    const nc = cursorIn('findings.isms.yaml', mark(FINDINGS, 'control: A.5.15', 1, 12));
    assert.deepEqual(getDefinition(nc.ws, nc.uri, nc.pos).map((l) => where(nc.ws, l)), ['soa.isms.yaml:4 A.5.15']);
  });

  it('answers the definition itself on a definition or an SoA entry', () => {
    const def = cursorIn('people.isms.yaml', mark(PEOPLE, 'id: bob', 1, 5));
    assert.deepEqual(getDefinition(def.ws, def.uri, def.pos).map((l) => where(def.ws, l)), ['people.isms.yaml:5 bob']);
    const entry = cursorIn('soa.isms.yaml', mark(SOA, 'A.5.15'));
    assert.deepEqual(getDefinition(entry.ws, entry.uri, entry.pos).map((l) => where(entry.ws, l)), ['soa.isms.yaml:4 A.5.15']);
  });

  it('lists every definition of a duplicate id, and none for an unknown id', () => {
    const tree: MemoryTree = { ...TREE, 'more.isms.yaml': 'people:\n  - id: bob\n    name: Robert\n' };
    const dup = cursorIn('soa.isms.yaml', mark(SOA, 'bob'), tree);
    assert.deepEqual(getDefinition(dup.ws, dup.uri, dup.pos).map((l) => where(dup.ws, l)), ['more.isms.yaml:2 bob', 'people.isms.yaml:5 bob']);
    const unknown = cursorIn('soa.isms.yaml', mark(SOA.replace('owner: bob', 'owner: bobby'), 'bobby'));
    assert.deepEqual(getDefinition(unknown.ws, unknown.uri, unknown.pos), []);
  });

  it('answers nothing on keys, free text and unknown files', () => {
    const key = cursorIn('soa.isms.yaml', mark(SOA, 'applicable'));
    assert.deepEqual(getDefinition(key.ws, key.uri, key.pos), []);
    const text = cursorIn('soa.isms.yaml', mark(SOA, 'production'));
    assert.deepEqual(getDefinition(text.ws, text.uri, text.pos), []);
    assert.deepEqual(getDefinition(key.ws, uriOf('nope.isms.yaml'), key.pos), []);
  });
});

describe('navigation: find references', () => {
  it('finds every citation of a person across files, with or without the declaration', () => {
    const { ws, uri, pos } = cursorIn('people.isms.yaml', mark(PEOPLE, 'id: bob', 1, 4));
    assert.deepEqual(getReferences(ws, uri, pos, true).map((l) => where(ws, l)), [
      'findings.isms.yaml:8 bob',
      'findings.isms.yaml:24 bob',
      'people.isms.yaml:5 bob',
      'people.isms.yaml:15 bob',
      'soa.isms.yaml:8 bob',
    ]);
    assert.ok(!getReferences(ws, uri, pos, false).some((l) => where(ws, l) === 'people.isms.yaml:5 bob'));
    assert.equal(getReferences(ws, uri, pos, false).length, 4);
  });

  it('counts an internal auditor as a reference to the person', () => {
    const { ws, uri, pos } = cursorIn('findings.isms.yaml', mark(FINDINGS, 'verifiedBy: carol', 1, 12));
    assert.deepEqual(getReferences(ws, uri, pos, false).map((l) => where(ws, l)), ['findings.isms.yaml:14 carol', 'findings.isms.yaml:25 carol']);
  });

  it('finds the SoA entry, risks and nonconformities of a control', () => {
    const { ws, uri, pos } = cursorIn('findings.isms.yaml', mark(FINDINGS, 'A.5.15'));
    assert.deepEqual(getReferences(ws, uri, pos, true).map((l) => where(ws, l)), [
      'findings.isms.yaml:7 A.5.15',
      'findings.isms.yaml:19 A.5.15',
      'soa.isms.yaml:4 A.5.15',
    ]);
    assert.deepEqual(getReferences(ws, uri, pos, false).map((l) => where(ws, l)), ['findings.isms.yaml:7 A.5.15', 'findings.isms.yaml:19 A.5.15']);
  });

  it('finds the citations of evidence from the SoA and a nonconformity', () => {
    const { ws, uri, pos } = cursorIn('people.isms.yaml', mark(PEOPLE, 'EV-001'));
    assert.deepEqual(getReferences(ws, uri, pos, false).map((l) => where(ws, l)), ['findings.isms.yaml:26 EV-001', 'soa.isms.yaml:9 EV-001']);
  });
});

describe('navigation: document highlights', () => {
  it('marks the definition as a write and the citations in the same file as reads', () => {
    const { ws, uri, pos } = cursorIn('people.isms.yaml', mark(PEOPLE, 'id: bob', 1, 4));
    const highlights = getDocumentHighlights(ws, uri, pos);
    assert.deepEqual(highlights.map((h) => [h.range.start.line + 1, h.kind]), [[5, DocumentHighlightKind.Write], [15, DocumentHighlightKind.Read]]);
  });
});

describe('navigation: rename', () => {
  it('prepares a rename on a person, evidence, audit, risk or nonconformity id', () => {
    const person = cursorIn('soa.isms.yaml', mark(SOA, '"alice"', 1, 3));
    const prepared = prepareRename(person.ws, person.uri, person.pos);
    assert.deepEqual(prepared, { range: { start: { line: 13, character: 14 }, end: { line: 13, character: 19 } }, placeholder: 'alice' });
    for (const needle of ['EV-001', 'AU-1', 'R-001', 'NC-001']) {
      const at = cursorIn('findings.isms.yaml', mark(FINDINGS, needle));
      assert.equal(prepareRename(at.ws, at.uri, at.pos)?.placeholder, needle, needle);
    }
  });

  it('refuses to prepare a rename of a control id, a clause, a key or free text', () => {
    for (const [rel, text] of [
      ['findings.isms.yaml', mark(FINDINGS, 'A.8.1')],
      ['soa.isms.yaml', mark(SOA, 'A.5.15')],
      ['soa.isms.yaml', mark(SOA, 'justification')],
      ['findings.isms.yaml', mark(FINDINGS, 'customer')],
      ['x.isms.yaml', 'nonconformities:\n  - id: NC-9\n    clause: "6.|1.3"\n'],
    ] as const) {
      const at = cursorIn(rel, text);
      assert.equal(prepareRename(at.ws, at.uri, at.pos), null, text);
    }
  });

  it('renames a person across three files; the edited workspace has no unknown person', () => {
    const { ws, uri, pos } = cursorIn('findings.isms.yaml', mark(FINDINGS, 'owner: bob', 1, 8));
    const edit = getRename(ws, uri, pos, 'robert');
    assert.deepEqual(Object.keys(edit.changes!).sort(), [uriOf('findings.isms.yaml'), uriOf('people.isms.yaml'), uriOf('soa.isms.yaml')]);
    assert.equal(edit.changes![uriOf('findings.isms.yaml')]!.length, 2);
    assert.equal(edit.changes![uriOf('people.isms.yaml')]!.length, 2);
    assert.equal(edit.changes![uriOf('soa.isms.yaml')]!.length, 1);

    const after = applied(ws, edit);
    assert.match(after.files['people.isms.yaml']!, /- id: robert\n/);
    assert.doesNotMatch(Object.values(after.files).join('\n'), /\bbob\b/);
    for (const rel of Object.keys(after.files)) assert.deepEqual(diagnosticsOf(after.ws, rel, ['unknown-person', 'yaml-syntax']), [], rel);
  });

  it('renames an evidence id everywhere it is cited', () => {
    const { ws, uri, pos } = cursorIn('people.isms.yaml', mark(PEOPLE, 'EV-001'));
    const after = applied(ws, getRename(ws, uri, pos, 'EV-101'));
    assert.match(after.files['soa.isms.yaml']!, /evidence: \[EV-101, EV-002\]/);
    assert.match(after.files['findings.isms.yaml']!, /correctionEvidence: \[EV-101\]/);
    for (const rel of Object.keys(after.files)) assert.deepEqual(diagnosticsOf(after.ws, rel, ['unknown-evidence']), [], rel);
  });

  it('keeps the quotes of a quoted citation', () => {
    const { ws, uri, pos } = cursorIn('people.isms.yaml', mark(PEOPLE, 'alice'));
    const after = applied(ws, getRename(ws, uri, pos, 'alicia'));
    assert.match(after.files['soa.isms.yaml']!, /approvedBy: alicia\n/);
    assert.match(after.files['soa.isms.yaml']!, /owner: "alicia"\n/);
  });

  it('renames an audit and a person cited as an internal auditor', () => {
    const audit = cursorIn('findings.isms.yaml', mark(FINDINGS, 'AU-1'));
    assert.match(applied(audit.ws, getRename(audit.ws, audit.uri, audit.pos, 'AU-2026-IA1')).files['findings.isms.yaml']!, /audit: AU-2026-IA1\n/);
    const carol = cursorIn('people.isms.yaml', mark(PEOPLE, 'carol'));
    const after = applied(carol.ws, getRename(carol.ws, carol.uri, carol.pos, 'c-evans'));
    assert.match(after.files['findings.isms.yaml']!, /auditor: c-evans\n[\s\S]*verifiedBy: c-evans\n/);
  });

  it('answers no edits when the name does not change', () => {
    const { ws, uri, pos } = cursorIn('people.isms.yaml', mark(PEOPLE, 'bob'));
    assert.deepEqual(getRename(ws, uri, pos, 'bob'), { changes: {} });
  });

  it('refuses a name taken by the same kind, empty, needing quotes, or not a valid id', () => {
    const bob = cursorIn('people.isms.yaml', mark(PEOPLE, 'bob'));
    const refused = (at: typeof bob, newName: string, reason: string, message: RegExp) =>
      assert.throws(() => getRename(at.ws, at.uri, at.pos, newName), (error: unknown) => {
        assert.ok(error instanceof RenameError, String(error));
        assert.equal(error.reason, reason, `${newName}: ${error.message}`);
        assert.match(error.message, message);
        return true;
      });
    refused(bob, 'carol', 'taken', /Another person already has the id 'carol'/);
    refused(bob, '', 'empty', /empty/);
    refused(bob, '  ', 'empty', /empty/);
    refused(bob, 'Bob', 'invalid', /lowercase/);
    refused(bob, 'bob diaz', 'invalid', /not a valid person id/);
    refused(bob, 'bob: x', 'invalid', /not a valid person id/);
    refused(bob, 'true', 'invalid', /read by YAML as a boolean/);
    const ev = cursorIn('people.isms.yaml', mark(PEOPLE, 'EV-001'));
    refused(ev, 'EV-002', 'taken', /Another evidence item/);
    refused(ev, '"EV-3"', 'invalid', /needs no YAML quoting/);
    refused(ev, 'EV#3', 'invalid', /not a valid id/);
    refused(ev, '-EV', 'invalid', /not a valid id/);
    refused(ev, '123', 'invalid', /read by YAML as a number/);
    refused(ev, '1e3', 'invalid', /read by YAML as a number/);
    // A person id with a dot is valid, but no longer read as an internal auditor.
    const carol = cursorIn('people.isms.yaml', mark(PEOPLE, 'carol'));
    refused(carol, 'c.evans', 'auditor', /internal auditor of an audit/);
  });

  it('allows an id taken by another kind', () => {
    const tree: MemoryTree = { ...TREE, 'x.isms.yaml': 'risks:\n  - id: X-1\n    title: A risk\n    likelihood: 1\n    impact: 1\n    treatment: accept\n' };
    const ev = cursorIn('people.isms.yaml', mark(PEOPLE, 'EV-002'), tree);
    assert.ok(getRename(ev.ws, ev.uri, ev.pos, 'X-1').changes![uriOf('people.isms.yaml')]);
  });

  it('refuses to rename a control id', () => {
    const at = cursorIn('findings.isms.yaml', mark(FINDINGS, 'A.8.1'));
    assert.throws(() => getRename(at.ws, at.uri, at.pos, 'A.8.2'), (error: unknown) => error instanceof RenameError && error.reason === 'not-renamable');
  });
});

/** Applies a WorkspaceEdit to the workspace's files and rebuilds the workspace from the result. */
function applied(ws: IsmsWorkspace, edit: WorkspaceEdit): { ws: IsmsWorkspace; files: Record<string, string> } {
  const files: Record<string, string> = {};
  for (const uri of ws.uris()) {
    const file = ws.file(uri)!;
    const doc = TextDocument.create(uri, 'isms-yaml', 1, file.text);
    const rel = uri.slice(uriOf('').length);
    files[rel] = TextDocument.applyEdits(doc, edit.changes?.[uri] ?? []);
  }
  return { ws: workspaceOf({ ...TREE, ...files }), files };
}
