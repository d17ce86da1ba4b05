import * as assert from 'node:assert/strict';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['unknown-clause'];
const FILE = 'ncs.isms.yaml';
const lines = (...rows: string[]): string => rows.join('\n') + '\n';

/** Nonconformities citing each clause in turn; the clause of item i is on line 3 + 6 i. */
const findings = (...clauses: string[]): string =>
  lines(
    'nonconformities:',
    ...clauses.flatMap((clause, i) => [
      `  - id: NC-${i + 1}`,
      `    clause: ${clause}`,
      '    severity: minor',
      '    description: A requirement of the standard is not met.',
      '    raised: 2026-04-02',
      '    status: open',
    ]),
  );

describe('rule unknown-clause', () => {
  it('reports a heading, a clause past 10.2 and 10.3, with the closest clauses as suggestions', () => {
    const ws = workspaceOf({ [FILE]: findings('4', '11.1', '10.3') });
    assert.deepEqual(summarize(ws, FILE, [...CODE, 'schema']), [
      { code: 'unknown-clause', line: 3, text: '4' },
      { code: 'unknown-clause', line: 9, text: '11.1' },
      { code: 'unknown-clause', line: 15, text: '10.3' },
    ]);
    const [heading, , tenThree] = diagnosticsOf(ws, FILE, CODE);
    assert.match(heading!.message, /'4' is not a clause of ISO\/IEC 27001:2022.*4\.1 to 10\.2/);
    assert.equal((tenThree!.data as { suggestions: string[] }).suggestions[0], '10.2');
    assert.match(tenThree!.message, /Did you mean 10\.2/);
  });

  it('stays silent on clauses of the standard, quoted or read as numbers', () => {
    const ws = workspaceOf({ [FILE]: findings('"6.1.3"', '10.2', '9.1', '"4.1"', '7.5.1', '6.3') });
    assert.deepEqual(summarize(ws, FILE, CODE), []);
  });
});
