/**
 * A small ISMS split over three files, shared by the navigation feature tests, and a
 * helper that places the cursor marker `|` in one of them.
 */
import type { Location, Position } from 'vscode-languageserver-types';
import type { IsmsWorkspace } from '../../../server/src/core/workspace/ismsWorkspace';
import { withCursor } from '../../helpers/cursor';
import { uriOf, workspaceOf, type MemoryTree } from '../../helpers/memoryHost';

export const lines = (...rows: string[]): string => rows.join('\n') + '\n';

export const PEOPLE = lines(
  'people:',
  '  - id: alice',
  '    name: Alice Chen',
  '    roles: [isms-manager]',
  '  - id: bob',
  '    name: Bob Diaz',
  '    roles: [remediation-owner]',
  '  - id: carol',
  '    name: Carol Evans',
  '    roles: [verifier, internal-auditor]',
  'evidence:',
  '  - id: EV-001',
  '    title: Access review Q3',
  '    link: evidence/access-review.md',
  '    owner: bob',
  '  - id: EV-002',
  '    title: Policy',
  '    link: https://example.com/policy',
);

export const SOA = lines(
  'soa:',
  '  approvedBy: alice',
  '  controls:',
  '    - id: A.5.15',
  '      applicable: true',
  '      justification: Access to production must be controlled.',
  '      status: implemented',
  '      owner: bob',
  '      evidence: [EV-001, EV-002]',
  '    - id: A.8.1',
  '      applicable: true',
  '      justification: Laptops hold customer data and source code.',
  '      status: planned',
  '      owner: "alice"',
);

export const FINDINGS = lines(
  'risks:',
  '  - id: R-001',
  '    title: Stolen laptop exposes customer data',
  '    likelihood: 3',
  '    impact: 4',
  '    treatment: mitigate',
  '    controls: [A.8.1, A.5.15]',
  '    owner: bob',
  'audits:',
  '  - id: AU-1',
  '    type: internal-audit',
  '    date: 2026-09-01',
  '    status: completed',
  '    auditor: carol',
  'nonconformities:',
  '  - id: NC-001',
  '    audit: AU-1',
  '    severity: minor',
  '    control: A.5.15',
  '    description: Access reviews are not performed for production systems.',
  '    raised: 2026-09-02',
  '    due: 2027-09-02',
  '    status: open',
  '    owner: bob',
  '    verifiedBy: carol',
  '    correctionEvidence: [EV-001]',
);

export const TREE: MemoryTree = {
  'people.isms.yaml': PEOPLE,
  'soa.isms.yaml': SOA,
  'findings.isms.yaml': FINDINGS,
  'evidence/access-review.md': '# Access review\n',
};

export interface AtCursor {
  ws: IsmsWorkspace;
  uri: string;
  pos: Position;
}

/**
 * The workspace of `tree` where the file `rel` has the text `marked` with its cursor
 * marker removed; the cursor as an LSP position.
 */
export function cursorIn(rel: string, marked: string, tree: MemoryTree = TREE): AtCursor {
  const { text, offset } = withCursor(marked);
  const ws = workspaceOf({ ...tree, [rel]: text });
  const uri = uriOf(rel);
  return { ws, uri, pos: ws.file(uri)!.lines.positionAt(offset) };
}

/** Puts the marker before the `occurrence`-th match of `needle` (1-based) in `text`. */
export function mark(text: string, needle: string, occurrence = 1, shift = 0): string {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' occurs fewer than ${occurrence} times`);
  }
  return text.slice(0, at + shift) + '|' + text.slice(at + shift);
}

/** `file.isms.yaml:line:char-char` (1-based line) with the text the range covers. */
export function where(ws: IsmsWorkspace, location: Location): string {
  const file = ws.file(location.uri)!;
  const text = file.text.slice(file.lines.offsetAt(location.range.start), file.lines.offsetAt(location.range.end));
  const rel = location.uri.slice(location.uri.lastIndexOf('/') + 1);
  return `${rel}:${location.range.start.line + 1} ${text}`;
}
