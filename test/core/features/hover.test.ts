import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { getHover } from '../../../server/src/core/features/hover';
import { withCursor } from '../../helpers/cursor';
import { uriOf, workspaceOf, type MemoryTree } from '../../helpers/memoryHost';

const PEOPLE = `people:
  - id: alice
    name: Alice Chen
    email: alice@example.com
    roles: [isms-manager, review-supervisor]
  - id: bob
    name: Bob Diaz
    roles: [remediation-owner]
  - id: carol
    name: Carol Evans
    roles: [verifier, internal-auditor]
`;
const SOA = `soa:
  revision: 2
  approvedBy: alice
  controls:
    - id: A.5.15
      applicable: true
      justification: Least privilege for production and customer data.
      status: implemented
      owner: alice
      evidence: [EV-001, EV-002]
    - id: A.7.4
      applicable: false
      justification: No premises in scope; the company is fully remote.
`;
const REGISTERS = `evidence:
  - id: EV-001
    title: Access control policy
    link: https://example.com/policy
    collected: 2026-10-01
    owner: alice
  - id: EV-002
    title: Access review Q1
    link: evidence/review-q1.md
    collected: 2025-06-01
risks:
  - id: R-008
    title: Stale access rights after departures
    likelihood: 3
    impact: 4
    treatment: mitigate
    controls: [A.5.15, A.8.2]
    owner: alice
audits:
  - id: AU-IA1
    type: internal-audit
    date: 2026-09-01
    status: completed
    auditor: carol
    report: EV-001
nonconformities:
  - id: NC-003
    audit: AU-IA1
    severity: minor
    control: A.5.15
    description: Two leavers kept their VPN accounts for a week.
    raised: 2026-09-02
    due: 2026-10-02
    status: open
    owner: bob
  - id: NC-004
    audit: AU-IA1
    severity: major
    clause: "9.2.2"
    description: The audit programme does not cover all processes.
    raised: 2026-09-02
    status: open
    owner: bob
    verifiedBy: carol
`;

/** The hover at the `|` of `file` (one of the files below; the marker is placed in that file's text). */
function hoverAt(file: string, text: string, extra: MemoryTree = {}): { hover: Hover | null; value: string; covered: string } {
  const { text: clean, offset } = withCursor(text);
  const ws = workspaceOf({ 'people.isms.yaml': PEOPLE, 'soa.isms.yaml': SOA, 'registers.isms.yaml': REGISTERS, ...extra, [file]: clean });
  const parsed = ws.file(uriOf(file))!;
  const hover = getHover(ws, uriOf(file), parsed.lines.positionAt(offset));
  const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
  const covered = hover?.range ? clean.slice(parsed.lines.offsetAt(hover.range.start), parsed.lines.offsetAt(hover.range.end)) : '';
  return { hover, value, covered };
}

/** `text` with the cursor put `delta` characters into the first occurrence of `needle`. */
function mark(text: string, needle: string, delta = 1): string {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in the text`);
  return text.slice(0, at + delta) + '|' + text.slice(at + delta);
}

describe('hover', () => {
  describe('control ids', () => {
    it('shows the title, theme, attributes, guidance and 2013 predecessors of a control in the SoA', () => {
      const { value, covered } = hoverAt('soa.isms.yaml', mark(SOA, 'A.5.15'));
      assert.equal(covered, 'A.5.15');
      assert.match(value, /^\*\*A\.5\.15 Access control\*\*/);
      assert.match(value, /Organizational controls \(Annex A 5\)/);
      assert.match(value, /\| Control type \| \\#Preventive \|/);
      assert.match(value, /\| Operational capabilities \| \\#Identity\\_and\\_access\\_management \|/);
      assert.match(value, /least privilege/);
      assert.match(value, /- A\.9\.1\.1 Access control policy/);
      assert.match(value, /- A\.9\.1\.2 Access to networks and network services/);
    });

    it("shows the control's state in this ISMS: applicability, status, owner, evidence, risks and open findings", () => {
      const { value } = hoverAt('soa.isms.yaml', mark(SOA, 'A.5.15'));
      assert.match(value, /SoA: \*\*applicable\*\* · status `implemented` · owner Alice Chen \(`alice`\) · 2 evidence items/);
      assert.match(value, /Justification: Least privilege for production and customer data\./);
      assert.match(value, /Risks citing it: `R-008` Stale access rights after departures/);
      assert.match(value, /Open nonconformities: `NC-003` \(minor, open\)/);
    });

    it('shows the same on a control cited by a risk or a nonconformity', () => {
      const risk = hoverAt('registers.isms.yaml', mark(REGISTERS, 'A.5.15,'));
      assert.equal(risk.covered, 'A.5.15');
      assert.match(risk.value, /^\*\*A\.5\.15 Access control\*\*/);
      assert.match(risk.value, /status `implemented`/);
      const nc = hoverAt('registers.isms.yaml', mark(REGISTERS, 'control: A.5.15', 11));
      assert.match(nc.value, /^\*\*A\.5\.15 Access control\*\*/);
    });

    it('says when a control is excluded, or not in the SoA at all, and flags controls new in 2022', () => {
      const excluded = hoverAt('soa.isms.yaml', mark(SOA, 'A.7.4'));
      assert.match(excluded.value, /SoA: \*\*excluded\*\* \(not applicable\)/);
      assert.match(excluded.value, /Justification: No premises in scope; the company is fully remote\./);
      const missing = hoverAt('registers.isms.yaml', mark(REGISTERS, 'A.8.2]'));
      assert.match(missing.value, /^\*\*A\.8\.2 Privileged access rights\*\*/);
      assert.match(missing.value, /Not in the SoA/);
      const fresh = hoverAt('main.isms.yaml', 'risks:\n  - id: R-1\n    controls: [A.5.|7]\n');
      assert.match(fresh.value, /\*\*A\.5\.7 Threat intelligence\*\*/);
      assert.match(fresh.value, /new in ISO\/IEC 27001:2022/);
      assert.match(fresh.value, /No ISO\/IEC 27001:2013 predecessor/);
    });

    it('names the 2022 control(s) a 2013 id became', () => {
      const { value, covered } = hoverAt('main.isms.yaml', 'risks:\n  - id: R-1\n    controls: [A.9.|2.1]\n');
      assert.equal(covered, 'A.9.2.1');
      assert.match(value, /\*\*A\.9\.2\.1 User registration and de-registration\*\* \(ISO\/IEC 27001:2013\)/);
      assert.match(value, /- A\.5\.16 Identity management/);
      assert.match(value, /Write `A\.5\.16` instead/);
    });

    it('suggests the closest control for an unknown id', () => {
      const { value } = hoverAt('main.isms.yaml', 'nonconformities:\n  - id: NC-1\n    control: A.5.3|8\n');
      assert.match(value, /`A\.5\.38` is not an ISO\/IEC 27001:2022 Annex A control/);
      assert.match(value, /Did you mean `A\.5\.37`/);
    });

    it('recognises a control id written in free text', () => {
      const { value, covered } = hoverAt('main.isms.yaml', 'scope:\n  statement: Everything covered by A.8.2|4, see the policy.\n');
      assert.equal(covered, 'A.8.24');
      assert.match(value, /\*\*A\.8\.24 Use of cryptography\*\*/);
    });
  });

  it('shows a clause with its parent headings', () => {
    const { value, covered } = hoverAt('registers.isms.yaml', mark(REGISTERS, '"9.2.2"', 2));
    assert.equal(covered, '"9.2.2"');
    assert.match(value, /^\*\*9\.2\.2 Internal audit programme\*\*/);
    assert.match(value, /9 Performance evaluation › 9\.2 Internal audit/);
    assert.match(value, /Nonconformities citing it: `NC-004`/);
  });

  describe('people', () => {
    it('shows name, roles, email and what a person owns, on a citation', () => {
      const { value, covered } = hoverAt('soa.isms.yaml', mark(SOA, 'owner: alice', 8));
      assert.equal(covered, 'alice');
      assert.match(value, /^\*\*Alice Chen\*\* \(`alice`\)/);
      assert.match(value, /Roles: `isms-manager`, `review-supervisor`/);
      assert.match(value, /Email: alice@example\.com/);
      assert.match(value, /SoA controls owned \(1\): `A\.5\.15`/);
      assert.match(value, /Risks owned \(1\): `R-008`/);
      assert.match(value, /Evidence kept \(1\): `EV-001`/);
      assert.match(value, /Approved the Statement of Applicability/);
    });

    it('shows the same on the definition, with remediation and verification duties', () => {
      const bob = hoverAt('people.isms.yaml', mark(PEOPLE, 'id: bob', 5));
      assert.equal(bob.covered, 'bob');
      assert.match(bob.value, /Nonconformities to remediate \(2\): `NC-003`, `NC-004`/);
      const carol = hoverAt('people.isms.yaml', mark(PEOPLE, 'id: carol', 5));
      assert.match(carol.value, /Nonconformities to verify \(1\): `NC-004`/);
      assert.match(carol.value, /Audits as auditor \(1\): `AU-IA1`/);
    });

    it('says when a cited person is not defined', () => {
      const { value } = hoverAt('main.isms.yaml', 'risks:\n  - id: R-1\n    owner: zo|e\n');
      assert.match(value, /`zoe`\*\* — not defined in `people`/);
    });
  });

  describe('evidence', () => {
    it('shows title, link, age, owner and what cites it', () => {
      const { value, covered } = hoverAt('soa.isms.yaml', mark(SOA, 'EV-001', 2));
      assert.equal(covered, 'EV-001');
      assert.match(value, /^\*\*`EV-001` Access control policy\*\*/);
      assert.match(value, /Link: \[https:\/\/example\.com\/policy\]\(https:\/\/example\.com\/policy\)/);
      assert.match(value, /Collected: 2026-10-01 \(58 days ago\)/);
      assert.match(value, /Owner: Alice Chen \(`alice`\)/);
      assert.match(value, /Cited by: .*SoA A\.5\.15/);
      assert.match(value, /Cited by: .*report of AU-IA1/);
    });

    it('flags stale evidence by the workspace setting', () => {
      const { value } = hoverAt('soa.isms.yaml', mark(SOA, 'EV-002', 2));
      assert.match(value, /Link: `evidence\/review-q1\.md`/);
      assert.match(value, /Collected: 2025-06-01 \(545 days ago\) — \*\*stale\*\* \(older than 365 days\)/);
      const lenient = hoverAt('soa.isms.yaml', mark(SOA, 'EV-002', 2), { 'isms.config.yaml': 'evidenceMaxAgeDays: 600\n' });
      assert.doesNotMatch(lenient.value, /stale/);
    });
  });

  it('summarises audits, risks and nonconformities', () => {
    const audit = hoverAt('registers.isms.yaml', mark(REGISTERS, 'audit: AU-IA1', 9));
    assert.match(audit.value, /`internal-audit` · 2026-09-01 · completed/);
    assert.match(audit.value, /Report: `EV-001` Access control policy/);
    assert.match(audit.value, /Nonconformities raised: 2 \(2 not closed\)/);
    const risk = hoverAt('registers.isms.yaml', mark(REGISTERS, 'R-008', 2));
    assert.match(risk.value, /^\*\*`R-008` Stale access rights after departures\*\*/);
    assert.match(risk.value, /Likelihood 3 × impact 4 = \*\*12\*\*/);
    assert.match(risk.value, /Controls: A\.5\.15 Access control, A\.8\.2 Privileged access rights/);
    const nc = hoverAt('registers.isms.yaml', mark(REGISTERS, 'NC-003', 2));
    assert.match(nc.value, /minor nonconformity · open/);
    assert.match(nc.value, /Due: 2026-10-02 — \*\*overdue\*\*/);
    assert.match(nc.value, /Owner: Bob Diaz \(`bob`\)/);
    assert.match(nc.value, /Two leavers kept their VPN accounts/);
  });

  it('recognises a risk id written in free text', () => {
    const { value, covered } = hoverAt('main.isms.yaml', 'scope:\n  statement: Driven by risk R-0|08.\n');
    assert.equal(covered, 'R-008');
    assert.match(value, /Stale access rights/);
  });

  describe('keys and values', () => {
    it("shows a key's title, description and allowed values", () => {
      const { value, covered } = hoverAt('soa.isms.yaml', mark(SOA, 'status:', 2));
      assert.equal(covered, 'status');
      assert.match(value, /^\*\*Status\*\* \(`status`\)/);
      assert.match(value, /The implementation status of an applicable control/);
      assert.match(value, /- `planned` — The control is planned but not yet in place\./);
    });

    it('documents section keys and keys of list items', () => {
      assert.match(hoverAt('soa.isms.yaml', mark(SOA, 'soa:', 1)).value, /Statement of Applicability/);
      assert.match(hoverAt('people.isms.yaml', mark(PEOPLE, 'roles:', 1)).value, /- `verifier` — Verifies remediation/);
    });

    it('explains an enum value', () => {
      const { value, covered } = hoverAt('soa.isms.yaml', mark(SOA, 'implemented', 3));
      assert.equal(covered, 'implemented');
      assert.match(value, /^`implemented` — The control is in place and operating\./);
    });

    it('says nothing on an unknown key, free text without ids or a comment', () => {
      assert.equal(hoverAt('main.isms.yaml', 'soa:\n  colour|s: red\n').hover, null);
      assert.equal(hoverAt('main.isms.yaml', 'scope:\n  statement: All of |it.\n').hover, null);
      assert.equal(hoverAt('main.isms.yaml', '# A.5.|15\nsoa: {}\n').hover, null);
    });
  });

  it('never throws, at any offset of the example ISMS', function () {
    this.timeout(30_000);
    const dir = path.resolve(__dirname, '../../../examples/acme');
    const tree: MemoryTree = {};
    for (const name of fs.readdirSync(dir)) if (name.endsWith('.isms.yaml')) tree[name] = fs.readFileSync(path.join(dir, name), 'utf8');
    const ws = workspaceOf(tree);
    for (const name of Object.keys(tree)) {
      const file = ws.file(uriOf(name))!;
      for (let offset = 0; offset <= file.text.length; offset += 5) getHover(ws, file.uri, file.lines.positionAt(offset));
    }
  });
});
