import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { CONTROLS } from '../../../server/src/core/catalog';
import { diagnosticsOf, summarize, workspaceOf } from '../../helpers/memoryHost';

const CODE = ['soa-incomplete'];
const FILE = 'soa.isms.yaml';
const lines = (...rows: string[]): string => rows.join('\n') + '\n';

const entry = (id: string): string[] => [`    - id: ${id}`, '      applicable: false', '      justification: Not relevant to the platform in scope.'];
const soaOf = (ids: readonly string[]): string => lines('soa:', '  revision: 1', '  controls:', ...ids.flatMap(entry));
const ALL_IDS = CONTROLS.map((c) => c.id);

describe('rule soa-incomplete', () => {
  it('reports on the `controls` key, counting and naming the missing controls in Annex A order', () => {
    const ws = workspaceOf({ [FILE]: soaOf(ALL_IDS.filter((id) => !['A.5.3', 'A.7.4', 'A.8.34'].includes(id))) });
    assert.deepEqual(summarize(ws, FILE, CODE), [{ code: 'soa-incomplete', line: 3, text: 'controls' }]);
    const [d] = diagnosticsOf(ws, FILE, CODE);
    assert.equal(d!.severity, DiagnosticSeverity.Warning);
    assert.match(d!.message, /addresses 90 of the 93/);
    assert.match(d!.message, /3 are missing: A\.5\.3, A\.7\.4, A\.8\.34\./);
    assert.deepEqual(d!.data, { missing: ['A.5.3', 'A.7.4', 'A.8.34'] });
  });

  it('lists every missing control in data even when the message summarises', () => {
    const ws = workspaceOf({ [FILE]: soaOf(['A.8.1', 'A.5.2']) });
    const [d] = diagnosticsOf(ws, FILE, CODE);
    assert.match(d!.message, /addresses 2 of the 93 .* 91 are missing: A\.5\.1, A\.5\.3,.* and \d+ more/);
    assert.deepEqual((d!.data as { missing: string[] }).missing, ALL_IDS.filter((id) => id !== 'A.8.1' && id !== 'A.5.2'));
  });

  it('does not count a misformatted, unknown or 2013 id as addressing a control', () => {
    const ids = ALL_IDS.filter((id) => !['A.5.1', 'A.5.10', 'A.5.16'].includes(id));
    const ws = workspaceOf({ [FILE]: soaOf([...ids, '5.1', 'a.5.10', 'A.9.2.1', 'A.5.38']) });
    assert.deepEqual((diagnosticsOf(ws, FILE, CODE)[0]!.data as { missing: string[] }).missing, ['A.5.1', 'A.5.10', 'A.5.16']);
  });

  it('anchors on the `soa` key when `controls` is absent', () => {
    const ws = workspaceOf({ [FILE]: lines('soa:', '  revision: 1') });
    assert.deepEqual(summarize(ws, FILE, CODE), [{ code: 'soa-incomplete', line: 1, text: 'soa' }]);
  });

  it('stays silent when all 93 controls are addressed', () => {
    const ws = workspaceOf({ [FILE]: soaOf([...ALL_IDS].reverse()) });
    assert.deepEqual(summarize(ws, FILE, CODE), []);
  });

  it('stays silent when there is no soa section at all', () => {
    const ws = workspaceOf({ 'org.isms.yaml': lines('organization:', '  name: Acme') });
    assert.deepEqual(summarize(ws, 'org.isms.yaml', CODE), []);
  });
});
