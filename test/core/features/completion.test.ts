import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InsertTextFormat, type CompletionItem, type MarkupContent, type TextEdit } from 'vscode-languageserver-types';
import { getCompletions } from '../../../server/src/core/features/completion';
import { withCursor } from '../../helpers/cursor';
import { uriOf, workspaceOf, type MemoryTree } from '../../helpers/memoryHost';

const PEOPLE = `people:
  - id: alice
    name: Alice Chen
    roles: [isms-manager, review-supervisor]
  - id: bob
    name: Bob Diaz
    roles: [remediation-owner]
`;
const REGISTER = `evidence:
  - id: EV-001
    title: Board minutes approving the ISMS programme
    link: https://example.com/minutes
  - id: EV-007
    title: Access review Q3
    link: https://example.com/review
risks:
  - id: R-001
    title: Stolen laptop exposes customer data
    likelihood: 3
    impact: 4
    treatment: mitigate
audits:
  - id: AU-2026-S1
    type: stage-1
    date: 2026-04-01
    status: completed
`;

/** Completions at the `|` of `doc` (written as main.isms.yaml next to the people and the registers). */
function complete(doc: string, extra: MemoryTree = {}): CompletionItem[] {
  const { text, offset } = withCursor(doc);
  const ws = workspaceOf({ 'people.isms.yaml': PEOPLE, 'register.isms.yaml': REGISTER, ...extra, 'main.isms.yaml': text });
  const file = ws.file(uriOf('main.isms.yaml'))!;
  return getCompletions(ws, uriOf('main.isms.yaml'), file.lines.positionAt(offset)).items;
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const newText = (item: CompletionItem | undefined) => (item?.textEdit as TextEdit | undefined)?.newText;
const find = (items: CompletionItem[], label: string) => items.find((i) => i.label === label);
const doc = (item: CompletionItem | undefined) => (item?.documentation as MarkupContent | undefined)?.value ?? '';

describe('completion', () => {
  describe('keys', () => {
    it('offers the keys of an SoA entry that are not there yet, with their documentation', () => {
      const items = complete('soa:\n  controls:\n    - id: A.5.1\n      applicable: true\n      |\n    - id: A.5.2\n');
      assert.deepEqual(labels(items), ['justification', 'reasons', 'status', 'owner', 'evidence', 'risks']);
      assert.match(doc(find(items, 'justification')), /required for both/);
      assert.match(doc(find(items, 'status')), /`partially-implemented` — The control is partly in place/);
    });

    it('inserts `key: ` with a choice for enums, today for dates and a list for arrays', () => {
      const items = complete('soa:\n  controls:\n    - id: A.5.1\n      |\n');
      assert.equal(newText(find(items, 'status')), 'status: ${1|implemented,partially-implemented,planned,not-implemented|}$0');
      assert.equal(newText(find(items, 'justification')), 'justification: $0');
      assert.equal(newText(find(items, 'evidence')), 'evidence: [$0]');
      assert.equal(find(items, 'status')!.insertTextFormat, InsertTextFormat.Snippet);
      const nc = complete('nonconformities:\n  - id: NC-001\n    |\n');
      assert.equal(newText(find(nc, 'raised')), 'raised: ${1:2026-11-28}$0');
    });

    it('offers plain text to clients without snippet support', () => {
      const { text, offset } = withCursor('soa:\n  controls:\n    - id: A.5.1\n      |\n');
      const ws = workspaceOf({ 'main.isms.yaml': text });
      const file = ws.file(uriOf('main.isms.yaml'))!;
      const items = getCompletions(ws, uriOf('main.isms.yaml'), file.lines.positionAt(offset), { snippetSupport: false }).items;
      assert.equal(newText(find(items, 'status')), 'status: implemented');
      assert.equal(find(items, 'status')!.insertTextFormat, InsertTextFormat.PlainText);
    });

    it('offers the top-level sections at column 0, without those already in the file', () => {
      const items = complete('isms: 1\nsoa:\n  revision: 1\n|');
      assert.deepEqual(labels(items), ['organization', 'people', 'scope', 'risks', 'evidence', 'certificationBody', 'audits', 'nonconformities', 'certificate']);
      assert.match(newText(find(items, 'people'))!, /^people:\n {2}- id: \$\{1\}\n {4}name: \$\{2\}/);
    });

    it('marks a singleton section another file already defines and sorts it last', () => {
      const items = complete('|', { 'soa.isms.yaml': 'soa:\n  revision: 1\n' });
      const soa = find(items, 'soa')!;
      assert.match(soa.detail!, /already defined in soa\.isms\.yaml/);
      assert.ok(items.every((i) => i === soa || i.sortText! < soa.sortText!));
    });

    it('replaces only the name of a key that already has its colon', () => {
      const items = complete('soa:\n  controls:\n    - id: A.5.1\n      stat|us: planned\n');
      const status = find(items, 'status')!;
      assert.equal(newText(status), 'status');
      assert.deepEqual((status.textEdit as TextEdit).range, { start: { line: 3, character: 6 }, end: { line: 3, character: 12 } });
    });

    it('offers the keys of a nested map (organization.approval) and of the section being typed', () => {
      assert.deepEqual(labels(complete('organization:\n  name: Acme\n  approval:\n    |\n')), ['approvedBy', 'date', 'budget', 'evidence']);
      assert.deepEqual(labels(complete('soa:\n  revision: 3\n  appr|')), ['approvedBy', 'approvedOn', 'controls']);
    });
  });

  describe('values', () => {
    it('offers enum values with their descriptions', () => {
      const items = complete('soa:\n  controls:\n    - id: A.5.1\n      status: |\n');
      assert.deepEqual(labels(items), ['implemented', 'partially-implemented', 'planned', 'not-implemented']);
      assert.equal(find(items, 'planned')!.detail, 'The control is planned but not yet in place.');
    });

    it('offers enum values inside a flow list, without those already listed', () => {
      const items = complete('people:\n  - id: carol\n    name: Carol\n    roles: [verifier, |]\n');
      assert.ok(!labels(items).includes('verifier'));
      assert.ok(labels(items).includes('internal-auditor'));
      assert.equal(newText(find(items, 'internal-auditor')), 'internal-auditor');
    });

    it('adds the space after `key:` when the cursor is right after the colon', () => {
      const items = complete('audits:\n  - id: AU-1\n    status:|\n');
      assert.equal(newText(find(items, 'planned')), ' planned');
    });

    it('offers true and false for a boolean, 1 for the format version', () => {
      assert.deepEqual(labels(complete('soa:\n  controls:\n    - id: A.5.1\n      applicable: |\n')), ['true', 'false']);
      assert.deepEqual(labels(complete('isms: |\n')), ['1']);
    });

    it('offers each item of an empty list value as a one-item flow list', () => {
      const items = complete('soa:\n  controls:\n    - id: A.5.1\n      reasons: |\n');
      assert.equal(newText(find(items, 'legal')), '[legal]');
    });

    it('wraps an id typed without brackets into a list, and offers dashed items in a block list', () => {
      assert.equal(newText(find(complete('soa:\n  controls:\n    - id: A.5.1\n      evidence: EV-0|\n'), 'EV-001')), '[EV-001]');
      assert.equal(newText(find(complete('people:\n  - id: carol\n    roles:\n      |\n'), 'verifier')), '- verifier');
    });

    it('offers the suggested data categories', () => {
      assert.ok(labels(complete('scope:\n  statement: x\n  dataCategories: [|]\n')).includes('customer-personal-data'));
    });

    it("offers today's date on date fields", () => {
      for (const text of [
        'nonconformities:\n  - id: NC-001\n    raised: |\n',
        'evidence:\n  - id: EV-100\n    collected: |\n',
        'certificate:\n  issued: |\n',
        'soa:\n  approvedOn: |\n',
      ]) {
        const items = complete(text);
        assert.deepEqual(labels(items), ['2026-11-28'], text);
        assert.equal(items[0]!.detail, 'Today');
      }
    });

    it('offers the next free id on the id of a new item', () => {
      assert.deepEqual(labels(complete('evidence:\n  - id: |\n')), ['EV-008']);
      assert.deepEqual(labels(complete('nonconformities:\n  - id: |\n')), ['NC-001']);
    });
  });

  describe('control ids', () => {
    it('offers all 93 controls at an SoA id, with titles, in Annex A order', () => {
      const items = complete('soa:\n  controls:\n    - id: |\n');
      assert.equal(items.length, 93);
      const crypto = find(items, 'A.8.24')!;
      assert.equal(crypto.detail, 'Use of cryptography');
      assert.equal(crypto.labelDetails?.detail, ' Use of cryptography');
      assert.match(crypto.filterText!, /crypto/i);
      const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
      assert.deepEqual(sorted.slice(0, 3).map((i) => i.label), ['A.5.1', 'A.5.2', 'A.5.3']);
      assert.equal(sorted[92]!.label, 'A.8.34');
      assert.match(doc(crypto), /Use of cryptography/);
    });

    it('completes a half-typed id and replaces the whole word', () => {
      const items = complete('soa:\n  controls:\n    - id: A.5.|\n');
      const item = find(items, 'A.5.15')!;
      assert.deepEqual((item.textEdit as TextEdit).range, { start: { line: 2, character: 10 }, end: { line: 2, character: 14 } });
      assert.equal(newText(item), 'A.5.15');
    });

    it('puts the controls already in the SoA last, marked', () => {
      const items = complete('soa:\n  controls:\n    - id: A.5.1\n      applicable: true\n    - id: |\n');
      const present = find(items, 'A.5.1')!;
      assert.equal(present.labelDetails?.description, 'already in the SoA');
      assert.ok(items.every((i) => i === present || i.sortText! < present.sortText!));
      assert.equal(find(items, 'A.5.2')!.labelDetails?.description, undefined);
    });

    it("does not count the entry under the cursor as already in the SoA", () => {
      const items = complete('soa:\n  controls:\n    - id: A.5.1|\n');
      assert.equal(find(items, 'A.5.1')!.labelDetails?.description, undefined);
    });

    it('offers controls in risks (flow and block lists) and nonconformities, without those listed', () => {
      const flow = complete('risks:\n  - id: R-009\n    controls: [A.8.1, |]\n');
      assert.equal(flow.length, 92);
      assert.ok(!labels(flow).includes('A.8.1'));
      const block = complete('risks:\n  - id: R-009\n    controls:\n      - A.8.1\n      - |\n');
      assert.equal(block.length, 92);
      const nc = complete('nonconformities:\n  - id: NC-001\n    control: |\n');
      assert.equal(nc.length, 93);
    });

    it('marks controls the SoA excludes where a risk cites them', () => {
      const items = complete('risks:\n  - id: R-009\n    controls: [|]\n', {
        'soa.isms.yaml': 'soa:\n  controls:\n    - id: A.7.4\n      applicable: false\n      justification: Fully remote company.\n',
      });
      assert.equal(find(items, 'A.7.4')!.labelDetails?.description, 'excluded in the SoA');
    });
  });

  describe('ids from the workspace', () => {
    it('offers people with name and roles wherever a person is cited', () => {
      for (const text of [
        'soa:\n  controls:\n    - id: A.5.1\n      owner: |\n',
        'soa:\n  approvedBy: |\n',
        'organization:\n  approval:\n    approvedBy: |\n',
        'nonconformities:\n  - id: NC-1\n    verifiedBy: |\n',
        'risks:\n  - id: R-9\n    owner: |\n',
        'evidence:\n  - id: EV-9\n    owner: |\n',
      ]) {
        const items = complete(text);
        assert.deepEqual(labels(items), ['alice', 'bob'], text);
        assert.equal(find(items, 'alice')!.detail, 'Alice Chen — isms-manager, review-supervisor');
      }
    });

    it('offers people as internal auditors, the certification body for external audits', () => {
      assert.deepEqual(labels(complete('audits:\n  - id: AU-1\n    type: internal-audit\n    auditor: |\n')), ['alice', 'bob']);
      const external = complete('certificationBody:\n  name: Example Certification Ltd\naudits:\n  - id: AU-1\n    type: stage-1\n    auditor: |\n');
      assert.deepEqual(labels(external), ['Example Certification Ltd']);
    });

    it('offers evidence ids with titles, in flow lists and for a report', () => {
      const items = complete('soa:\n  controls:\n    - id: A.5.1\n      evidence: [EV-001, |]\n');
      assert.deepEqual(labels(items), ['EV-007']);
      assert.equal(items[0]!.detail, 'Access review Q3');
      assert.deepEqual(labels(complete('audits:\n  - id: AU-1\n    report: |\n')), ['EV-001', 'EV-007']);
      assert.deepEqual(labels(complete('nonconformities:\n  - id: NC-1\n    correctionEvidence: |\n')), ['EV-001', 'EV-007']);
    });

    it('offers audits with type and date, risks with titles', () => {
      const audits = complete('nonconformities:\n  - id: NC-1\n    audit: |\n');
      assert.deepEqual(labels(audits), ['AU-2026-S1']);
      assert.equal(audits[0]!.detail, 'stage-1 · 2026-04-01 · completed');
      const risks = complete('soa:\n  controls:\n    - id: A.5.1\n      risks: [|]\n');
      assert.deepEqual(labels(risks), ['R-001']);
      assert.equal(risks[0]!.detail, 'Stolen laptop exposes customer data');
    });

    it('offers the citable clauses with titles, quoted', () => {
      const items = complete('nonconformities:\n  - id: NC-1\n    clause: |\n');
      assert.equal(items.length, 34);
      assert.ok(!labels(items).includes('6'));
      const clause = find(items, '6.1.3')!;
      assert.equal(clause.detail, '6.1.3 Information security risk treatment');
      assert.equal(newText(clause), '"6.1.3"');
      assert.equal(newText(find(complete('nonconformities:\n  - id: NC-1\n    clause: "6.|"\n'), '6.1.3')), '6.1.3');
    });
  });

  describe('list item snippets', () => {
    it('offers a new SoA entry at a new item line, with the first missing control and the people', () => {
      const items = complete('soa:\n  controls:\n    - id: A.5.1\n      applicable: true\n    |\n');
      assert.deepEqual(labels(items), ['New SoA entry']);
      assert.equal(newText(items[0]),
        '- id: ${1:A.5.2}\n  applicable: ${2|true,false|}\n  justification: ${3}\n' +
        '  status: ${4|implemented,partially-implemented,planned,not-implemented|}\n  owner: ${5|alice,bob|}$0');
    });

    it('offers the item snippet after a dash, before the keys', () => {
      const items = complete('soa:\n  controls:\n    - |\n');
      assert.equal(items[0]!.label, 'New SoA entry');
      assert.match(newText(items[0])!, /^id: \$\{1:A\.5\.1\}\n {2}applicable/);
      assert.ok(labels(items).includes('justification'));
    });

    it('offers a new item for each list section', () => {
      const cases: [string, string, RegExp][] = [
        ['evidence:\n  - |\n', 'New evidence item', /^id: \$\{1:EV-008\}\n {2}title: \$\{2\}\n {2}link: \$\{3\}\n {2}collected: \$\{4:2026-11-28\}/],
        ['nonconformities:\n  - |\n', 'New nonconformity', /^id: \$\{1:NC-001\}\n {2}audit: \$\{2\|AU-2026-S1\|\}\n {2}severity: \$\{3\|major,minor\|\}/],
        ['people:\n  - |\n', 'New person', /^id: \$\{1\}\n {2}name: \$\{2\}\n {2}email: \$\{3\}\n {2}roles: \[\$\{4\}\]/],
        ['risks:\n  - |\n', 'New risk', /^id: \$\{1:R-002\}\n {2}title: \$\{2\}\n {2}likelihood: \$\{3\|1,2,3,4,5\|\}/],
        ['audits:\n  - |\n', 'New audit', /^id: \$\{1:AU-2026-S2\}\n {2}type: \$\{2\|pre-assessment,/],
      ];
      for (const [text, label, pattern] of cases) {
        const item = find(complete(text), label);
        assert.ok(item, `${label} in ${text}`);
        assert.match(newText(item)!, pattern);
      }
    });

    it('offers a new item with its dash on an empty line of a list section', () => {
      const items = complete('people:\n  - id: carol\n    name: Carol\n  |\n');
      assert.deepEqual(labels(items), ['New person']);
      assert.match(newText(items[0])!, /^- id: \$\{1\}\n {2}name:/);
    });
  });

  describe('incomplete documents and places without completion', () => {
    it('works on a value with nothing after it, a half-typed id and an empty line in an item', () => {
      assert.deepEqual(labels(complete('soa:\n  controls:\n    - id: A.5.1\n      owner: |')), ['alice', 'bob']);
      assert.equal(complete('soa:\n  controls:\n    - id: A.5.|').length, 93);
      assert.ok(labels(complete('risks:\n  - id: R-1\n\n    |\n    title: x\n')).includes('likelihood'));
    });

    it('works with compact lists and CRLF line ends', () => {
      assert.ok(labels(complete('soa:\n  controls:\n  - id: A.5.1\n    |\n')).includes('justification'));
      assert.deepEqual(labels(complete('soa:\r\n  controls:\r\n    - id: A.5.1\r\n      owner: |\r\n')), ['alice', 'bob']);
    });

    it('offers nothing in comments, block scalars, flow maps or after a closed flow list', () => {
      for (const text of [
        '# a comment |\n',
        'soa:\n  controls:\n    - id: A.5.1 # note |\n',
        'soa:\n  controls:\n    - id: A.5.1\n      justification: >\n        Needed |\n',
        'soa:\n  controls:\n    - id: A.5.1\n      justification: >\n        Needed\n        |\n',
        'soa:\n  controls:\n    - {id: |}\n',
        'risks:\n  - id: R-1\n    controls: [A.8.1] |\n',
        'soa:\n  controls:\n    - id: A.5.1\n      justification: "Needed\n        more |"\n',
      ]) {
        assert.deepEqual(labels(complete(text)), [], JSON.stringify(text));
      }
    });

    it('answers an empty list for an unknown file', () => {
      const ws = workspaceOf({});
      assert.deepEqual(getCompletions(ws, uriOf('nope.isms.yaml'), { line: 0, character: 0 }).items, []);
    });

    it('never throws, at any offset of the example ISMS or of its truncations', function () {
      this.timeout(30_000);
      const dir = path.resolve(__dirname, '../../../examples/acme');
      const tree: MemoryTree = {};
      for (const name of fs.readdirSync(dir)) if (name.endsWith('.isms.yaml')) tree[name] = fs.readFileSync(path.join(dir, name), 'utf8');
      const ws = workspaceOf(tree);
      for (const name of Object.keys(tree)) {
        const file = ws.file(uriOf(name))!;
        for (let offset = 0; offset <= file.text.length; offset += 7) getCompletions(ws, file.uri, file.lines.positionAt(offset));
      }
      const soa = tree['soa.isms.yaml'] as string;
      for (let cut = 0; cut < Math.min(soa.length, 6000); cut += 97) {
        const truncated = workspaceOf({ 'soa.isms.yaml': soa.slice(0, cut) });
        const file = truncated.file(uriOf('soa.isms.yaml'))!;
        getCompletions(truncated, file.uri, file.lines.positionAt(cut));
      }
    });
  });
});
