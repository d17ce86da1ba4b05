import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { getCodeActions } from '../../../server/src/core/features/codeActions';
import type { IsmsWorkspace } from '../../../server/src/core/workspace/ismsWorkspace';
import { diagnosticsOf, ROOT, uriOf, workspaceOf, type MemoryTree } from '../../helpers/memoryHost';

const SOA = 'soa.isms.yaml';

/** The quick fixes offered for the first diagnostic of `code` in `rel` (cursor on it). */
function actionsFor(ws: IsmsWorkspace, rel: string, code: string, nth = 0): { diagnostic: Diagnostic; actions: CodeAction[] } {
  const diagnostic = diagnosticsOf(ws, rel, [code])[nth];
  assert.ok(diagnostic, `no ${code} diagnostic in ${rel}: ${JSON.stringify(diagnosticsOf(ws, rel).map((d) => d.code))}`);
  return { diagnostic, actions: getCodeActions(ws, uriOf(rel), diagnostic.range, [diagnostic]) };
}

/** The action titled `title` (exactly, or by prefix when it ends with `…`). */
function pick(actions: CodeAction[], title: string): CodeAction {
  const found = actions.find((a) => (title.endsWith('…') ? a.title.startsWith(title.slice(0, -1)) : a.title === title));
  assert.ok(found, `no action '${title}' among ${JSON.stringify(actions.map((a) => a.title))}`);
  return found;
}

/** The tree after applying the action's edit (every file it touches). */
function applied(ws: IsmsWorkspace, tree: MemoryTree, action: CodeAction): MemoryTree {
  assert.equal(action.kind, 'quickfix');
  assert.ok(action.diagnostics && action.diagnostics.length > 0);
  const out: MemoryTree = { ...tree };
  for (const [uri, edits] of Object.entries(action.edit!.changes!)) {
    const rel = decodeURIComponent(uri.slice(ROOT.length + 1));
    out[rel] = TextDocument.applyEdits(ws.file(uri)!.lines, edits);
  }
  return out;
}

/** Applies the fix and re-checks: the targeted diagnostic is gone and the YAML still parses. */
function applyAndCheck(tree: MemoryTree, rel: string, code: string, title: string, nth = 0): { after: MemoryTree; ws: IsmsWorkspace; action: CodeAction } {
  const ws = workspaceOf(tree);
  const before = diagnosticsOf(ws, rel, [code]);
  const { actions } = actionsFor(ws, rel, code, nth);
  const action = pick(actions, title);
  const after = applied(ws, tree, action);
  const ws2 = workspaceOf(after);
  for (const [file, text] of Object.entries(after)) {
    if (typeof text !== 'string') continue;
    // A file that parsed still parses; one that did not gets no new error.
    const errorsBefore = parseDocument(tree[file] as string).errors.length;
    assert.ok(parseDocument(text).errors.length <= errorsBefore, `${file} has new YAML errors:\n${text}`);
    if (errorsBefore === 0) assert.deepEqual(diagnosticsOf(ws2, file, ['yaml-syntax']), [], file);
  }
  const remaining = diagnosticsOf(ws2, rel, [code]);
  assert.equal(remaining.length, before.length - 1, `${code} still reported:\n${after[rel] as string}`);
  return { after, ws: ws2, action };
}

function soa(entries: string[], head = 'soa:\n  controls:\n'): string {
  return head + entries.join('');
}

const ENTRY = (id: string, extra = '') => `    - id: ${id}\n      applicable: true\n      justification: Required by our contracts with customers.\n      status: planned\n${extra}`;

describe('code actions', () => {
  describe('control-id-format', () => {
    it('writes A.x.y in place of a number, preferred', () => {
      const tree = { [SOA]: soa([ENTRY('5.10')]) };
      const { after, action } = applyAndCheck(tree, SOA, 'control-id-format', 'Change to A.5.10 Acceptable use of information and other associated assets');
      assert.equal(action.isPreferred, true);
      assert.deepEqual(action.edit!.changes![uriOf(SOA)], [{ range: { start: { line: 2, character: 10 }, end: { line: 2, character: 14 } }, newText: 'A.5.10' }]);
      assert.equal(after[SOA], soa([ENTRY('A.5.10')]));
    });

    it('fixes a quoted id and an id inside a flow list', () => {
      const tree = { 'r.isms.yaml': "risks:\n  - id: R-1\n    title: Stolen laptop\n    likelihood: 2\n    impact: 3\n    treatment: mitigate\n    controls: [8.1, 'a.8.24']\n" };
      const first = applyAndCheck(tree, 'r.isms.yaml', 'control-id-format', 'Change to A.8.1…');
      assert.match(first.after['r.isms.yaml'] as string, /controls: \[A\.8\.1, 'a\.8\.24'\]/);
      const second = applyAndCheck(first.after, 'r.isms.yaml', 'control-id-format', 'Change to A.8.24…');
      assert.match(second.after['r.isms.yaml'] as string, /controls: \[A\.8\.1, A\.8\.24\]\n$/);
    });
  });

  describe('legacy-control', () => {
    it('replaces a one-to-one 2013 id, preferred', () => {
      const { after, action } = applyAndCheck({ [SOA]: soa([ENTRY('A.9.2.1')]) }, SOA, 'legacy-control', 'Change to A.5.16 Identity management');
      assert.equal(action.isPreferred, true);
      assert.equal(after[SOA], soa([ENTRY('A.5.16')]));
    });

    it('offers each 2022 control of a split id, none preferred', () => {
      const ws = workspaceOf({ [SOA]: soa([ENTRY('A.18.2.3')]) });
      const { actions } = actionsFor(ws, SOA, 'legacy-control');
      const replacements = actions.filter((a) => a.title.startsWith('Change to'));
      assert.deepEqual(replacements.map((a) => a.title), ['Change to A.5.36 Compliance with policies, rules and standards for information security', 'Change to A.8.8 Management of technical vulnerabilities']);
      assert.ok(replacements.every((a) => a.isPreferred === undefined));
      applyAndCheck({ [SOA]: soa([ENTRY('A.18.2.3')]) }, SOA, 'legacy-control', 'Change to A.8.8…');
    });
  });

  describe('unknown-control', () => {
    it('offers one fix per suggestion, with the control title', () => {
      const tree = { [SOA]: soa([ENTRY('A.5.38')]) };
      const { actions } = actionsFor(workspaceOf(tree), SOA, 'unknown-control');
      assert.deepEqual(actions.filter((a) => a.title.startsWith('Change')).map((a) => a.title), [
        'Change to A.5.37 Documented operating procedures',
        'Change to A.5.36 Compliance with policies, rules and standards for information security',
        'Change to A.5.35 Independent review of information security',
      ]);
      const { after } = applyAndCheck(tree, SOA, 'unknown-control', 'Change to A.5.37 Documented operating procedures');
      assert.equal(after[SOA], soa([ENTRY('A.5.37')]));
    });
  });

  describe('unknown-person, unknown-audit, unknown-evidence', () => {
    const PEOPLE = 'people:\n  - id: bob\n    name: Bob Diaz\n';
    it("changes a person id to the closest match ('bob'), preferred when it is the only one", () => {
      const tree = { 'p.isms.yaml': PEOPLE, [SOA]: soa([ENTRY('A.5.1', '      owner: bobb   # the owner\n')]) };
      const { after, action } = applyAndCheck(tree, SOA, 'unknown-person', "Change to 'bob'");
      assert.equal(action.isPreferred, true);
      assert.match(after[SOA] as string, /owner: bob {3}# the owner\n/);
    });

    it('changes an audit id', () => {
      const tree = {
        'a.isms.yaml': 'audits:\n  - id: AU-2026-S1\n    type: stage-1\n    date: 2026-04-01\n    status: completed\n',
        'nc.isms.yaml': 'nonconformities:\n  - id: NC-1\n    audit: AU-2026-S2\n    severity: minor\n    control: A.5.15\n    description: Access reviews are not performed.\n    raised: 2026-04-02\n    status: open\n',
      };
      applyAndCheck(tree, 'nc.isms.yaml', 'unknown-audit', "Change to 'AU-2026-S1'");
    });

    it('changes an evidence id, and can add the missing item to the register in another file instead', () => {
      const register = 'evidence:\n  - id: EV-001\n    title: Board minutes\n    link: https://example.com/minutes\n    collected: 2026-01-15 # signed\n\nother: 1\n';
      const tree = { 'ev.isms.yaml': register, [SOA]: soa([ENTRY('A.5.1', '      evidence: [EV-01]\n')]) };
      const ws = workspaceOf(tree);
      const { actions } = actionsFor(ws, SOA, 'unknown-evidence');
      assert.deepEqual(actions.map((a) => a.title), ["Change to 'EV-001'", "Add evidence item 'EV-01' to the register (ev.isms.yaml)", "Suppress 'unknown-evidence' on this line"]);
      applyAndCheck(tree, SOA, 'unknown-evidence', "Change to 'EV-001'");
      const { after } = applyAndCheck(tree, SOA, 'unknown-evidence', "Add evidence item 'EV-01' to the register (ev.isms.yaml)");
      assert.equal(after['ev.isms.yaml'], register.replace('# signed\n', '# signed\n  - id: EV-01\n    title: TODO\n    link:\n    collected: 2026-11-28\n'));
      assert.equal(after[SOA], tree[SOA]);
    });

    it("adds to a register in its own indentation and line endings ('-   id:' style, CRLF)", () => {
      const register = 'evidence:\r\n    -   id: EV-001\r\n        title: Board minutes\r\n        link: https://example.com/minutes\r\n';
      const tree = { 'ev.isms.yaml': register, [SOA]: soa([ENTRY('A.5.1', '      evidence: [EV-404]\n')]) };
      const { after } = applyAndCheck(tree, SOA, 'unknown-evidence', "Add evidence item 'EV-404'…");
      assert.equal(after['ev.isms.yaml'], register + '    -   id: EV-404\r\n        title: TODO\r\n        link:\r\n        collected: 2026-11-28\r\n');
    });

    it('fills an empty evidence section (evidence: [])', () => {
      const tree = { 'ev.isms.yaml': 'evidence: [] # none yet\nother: 1\n', [SOA]: soa([ENTRY('A.5.1', '      evidence: [EV-404]\n')]) };
      const { after } = applyAndCheck(tree, SOA, 'unknown-evidence', "Add evidence item 'EV-404'…");
      assert.equal(after['ev.isms.yaml'], 'evidence: # none yet\n  - id: EV-404\n    title: TODO\n    link:\n    collected: 2026-11-28\nother: 1\n');
    });

    it('adds an evidence section to the current file when the workspace has none', () => {
      const tree = { [SOA]: soa([ENTRY('A.5.1', '      evidence: [EV-404]')]) };
      const { after, action } = applyAndCheck(tree, SOA, 'unknown-evidence', "Add evidence item 'EV-404' to the register");
      assert.equal(action.isPreferred, undefined);
      assert.equal(after[SOA], tree[SOA] + '\nevidence:\n  - id: EV-404\n    title: TODO\n    link:\n    collected: 2026-11-28\n');
    });
  });

  describe('soa-incomplete', () => {
    it('appends a stub for every missing control in Annex A order, in one edit', () => {
      const tree = { [SOA]: soa([ENTRY('A.5.2'), ENTRY('A.5.1')]) };
      const { after, ws, action } = applyAndCheck(tree, SOA, 'soa-incomplete', 'Add the 91 missing controls to the SoA');
      assert.equal(action.isPreferred, true);
      assert.equal(action.edit!.changes![uriOf(SOA)]!.length, 1);
      const text = after[SOA] as string;
      assert.ok(text.startsWith(tree[SOA] + '    - id: A.5.3 # Segregation of duties\n      applicable: true\n      justification: TODO\n    - id: A.5.4 # Management responsibilities\n'), text.slice(0, 600));
      const ids = [...text.matchAll(/- id: (A\.\d+\.\d+)/g)].map((m) => m[1]);
      assert.equal(ids.length, 93);
      assert.equal(new Set(ids).size, 93);
      assert.equal(ids[92], 'A.8.34');
      assert.deepEqual(diagnosticsOf(ws, SOA, ['duplicate-control', 'schema']), []);
      assert.equal(diagnosticsOf(ws, SOA, ['placeholder-text']).length, 91);
    });

    it('fills an empty controls list, and adds controls to an SoA that has none (CRLF)', () => {
      const empty = applyAndCheck({ [SOA]: 'soa:\n  revision: 1\n  controls:\n' }, SOA, 'soa-incomplete', 'Add the 93 missing controls to the SoA');
      assert.ok((empty.after[SOA] as string).startsWith('soa:\n  revision: 1\n  controls:\n    - id: A.5.1 # Policies for information security\n      applicable: true\n'));
      const none = applyAndCheck({ [SOA]: 'soa:\r\n  revision: 1\r\n  approvedBy: jane\r\npeople: []\r\n' }, SOA, 'soa-incomplete', 'Add the 93 missing controls to the SoA');
      const text = none.after[SOA] as string;
      assert.ok(text.startsWith('soa:\r\n  revision: 1\r\n  approvedBy: jane\r\n  controls:\r\n    - id: A.5.1 # Policies for information security\r\n      applicable: true\r\n      justification: TODO\r\n'), text.slice(0, 300));
      assert.ok(text.endsWith('    - id: A.8.34 # Protection of information systems during audit testing\r\n      applicable: true\r\n      justification: TODO\r\npeople: []\r\n'), text.slice(-300));
      assert.ok(!/[^\r]\n/.test(text), 'only CRLF line endings');
    });
  });

  describe('suppression', () => {
    it('appends # isms-disable-line to the line, which silences the diagnostic', () => {
      const tree = { [SOA]: soa([ENTRY('A.5.1').replace('Required by our contracts with customers.', 'TBD   ')]) };
      const { after, action } = applyAndCheck(tree, SOA, 'placeholder-text', "Suppress 'placeholder-text' on this line");
      assert.equal(action.isPreferred, undefined);
      assert.match(after[SOA] as string, /justification: TBD # isms-disable-line placeholder-text\n/);
      assert.deepEqual(diagnosticsOf(workspaceOf(after), SOA, ['unused-suppression']), []);
    });

    it('adds the code to an isms-disable-line comment already on the line, before its reason', () => {
      const tree = { [SOA]: soa([ENTRY('A.5.38 # isms-disable-line missing-status -- legacy entry').replace('      status: planned\n', '')]) };
      const { after } = applyAndCheck(tree, SOA, 'unknown-control', "Suppress 'unknown-control' on this line");
      assert.match(after[SOA] as string, /- id: A\.5\.38 # isms-disable-line missing-status, unknown-control -- legacy entry\n/);
    });

    it('adds the code to an isms-disable-next-line comment above the line', () => {
      const tree = { [SOA]: soa([ENTRY('A.5.38').replace('      status: planned\n', '')]).replace('    - id', '    # isms-disable-next-line missing-status\n    - id') };
      const { after } = applyAndCheck(tree, SOA, 'unknown-control', "Suppress 'unknown-control' on this line");
      assert.match(after[SOA] as string, /# isms-disable-next-line missing-status, unknown-control\n {4}- id: A\.5\.38\n/);
    });

    it('puts the comment after a block scalar header, where YAML allows it', () => {
      const tree = { [SOA]: soa([ENTRY('A.5.1').replace('Required by our contracts with customers.', '>\n        TBD')]) };
      const { after } = applyAndCheck(tree, SOA, 'placeholder-text', "Suppress 'placeholder-text' on this line");
      assert.match(after[SOA] as string, /justification: > # isms-disable-line placeholder-text\n {8}TBD\n/);
    });

    it('uses a comment line above for a value that continues on the next line (plain or quoted)', () => {
      for (const value of ['TODO write this\n        later on please', '"TODO write this\n        later on please"']) {
        const tree = { [SOA]: soa([ENTRY('A.5.1').replace('Required by our contracts with customers.', value)]) };
        const { after } = applyAndCheck(tree, SOA, 'placeholder-text', "Suppress 'placeholder-text' on this line (comment above it)");
        assert.ok((after[SOA] as string).includes('      # isms-disable-next-line placeholder-text\n      justification: '), after[SOA] as string);
        // The value is unchanged.
        assert.deepEqual(parseDocument(after[SOA] as string).toJS(), parseDocument(tree[SOA]).toJS());
      }
    });

    it('uses a comment line above when the line already ends with a directive for the next line', () => {
      const tree = { [SOA]: soa([ENTRY('A.5.38 # isms-disable-next-line missing-status').replace('      status: planned\n', '')]) };
      const { after } = applyAndCheck(tree, SOA, 'unknown-control', "Suppress 'unknown-control' on this line (comment above it)");
      assert.match(after[SOA] as string, / {4}# isms-disable-next-line unknown-control\n {4}- id: A\.5\.38 # isms-disable-next-line missing-status\n/);
    });

    it('offers no suppression for a line inside a block scalar body (no comment fits there)', () => {
      const text = soa([ENTRY('A.5.1').replace('Required by our contracts with customers.', '|\n        TBD\n        more')]);
      const ws = workspaceOf({ [SOA]: text });
      const inside: Diagnostic = { range: { start: { line: 5, character: 8 }, end: { line: 5, character: 12 } }, message: 'x', source: 'isms', code: 'placeholder-text' };
      assert.deepEqual(getCodeActions(ws, uriOf(SOA), inside.range, [inside]), []);
    });

    it('keeps CRLF line endings', () => {
      const tree = { [SOA]: soa([ENTRY('A.5.1').replace('Required by our contracts with customers.', 'TODO it\n        later on please')]).replace(/\n/g, '\r\n') };
      const { after } = applyAndCheck(tree, SOA, 'placeholder-text', "Suppress 'placeholder-text' on this line (comment above it)");
      assert.ok((after[SOA] as string).includes('\r\n      # isms-disable-next-line placeholder-text\r\n      justification: TODO'));
      assert.ok(!/[^\r]\n/.test(after[SOA] as string));
    });

    it('groups diagnostics of one code on one line into one action; offers none for unused-suppression itself', () => {
      const ws = workspaceOf({ 'r.isms.yaml': 'risks:\n  - id: R-1\n    title: Stolen laptop\n    likelihood: 2\n    impact: 3\n    treatment: mitigate\n    controls: [8.1, 8.2]\n' });
      const diagnostics = diagnosticsOf(ws, 'r.isms.yaml', ['control-id-format']);
      assert.equal(diagnostics.length, 2);
      const whole: Range = { start: { line: 6, character: 0 }, end: { line: 6, character: 40 } };
      const suppress = getCodeActions(ws, uriOf('r.isms.yaml'), whole, diagnostics).filter((a) => a.title.startsWith('Suppress'));
      assert.equal(suppress.length, 1);
      assert.equal(suppress[0]!.diagnostics!.length, 2);
    });
  });

  describe('unused-suppression', () => {
    const BASE = soa([ENTRY('A.5.1')]);
    it('removes a trailing comment whose only code is unused', () => {
      const tree = { [SOA]: BASE.replace('- id: A.5.1', '- id: A.5.1   # isms-disable-line unknown-control -- why') };
      const { after, action } = applyAndCheck(tree, SOA, 'unused-suppression', 'Remove unused suppression');
      assert.equal(action.isPreferred, true);
      assert.equal(after[SOA], BASE);
    });

    it('removes a comment line of its own', () => {
      const tree = { [SOA]: BASE.replace('      status:', '      # isms-disable-next-line nope\n      status:') };
      const { after } = applyAndCheck(tree, SOA, 'unused-suppression', 'Remove unused suppression');
      assert.equal(after[SOA], BASE);
    });

    it('removes only the unused code when the comment lists others', () => {
      const tree = { 'p.isms.yaml': 'people: []\n', [SOA]: BASE.replace('      status: planned\n', '      status: planned\n      owner: zed # isms-disable-line missing-status, unknown-person -- not hired yet\n') };
      const { after } = applyAndCheck(tree, SOA, 'unused-suppression', "Remove unused suppression of 'missing-status'");
      assert.match(after[SOA] as string, /owner: zed # isms-disable-line unknown-person -- not hired yet\n/);
      const first = { [SOA]: BASE.replace('- id: A.5.1', '- id: A.5.1 # isms-disable-line nope, missing-status').replace('      status: planned\n', '') };
      const result = applyAndCheck(first, SOA, 'unused-suppression', "Remove unused suppression of 'nope'");
      assert.match(result.after[SOA] as string, /- id: A\.5\.1 # isms-disable-line missing-status\n/);
    });
  });

  describe('robustness', () => {
    it('offers no replacement for a diagnostic older than the text', () => {
      const ws = workspaceOf({ [SOA]: soa([ENTRY('5.10')]) });
      const [d] = diagnosticsOf(ws, SOA, ['control-id-format']);
      const stale: Diagnostic = { ...d!, range: { start: { line: 2, character: 9 }, end: { line: 2, character: 14 } } };
      assert.deepEqual(getCodeActions(ws, uriOf(SOA), stale.range, [stale]).filter((a) => a.title.startsWith('Change')), []);
    });

    it('does not extend the structure of a file that does not parse, and suppresses only where the comment counts', () => {
      const tree = { [SOA]: 'soa:\n  controls:\n    - id: "A.5.1\n' };
      const ws = workspaceOf(tree);
      const { actions } = actionsFor(ws, SOA, 'soa-incomplete');
      assert.deepEqual(actions.map((a) => a.title), ["Suppress 'soa-incomplete' on this line"]);
      // A trailing comment would sit inside the unclosed quote: the comment goes above.
      const { after } = applyAndCheck(tree, SOA, 'yaml-syntax', "Suppress 'yaml-syntax' on this line (comment above it)");
      assert.equal(after[SOA], 'soa:\n  controls:\n    # isms-disable-next-line yaml-syntax\n    - id: "A.5.1\n');
    });
  });

  describe('filtering', () => {
    it('ignores diagnostics from other sources and outside the range', () => {
      const ws = workspaceOf({ [SOA]: soa([ENTRY('5.10')]) });
      const [d] = diagnosticsOf(ws, SOA, ['control-id-format']);
      assert.deepEqual(getCodeActions(ws, uriOf(SOA), d!.range, [{ ...d!, source: 'yaml' }]), []);
      const far: Range = { start: { line: 5, character: 0 }, end: { line: 5, character: 1 } };
      assert.deepEqual(getCodeActions(ws, uriOf(SOA), far, [d!]), []);
      assert.deepEqual(getCodeActions(ws, 'file:///elsewhere/x.isms.yaml', d!.range, [d!]), []);
    });
  });
});
