/**
 * Nothing in a file is executed or changes how the checker behaves: language tags
 * (`!!js/function`, `!!python/object/apply`) are unsupported tags whose values stay text,
 * a `%YAML 1.1` directive cannot switch schemas, and keys such as `__proto__` are data,
 * never prototype pollution — through parsing, every rule, every feature and the reports.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseIsmsFile } from '../../server/src/core/parse/ismsFile';
import { checkCase } from '../fuzz/checkCase';
import { uriOf, workspaceOf } from '../helpers/memoryHost';

const MARKER = path.join(os.tmpdir(), `isms-pwned-${process.pid}`);

const CODE_TAGS = `organization:
  name: !!js/function "function () { require('fs').writeFileSync('${MARKER}', 'x'); return 'Acme'; }"
  reviewCadence: !!python/object/apply:os.system ["touch ${MARKER}"]
people:
  - id: !!js/undefined ~
    name: !<tag:yaml.org,2002:js/regexp> /a+/
    email: !!js/eval "require('fs').writeFileSync('${MARKER}', 'x')"
scope:
  statement: !ruby/object:Gem::Installer { i: x }
  dataCategories: !!python/name:os.system []
`;

/** Every value is plain data: strings, numbers, booleans, null, arrays, plain objects. */
function assertPlainData(value: unknown, where = 'value'): void {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertPlainData(v, `${where}[${i}]`));
    return;
  }
  assert.equal(typeof value, 'object', `${where} is a ${typeof value}`);
  const proto = Object.getPrototypeOf(value);
  assert.ok(proto === Object.prototype || proto === null, `${where} is a ${(value as object).constructor?.name}`);
  for (const [k, v] of Object.entries(value as object)) assertPlainData(v, `${where}.${k}`);
}

describe('security: a file is data, never code', () => {
  afterEach(() => fs.rmSync(MARKER, { force: true }));

  it('reads language tags as unsupported tags with text values, and runs nothing', () => {
    const file = parseIsmsFile('file:///ws/x.isms.yaml', CODE_TAGS);
    assertPlainData(file.value);
    const value = file.value as { organization: { name: unknown }; people: { email: unknown }[] };
    assert.equal(typeof value.organization.name, 'string');
    assert.equal(typeof value.people[0]!.email, 'string');
    assert.ok(file.syntax.filter((s) => /Custom YAML tags are not supported/.test(s.message)).length >= 6, file.syntax.map((s) => s.message).join('\n'));
    // Through every rule and every feature, too.
    checkCase({
      origin: 'security', files: { 'x.isms.yaml': CODE_TAGS }, target: 'x.isms.yaml', positions: [0.1, 0.3, 0.5, 0.9], wildPosition: { line: 0, character: 0 },
      renameTo: 'bob', symbolQuery: 'a', report: { kind: 'soa', format: 'html' }, today: '2026-11-28', heavy: true,
    });
    assert.equal(fs.existsSync(MARKER), false, 'a tag ran code');
  });

  it('keeps the YAML 1.2 core schema under a %YAML 1.1 directive: no dates, no bytes, no merges, no yes/no booleans', () => {
    const file = parseIsmsFile('file:///ws/x.isms.yaml', '%YAML 1.1\n---\norganization:\n  name: yes\n  approval:\n    date: 2026-01-15\n    evidence: !!binary aGVsbG8=\nbase: &b {x: 1}\nmerged:\n  <<: *b\n');
    assertPlainData(file.value);
    assert.deepEqual(file.value, {
      organization: { name: 'yes', approval: { date: '2026-01-15', evidence: 'aGVsbG8=' } },
      base: { x: 1 },
      merged: { '<<': { x: 1 } },
    });
  });

  it('keeps __proto__, constructor and prototype keys as data, through the whole checker', () => {
    const text = [
      '__proto__:', '  polluted: true', 'constructor:', '  prototype:', '    polluted: true',
      'people:', '  - id: __proto__', '    name: Proto', '    __proto__: { polluted: true }', '    roles: [toString, valueOf, __proto__]',
      'soa:', '  controls:', '    - id: A.5.1', '      applicable: true', '      justification: Needed for constructor and prototype reasons.', '      owner: __proto__',
      '      evidence: [constructor, hasOwnProperty]', '',
    ].join('\n');
    const ws = workspaceOf({ 'x.isms.yaml': text });
    const diagnostics = ws.diagnose(uriOf('x.isms.yaml'))!.diagnostics;
    assert.ok(diagnostics.some((d) => d.code === 'unknown-evidence'), 'constructor and hasOwnProperty are not evidence ids');
    assert.ok(!diagnostics.some((d) => d.code === 'unknown-person'), '__proto__ is a defined person here');
    checkCase({
      origin: 'security', files: { 'x.isms.yaml': text }, target: 'x.isms.yaml', positions: [0.05, 0.4, 0.8], wildPosition: { line: 0, character: 0 },
      renameTo: 'constructor', symbolQuery: '__proto__', report: { kind: 'soa', format: 'csv' }, today: '2026-11-28', heavy: true,
    });
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted');
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  });
});
