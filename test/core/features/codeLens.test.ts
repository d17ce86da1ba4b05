import * as assert from 'node:assert/strict';
import type { Location, Position } from 'vscode-languageserver-types';
import { getCodeLenses } from '../../../server/src/core/features/codeLens';
import { SHOW_REFERENCES_COMMAND } from '../../../server/src/protocol';
import { uriOf, workspaceOf } from '../../helpers/memoryHost';
import { FINDINGS, lines, PEOPLE, TREE, where } from './navigationFixtures';

/** `line: title` for each lens of a file (1-based lines). */
function titles(ws: ReturnType<typeof workspaceOf>, rel: string): string[] {
  return getCodeLenses(ws, uriOf(rel)).map((l) => `${l.range.start.line + 1}: ${l.command!.title}`);
}

describe('code lenses', () => {
  const ws = workspaceOf(TREE);

  it('counts the risks, nonconformities and evidence of each SoA entry', () => {
    assert.deepEqual(titles(ws, 'soa.isms.yaml'), ['4: 1 risk · 1 open nonconformity · 2 evidence', '10: 1 risk']);
  });

  it('says who cites each evidence item and what each person is responsible for', () => {
    assert.deepEqual(titles(ws, 'people.isms.yaml'), [
      '2: owns 1 control · approves the SoA',
      '5: owns 1 control · 1 risk · 1 evidence · 1 nonconformity',
      '8: verifies 1 nonconformity · auditor of 1 audit',
      '12: cited by 1 control · 1 nonconformity',
      '16: cited by 1 control',
    ]);
  });

  it('says "not cited" when nothing refers to an item, and summarises an SoA entry with nothing', () => {
    const lonely = workspaceOf({
      'a.isms.yaml': lines(
        'people:', '  - id: dan', '    name: Dan',
        'evidence:', '  - id: EV-9', '    title: Unused', '    link: https://example.com/x',
        'soa:', '  controls:', '    - id: A.5.2', '      applicable: true',
      ),
    });
    assert.deepEqual(titles(lonely, 'a.isms.yaml'), ['2: not cited', '5: not cited', '10: no risks, nonconformities or evidence']);
    assert.ok(getCodeLenses(lonely, uriOf('a.isms.yaml'), SHOW_REFERENCES_COMMAND).every((l) => l.command!.command === ''));
  });

  it('distinguishes open and closed nonconformities', () => {
    const closed = FINDINGS.replace('status: open', 'status: closed');
    const two = closed + lines(
      '  - id: NC-002', '    audit: AU-1', '    severity: minor', '    control: A.5.15',
      '    description: Second finding on access control here.', '    raised: 2026-09-02', '    status: open',
    );
    assert.equal(titles(workspaceOf({ ...TREE, 'findings.isms.yaml': closed }), 'soa.isms.yaml')[0], '4: 1 risk · 1 closed nonconformity · 2 evidence');
    assert.equal(titles(workspaceOf({ ...TREE, 'findings.isms.yaml': two }), 'soa.isms.yaml')[0], '4: 1 risk · 2 nonconformities (1 open) · 2 evidence');
  });

  it('runs the show-references command with the uri, the position and the places', () => {
    const lenses = getCodeLenses(ws, uriOf('people.isms.yaml'), SHOW_REFERENCES_COMMAND);
    const bob = lenses.find((l) => l.range.start.line === 4)!;
    assert.equal(bob.command!.command, 'isms.showReferences');
    const [uri, position, locations] = bob.command!.arguments as [string, Position, Location[]];
    assert.equal(uri, uriOf('people.isms.yaml'));
    assert.deepEqual(position, { line: 4, character: 8 });
    assert.deepEqual(locations.map((l) => where(ws, l)), ['findings.isms.yaml:8 bob', 'findings.isms.yaml:24 bob', 'people.isms.yaml:15 bob', 'soa.isms.yaml:8 bob']);
    const entry = getCodeLenses(ws, uriOf('soa.isms.yaml'), SHOW_REFERENCES_COMMAND)[0]!;
    assert.deepEqual((entry.command!.arguments![2] as Location[]).map((l) => where(ws, l)), [
      'findings.isms.yaml:7 A.5.15', 'findings.isms.yaml:19 A.5.15', 'people.isms.yaml:12 EV-001', 'people.isms.yaml:16 EV-002',
    ]);
  });

  it('has titles only without a command id (the CLI, other clients)', () => {
    assert.ok(getCodeLenses(ws, uriOf('people.isms.yaml')).every((l) => l.command!.command === '' && l.command!.arguments === undefined));
  });

  it('counts every item a person owns', () => {
    const tree = { ...TREE, 'people.isms.yaml': PEOPLE.replace('    link: https://example.com/policy', '    link: https://example.com/policy\n    owner: bob') };
    assert.equal(titles(workspaceOf(tree), 'people.isms.yaml')[1], '5: owns 1 control · 1 risk · 2 evidence · 1 nonconformity');
  });
});
