import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ATTRIBUTE_VALUES,
  CITABLE_CLAUSES,
  CLAUSES,
  CONTROLS,
  CONTROL_IDS,
  GUIDANCE,
  LEGACY_CONTROLS,
  THEMES,
  attributeTag,
  clauseLabel,
  closestClauseIds,
  closestControlIds,
  controlsOfTheme,
  editDistance,
  formatAttribute,
  getClause,
  getControl,
  getLegacyControl,
  isClauseId,
  isControlId,
  isLegacyControlId,
  legacyPredecessors,
  legacyReplacement,
  searchControls,
  topLevelClause,
} from '../../server/src/core/catalog';

const ids = (list: readonly { id: string }[]): string[] => list.map((c) => c.id);

describe('catalog: Annex A 2022', () => {
  it('has 93 controls: 37 organizational, 8 people, 14 physical, 34 technological', () => {
    assert.equal(CONTROLS.length, 93);
    assert.equal(controlsOfTheme('Organizational').length, 37);
    assert.equal(controlsOfTheme('People').length, 8);
    assert.equal(controlsOfTheme('Physical').length, 14);
    assert.equal(controlsOfTheme('Technological').length, 34);
    assert.deepEqual(
      THEMES.map((t) => [t.theme, t.heading, t.clause, t.idPrefix, t.count]),
      [
        ['Organizational', 'Organizational controls', '5', 'A.5.', 37],
        ['People', 'People controls', '6', 'A.6.', 8],
        ['Physical', 'Physical controls', '7', 'A.7.', 14],
        ['Technological', 'Technological controls', '8', 'A.8.', 34],
      ],
    );
  });

  it('lists the controls in Annex A order with consistent id, number, theme and index', () => {
    const expected: string[] = [];
    for (const [clause, count] of [[5, 37], [6, 8], [7, 14], [8, 34]] as const) {
      for (let n = 1; n <= count; n++) expected.push(`A.${clause}.${n}`);
    }
    assert.deepEqual(ids(CONTROLS), expected);
    assert.deepEqual([...CONTROL_IDS], expected);
    const themeOf: Record<string, string> = { '5': 'Organizational', '6': 'People', '7': 'Physical', '8': 'Technological' };
    CONTROLS.forEach((c, i) => {
      assert.equal(c.index, i);
      assert.equal(c.id, `A.${c.number}`);
      assert.equal(c.theme, themeOf[c.number.split('.')[0]!]);
    });
  });

  it('flags exactly the 11 controls new in 2022, and only they have no 2013 predecessor', () => {
    const fresh = ['A.5.7', 'A.5.23', 'A.5.30', 'A.7.4', 'A.8.9', 'A.8.10', 'A.8.11', 'A.8.12', 'A.8.16', 'A.8.23', 'A.8.28'];
    assert.deepEqual(ids(CONTROLS.filter((c) => c.isNew)), fresh);
    assert.deepEqual(ids(CONTROLS.filter((c) => c.ids2013.length === 0)), fresh);
  });

  it('has the expected titles', () => {
    const title = (id: string): string | undefined => getControl(id)?.title;
    assert.equal(title('A.5.1'), 'Policies for information security');
    assert.equal(title('A.5.15'), 'Access control');
    assert.equal(title('A.5.23'), 'Information security for use of cloud services');
    assert.equal(title('A.6.6'), 'Confidentiality or non-disclosure agreements');
    assert.equal(title('A.7.4'), 'Physical security monitoring');
    assert.equal(title('A.8.1'), 'User end point devices');
    assert.equal(getControl('A.8.1')?.title27002, 'User endpoint devices');
    assert.equal(title('A.8.24'), 'Use of cryptography');
    assert.equal(title('A.8.25'), 'Secure development life cycle');
    assert.equal(getControl('A.8.25')?.title27002, 'Secure development lifecycle');
    assert.equal(title('A.8.34'), 'Protection of information systems during audit testing');
    const differing = CONTROLS.filter((c) => c.title !== c.title27002);
    assert.deepEqual(ids(differing), ['A.8.1', 'A.8.25']);
  });

  it('looks controls up by exact, case-sensitive id', () => {
    assert.equal(getControl('A.5.15')?.index, 14);
    assert.equal(getControl('a.5.15'), undefined);
    assert.equal(getControl('5.15'), undefined);
    assert.equal(getControl('A.5.38'), undefined);
    assert.equal(getControl(' A.5.15'), undefined);
    assert.equal(isControlId('A.8.34'), true);
    assert.equal(isControlId('A.8.35'), false);
  });

  it('carries valid ISO/IEC 27002 attributes on every control', () => {
    for (const c of CONTROLS) {
      for (const key of Object.keys(ATTRIBUTE_VALUES) as (keyof typeof ATTRIBUTE_VALUES)[]) {
        const values = c.attributes[key];
        assert.ok(values.length > 0, `${c.id} ${key} is empty`);
        for (const v of values) assert.ok(ATTRIBUTE_VALUES[key].includes(v), `${c.id} ${key}: ${v}`);
        assert.equal(new Set(values).size, values.length, `${c.id} ${key} has duplicates`);
      }
    }
    const a824 = getControl('A.8.24')!.attributes;
    assert.deepEqual(a824.controlType, ['Preventive']);
    assert.deepEqual(a824.operationalCapabilities, ['Secure_configuration']);
    assert.deepEqual(getControl('A.5.30')!.attributes.informationSecurityProperties, ['Availability']);
    assert.deepEqual(getControl('A.5.7')!.attributes.controlType, ['Preventive', 'Detective', 'Corrective']);
  });

  it('formats attribute values', () => {
    assert.equal(formatAttribute('Asset_management'), 'Asset management');
    assert.equal(formatAttribute('Governance_and_Ecosystem'), 'Governance and Ecosystem');
    assert.equal(formatAttribute('#Identity_and_access_management'), 'Identity and access management');
    assert.equal(formatAttribute('Preventive'), 'Preventive');
    assert.equal(attributeTag('Asset_management'), '#Asset_management');
    assert.equal(attributeTag('#Protect'), '#Protect');
  });

  it('exposes immutable data', () => {
    assert.ok(Object.isFrozen(CONTROLS));
    assert.ok(Object.isFrozen(CONTROLS[0]));
    assert.ok(Object.isFrozen(CONTROLS[0]!.ids2013));
    assert.throws(() => {
      (CONTROLS as unknown as unknown[]).push({});
    });
  });
});

describe('catalog: guidance', () => {
  it('has guidance of reasonable length for every one of the 93 controls, and for nothing else', () => {
    assert.deepEqual(Object.keys(GUIDANCE).sort(), [...CONTROL_IDS].sort());
    for (const c of CONTROLS) {
      const text = GUIDANCE[c.id]!;
      assert.equal(c.guidance, text);
      assert.ok(text.length >= 80 && text.length <= 600, `${c.id}: ${text.length} characters`);
      const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z])/).length;
      assert.ok(sentences >= 1 && sentences <= 3, `${c.id}: ${sentences} sentences`);
      assert.equal(text, text.trim());
      assert.match(text, /[.!?]$/);
    }
  });

  it('is distinct for each control and tells what evidence to show', () => {
    assert.equal(new Set(Object.values(GUIDANCE)).size, 93);
    const evidenceWords = /\b(evidence|show|auditors?|records?|logs?|reports?)\b/i;
    for (const c of CONTROLS) assert.match(c.guidance, evidenceWords, c.id);
  });

  it('is about the right subject (spot checks)', () => {
    assert.match(GUIDANCE['A.5.7']!, /threat/i);
    assert.match(GUIDANCE['A.5.23']!, /cloud/i);
    assert.match(GUIDANCE['A.7.4']!, /CCTV|monitor/i);
    assert.match(GUIDANCE['A.8.8']!, /vulnerabilit/i);
    assert.match(GUIDANCE['A.8.11']!, /mask/i);
    assert.match(GUIDANCE['A.8.12']!, /leav|DLP|leak/i);
    assert.match(GUIDANCE['A.8.13']!, /backup/i);
    assert.match(GUIDANCE['A.8.24']!, /crypt|encrypt/i);
    assert.match(GUIDANCE['A.6.1']!, /background|screening/i);
  });
});

describe('catalog: 2013 controls and the mapping', () => {
  it('has the 114 controls of 2013, each mapped to known 2022 controls', () => {
    assert.equal(LEGACY_CONTROLS.length, 114);
    assert.equal(new Set(LEGACY_CONTROLS.map((c) => c.id2013)).size, 114);
    assert.equal(LEGACY_CONTROLS[0]!.id2013, 'A.5.1.1');
    assert.equal(LEGACY_CONTROLS[113]!.id2013, 'A.18.2.3');
    for (const c of LEGACY_CONTROLS) {
      assert.match(c.id2013, /^A\.\d+\.\d+\.\d+$/);
      assert.ok(c.title2013.length > 0);
      assert.ok(c.ids2022.length >= 1);
      for (const id of c.ids2022) assert.ok(getControl(id), `${c.id2013} → ${id}`);
    }
    const many = LEGACY_CONTROLS.filter((c) => c.ids2022.length > 1);
    assert.deepEqual(many.map((c) => c.id2013), ['A.18.2.3']);
  });

  it('maps sample 2013 ids to their 2022 successors', () => {
    const to = (id: string): readonly string[] | undefined => getLegacyControl(id)?.ids2022;
    assert.deepEqual(to('A.9.2.1'), ['A.5.16']);
    assert.deepEqual(to('A.18.2.3'), ['A.5.36', 'A.8.8']);
    assert.deepEqual(to('A.12.6.1'), ['A.8.8']);
    assert.deepEqual(to('A.6.2.1'), ['A.8.1']);
    assert.deepEqual(to('A.11.2.8'), ['A.8.1']);
    assert.deepEqual(to('A.10.1.2'), ['A.8.24']);
    assert.equal(getLegacyControl('A.9.2.1')?.title2013, 'User registration and de-registration');
    assert.equal(legacyReplacement('A.9.2.1'), 'A.5.16');
    assert.equal(legacyReplacement('A.18.2.3'), undefined);
    assert.equal(legacyReplacement('A.5.1'), undefined);
  });

  it('recognises 2013 ids only when they are in the table', () => {
    assert.equal(isLegacyControlId('A.9.2.1'), true);
    assert.equal(isLegacyControlId('A.18.2.3'), true);
    assert.equal(isLegacyControlId('A.9.2.7'), false);
    assert.equal(isLegacyControlId('A.5.1'), false);
    assert.equal(isLegacyControlId('a.9.2.1'), false);
    assert.equal(isLegacyControlId('9.2.1'), false);
  });

  it("agrees with each 2022 control's ids2013 (the reverse of the mapping)", () => {
    const reverse = new Map<string, string[]>();
    for (const c of LEGACY_CONTROLS) {
      for (const id of c.ids2022) reverse.set(id, [...(reverse.get(id) ?? []), c.id2013]);
    }
    for (const c of CONTROLS) {
      assert.deepEqual([...c.ids2013], reverse.get(c.id) ?? [], c.id);
      assert.deepEqual(legacyPredecessors(c.id).map((l) => l.id2013), [...c.ids2013], c.id);
    }
    const covered = new Set(CONTROLS.flatMap((c) => [...c.ids2013]));
    assert.equal(covered.size, 114);
  });
});

describe('catalog: clauses', () => {
  it('lists clauses 4 to 10 with their headings', () => {
    const title = (id: string): string | undefined => getClause(id)?.title;
    assert.deepEqual(
      CLAUSES.filter((c) => c.parent === undefined).map((c) => [c.id, c.title]),
      [
        ['4', 'Context of the organization'],
        ['5', 'Leadership'],
        ['6', 'Planning'],
        ['7', 'Support'],
        ['8', 'Operation'],
        ['9', 'Performance evaluation'],
        ['10', 'Improvement'],
      ],
    );
    assert.equal(title('4.1'), 'Understanding the organization and its context');
    assert.equal(title('4.3'), 'Determining the scope of the information security management system');
    assert.equal(title('6.1.2'), 'Information security risk assessment');
    assert.equal(title('6.1.3'), 'Information security risk treatment');
    assert.equal(title('6.3'), 'Planning of changes');
    assert.equal(title('7.5.3'), 'Control of documented information');
    assert.equal(title('9.2.2'), 'Internal audit programme');
    assert.equal(title('9.3'), 'Management review');
    assert.equal(title('10.1'), 'Continual improvement');
    assert.equal(title('10.2'), 'Nonconformity and corrective action');
    assert.equal(getClause('6.1.3')?.parent, '6.1');
    assert.equal(getClause('6.1')?.parent, '6');
    assert.equal(topLevelClause('9.3.2')?.title, 'Performance evaluation');
    assert.equal(clauseLabel(getClause('6.1.3')!), '6.1.3 Information security risk treatment');
    assert.equal(clauseLabel(getClause('9.2.1')!), '9.2.1 General (Internal audit)');
  });

  it('has exactly the expected clause ids, in document order, every parent defined', () => {
    assert.deepEqual(
      ids(CITABLE_CLAUSES),
      ['4.1', '4.2', '4.3', '4.4', '5.1', '5.2', '5.3', '6.1', '6.1.1', '6.1.2', '6.1.3', '6.2', '6.3',
        '7.1', '7.2', '7.3', '7.4', '7.5', '7.5.1', '7.5.2', '7.5.3', '8.1', '8.2', '8.3', '9.1',
        '9.2', '9.2.1', '9.2.2', '9.3', '9.3.1', '9.3.2', '9.3.3', '10.1', '10.2'],
    );
    for (const c of CLAUSES) if (c.parent !== undefined) assert.ok(getClause(c.parent), c.id);
  });

  it('accepts 4.1 … 10.2 and sub-clauses as nonconformity clauses, not the headings', () => {
    for (const id of ['4.1', '6.1.3', '6.3', '9.2.2', '10.1', '10.2']) assert.equal(isClauseId(id), true, id);
    for (const id of ['4', '6', '10', '10.3', '6.4', '3.1', '11.1', '6.1.4', 'A.5.1', '', ' 6.1']) {
      assert.equal(isClauseId(id), false, id);
    }
    assert.equal(getClause('6')?.title, 'Planning');
  });

  it('suggests the closest clause ids', () => {
    assert.equal(closestClauseIds('10.3')[0], '10.2');
    assert.equal(closestClauseIds('6.4')[0], '6.3');
    assert.equal(closestClauseIds('7.5.4')[0], '7.5.3');
    assert.equal(closestClauseIds('11.1')[0], '10.1');
    assert.deepEqual(closestClauseIds('4'), ['4.1', '4.2', '4.3']);
    assert.equal(closestClauseIds('clause 6.1.3 d)')[0], '6.1.3');
    assert.equal(closestClauseIds('06.01.3')[0], '6.1.3');
    assert.deepEqual(closestClauseIds('nothing'), []);
    assert.equal(closestClauseIds('10.3', 1).length, 1);
    for (const id of closestClauseIds('8.9', 10)) assert.equal(isClauseId(id), true, id);
  });
});

describe('catalog: did you mean', () => {
  it('suggests the nearest control for an out-of-range number', () => {
    assert.equal(closestControlIds('A.5.38')[0], 'A.5.37');
    assert.equal(closestControlIds('A.8.35')[0], 'A.8.34');
    assert.equal(closestControlIds('A.6.9')[0], 'A.6.8');
    assert.equal(closestControlIds('A.7.15')[0], 'A.7.14');
  });

  it('answers the same for the same id, each time in a list of its own, however many ids came before', () => {
    const first = closestControlIds('A.5.38');
    first.push('mutated by a caller');
    assert.deepEqual(closestControlIds('A.5.38'), closestControlIds('A.5.38', 3));
    assert.ok(!closestControlIds('A.5.38').includes('mutated by a caller'));
    assert.deepEqual(closestControlIds('A.5.38', 1), ['A.5.37']);
    for (let i = 0; i < 1200; i++) closestControlIds(`A.9.${i}`);
    assert.equal(closestControlIds('A.8.35')[0], 'A.8.34');
  });

  it('repairs the shape of near-miss ids', () => {
    assert.equal(closestControlIds('A5.1')[0], 'A.5.1');
    assert.equal(closestControlIds('a.5.1')[0], 'A.5.1');
    assert.equal(closestControlIds('A.05.01')[0], 'A.5.1');
    assert.equal(closestControlIds('5.10')[0], 'A.5.10');
    assert.equal(closestControlIds('A.5.15 ')[0], 'A.5.15');
    const dotted = closestControlIds('A.5.1.0', 2);
    assert.deepEqual([...dotted].sort(), ['A.5.1', 'A.5.10']);
    const zero = closestControlIds('A.09.1');
    assert.equal(zero.length, 3);
    assert.equal(zero[0], 'A.8.1');
    for (const id of zero) assert.match(id, /^A\.[5-8]\.1$/);
  });

  it('suggests the successors of a 2013 id first', () => {
    assert.equal(closestControlIds('A.9.2.1')[0], 'A.5.16');
    assert.deepEqual(closestControlIds('A.18.2.3', 2), ['A.5.36', 'A.8.8']);
  });

  it('returns valid ids, best first, honouring max, and nothing for hopeless input', () => {
    assert.equal(closestControlIds('A.5.38', 1).length, 1);
    assert.equal(closestControlIds('A.5.38', 5).length, 5);
    assert.deepEqual(closestControlIds('A.5.38', 0), []);
    for (const id of closestControlIds('A.8.99', 10)) assert.ok(getControl(id), id);
    assert.deepEqual(closestControlIds('foo'), []);
    assert.deepEqual(closestControlIds(''), []);
    assert.deepEqual(closestControlIds('A.123.456.789'), []);
  });

  it('measures edit distance with transpositions', () => {
    assert.equal(editDistance('A.5.1', 'A.5.1'), 0);
    assert.equal(editDistance('A.5.38', 'A.5.37'), 1);
    assert.equal(editDistance('A.5.51', 'A.5.15'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });
});

describe('catalog: search', () => {
  it('finds controls by title word prefix, case-insensitively', () => {
    const crypto = ids(searchControls('crypto'));
    assert.equal(crypto[0], 'A.8.24');
    assert.deepEqual(ids(searchControls('CRYPTO')), crypto);
    const access = ids(searchControls('access'));
    assert.ok(access.includes('A.5.15'));
    assert.deepEqual(access, ['A.5.15', 'A.5.18', 'A.8.2', 'A.8.3', 'A.8.4']);
    assert.deepEqual(ids(searchControls('access rights')), ['A.5.18', 'A.8.2']);
    assert.deepEqual(ids(searchControls('cloud')), ['A.5.23']);
    assert.deepEqual(ids(searchControls('non-disclosure')), ['A.6.6']);
  });

  it('matches the 27002 titles and known variants too', () => {
    assert.deepEqual(ids(searchControls('endpoint')), ['A.8.1']);
    assert.deepEqual(ids(searchControls('lifecycle')), ['A.8.25']);
    assert.ok(ids(searchControls('personally identifiable')).includes('A.5.34'));
  });

  it('puts word-prefix hits before substring hits', () => {
    assert.deepEqual(ids(searchControls('graphy')), ['A.8.24']);
    const r = ids(searchControls('work'));
    assert.ok(r.indexOf('A.6.7') < r.indexOf('A.8.20'), r.join(' '));
  });

  it('finds controls by id or number prefix, exact match first', () => {
    const byId = ids(searchControls('A.5.1'));
    assert.equal(byId[0], 'A.5.1');
    assert.deepEqual(byId, ['A.5.1', ...Array.from({ length: 10 }, (_, i) => `A.5.${10 + i}`)]);
    assert.deepEqual(ids(searchControls('5.1')), byId);
    assert.deepEqual(ids(searchControls('a5.1')), byId);
    assert.deepEqual(ids(searchControls('8.24')), ['A.8.24']);
    assert.equal(searchControls('A.8.').length, 34);
    assert.equal(searchControls('A.6').length, 8);
  });

  it('returns everything for an empty query and nothing for an unknown word', () => {
    assert.equal(searchControls('').length, 93);
    assert.equal(searchControls('   ').length, 93);
    assert.deepEqual(searchControls('zzzz'), []);
    assert.deepEqual(searchControls('A.9.9'), []);
  });
});

describe('catalog: data files', () => {
  const shared = path.resolve(__dirname, '../../../shared/data');
  const local = path.resolve(__dirname, '../../server/src/core/catalog/data');
  for (const name of ['annex-a-2022.json', 'annex-a-2013-to-2022.json']) {
    it(`${name} is a byte-for-byte copy of the checked data`, function () {
      if (!fs.existsSync(shared)) this.skip();
      assert.ok(fs.readFileSync(path.join(local, name)).equals(fs.readFileSync(path.join(shared, name))), name);
    });
  }
});
