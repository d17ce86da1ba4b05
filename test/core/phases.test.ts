import assert from 'node:assert/strict';
import * as path from 'node:path';
import { CONTROLS } from '../../server/src/core/catalog/index';
import { parseDate } from '../../server/src/core/dates';
import { computePhases, phasesToJson, phasesToText, type Step, type StepId } from '../../server/src/core/phases/phaseModel';
import { firstSentence } from '../../server/src/core/phases/stepDiagnostics';
import { pathToUri, relativePath } from '../../server/src/core/uri';
import { IsmsWorkspace } from '../../server/src/core/workspace/ismsWorkspace';
import { createDiskHost } from '../../server/src/node/diskHost';
import { ROOT, uriOf, workspaceOf } from '../helpers/memoryHost';

// ---------------------------------------------------------------------------------------
// A small but complete ISMS, one section per part, so each test changes only what it is about.

interface Parts {
  organization?: string;
  people?: string;
  scope?: string;
  soa?: string;
  risks?: string;
  evidence?: string;
  certificationBody?: string;
  audits?: string;
  nonconformities?: string;
  certificate?: string;
}

const ORGANIZATION = `organization:
  name: Acme Ltd
  reviewCadence: annual
  approval:
    approvedBy: jane
    date: 2026-01-15
    evidence: [EV-001]
`;

const PEOPLE = `people:
  - id: jane
    name: Jane Doe
    roles: [top-management]
  - id: alice
    name: Alice Chen
    roles: [isms-manager, review-supervisor]
  - id: bob
    name: Bob Diaz
    roles: [remediation-owner]
  - id: carol
    name: Carol Evans
    roles: [verifier, internal-auditor]
`;

const SCOPE = `scope:
  statement: Design and operation of the Acme SaaS platform from the London office.
  dataCategories: [customer-personal-data]
`;

function soa(ids: readonly string[] = CONTROLS.map((c) => c.id), justification = (id: string): string | undefined => `Selected for ${id} by the risk assessment.`): string {
  const entries = ids.map((id) => {
    const j = justification(id);
    return [`    - id: ${id}`, '      applicable: true', ...(j !== undefined ? [`      justification: ${j}`] : []), '      status: planned'].join('\n');
  });
  return `soa:\n  revision: 1\n  controls:\n${entries.join('\n')}\n`;
}

const RISKS = `risks:
  - id: R-001
    title: Stolen laptop exposes customer data
    likelihood: 3
    impact: 4
    treatment: mitigate
    controls: [A.8.1]
`;

const EVIDENCE = `evidence:
  - id: EV-001
    title: Board minutes approving the ISMS programme
    link: https://example.com/minutes
    collected: 2026-01-15
  - id: EV-002
    title: Audit report
    link: https://example.com/report
    collected: 2026-03-01
`;

const CERTIFICATION_BODY = `certificationBody:
  name: Example Certification Ltd
  accreditation: UKAS
`;

function audits(...entries: string[]): string {
  return `audits:\n${entries.join('')}`;
}

function audit(id: string, type: string, date: string, status: 'planned' | 'completed', report?: string): string {
  return `  - id: ${id}\n    type: ${type}\n    date: ${date}\n    status: ${status}\n${report ? `    report: ${report}\n` : ''}`;
}

function nonconformities(...entries: string[]): string {
  return `nonconformities:\n${entries.join('')}`;
}

/** A finding; a closed one carries everything closing needs, so no nc-* rule fires. */
function nc(id: string, auditId: string, status: 'open' | 'corrected' | 'closed', raised: string, due: string): string {
  const closing = status === 'open' ? '' : '    actionPlan: Review access quarterly and revoke automatically.\n    correctionEvidence: [EV-002]\n';
  const verified = status === 'closed' ? '    verifiedBy: carol\n' : '';
  return `  - id: ${id}\n    audit: ${auditId}\n    severity: minor\n    control: A.5.15\n    description: Access reviews are not performed for production.\n    raised: ${raised}\n    due: ${due}\n    status: ${status}\n    owner: bob\n${closing}${verified}`;
}

function certificate(issued: string, expires: string): string {
  return `certificate:\n  number: IS 123456\n  issued: ${issued}\n  expires: ${expires}\n`;
}

/** Planning done, nothing of phases 2 and 3. */
const PLANNED: Parts = {
  organization: ORGANIZATION,
  people: PEOPLE,
  scope: SCOPE,
  soa: soa(),
  risks: RISKS,
  evidence: EVIDENCE,
  audits: audits(audit('AU-PA', 'pre-assessment', '2026-03-01', 'completed', 'EV-002')),
};

/** Certified on 2026-06-01 after stage 1 and 2, internal audit in May. */
const CERTIFIED: Parts = {
  ...PLANNED,
  certificationBody: CERTIFICATION_BODY,
  audits: audits(
    audit('AU-PA', 'pre-assessment', '2026-03-01', 'completed', 'EV-002'),
    audit('AU-IA', 'internal-audit', '2026-03-15', 'completed'),
    audit('AU-S1', 'stage-1', '2026-04-01', 'completed'),
    audit('AU-S2', 'stage-2', '2026-05-15', 'completed'),
  ),
  certificate: certificate('2026-06-01', '2029-05-31'),
};

function phases(parts: Parts, today: string): Map<StepId, Step> {
  const text = Object.values(parts).filter((p): p is string => typeof p === 'string').join('\n');
  const ws = workspaceOf({ 'isms.isms.yaml': text }, { today });
  const map = new Map<StepId, Step>();
  for (const phase of computePhases(ws).phases) for (const step of phase.steps) map.set(step.id, step);
  return map;
}

function step(parts: Parts, id: StepId, today = '2026-07-01'): Step {
  return phases(parts, today).get(id)!;
}

function brief(s: Step): { state: string; detail: string } {
  return { state: s.state, detail: s.detail };
}

// ---------------------------------------------------------------------------------------

describe('phase progress', () => {
  it('has the three phases and twelve steps of spec §4, in order, with their requirements', () => {
    const progress = computePhases(workspaceOf({}));
    assert.deepEqual(
      progress.phases.map((p) => [p.id, p.steps.map((s) => s.id)]),
      [
        ['planning', ['approval', 'team', 'scope', 'soa', 'pre-assessment']],
        ['audit', ['auditor', 'stage-1', 'stage-2', 'certificate']],
        ['maintenance', ['internal-reviews', 'surveillance', 'recertification']],
      ],
    );
    for (const s of progress.phases.flatMap((p) => p.steps)) {
      assert.equal(s.state, 'not-started', s.id);
      assert.ok(s.requirement.length > 10, s.id);
    }
  });

  it('never throws on malformed shapes, and shows what it can', () => {
    const ws = workspaceOf({
      'a.isms.yaml': 'organization: [1]\npeople: [{ id: 1, roles: x }, 3]\nscope: 5\nsoa: { controls: x }\naudits: [{ id: A, type: [stage-1], date: 1 }]\nnonconformities: [{ id: N, audit: A }]\ncertificate: { issued: 2026-01-01, expires: soon }\n',
    });
    const states = computePhases(ws).phases.flatMap((p) => p.steps.map((s) => s.state));
    assert.equal(states.length, 12);
  });

  describe('approval', () => {
    it('is done with approver, date and evidence, and points at the approval key', () => {
      const s = step(PLANNED, 'approval');
      assert.deepEqual(brief(s), { state: 'done', detail: 'Approved by Jane Doe on 2026-01-15' });
      assert.equal(s.file, uriOf('isms.isms.yaml'));
      assert.equal(s.line, 3);
      assert.deepEqual(s.children?.map((c) => [c.label, c.detail]), [['EV-001', 'Board minutes approving the ISMS programme']]);
    });

    it('is in progress while something is missing, and not started without an approval', () => {
      const noEvidence = ORGANIZATION.replace('    evidence: [EV-001]\n', '');
      assert.deepEqual(brief(step({ ...PLANNED, organization: noEvidence }, 'approval')), { state: 'in-progress', detail: 'Approved by Jane Doe on 2026-01-15; missing evidence' });
      assert.equal(step({ ...PLANNED, organization: 'organization:\n  name: Acme Ltd\n' }, 'approval').state, 'not-started');
    });

    it('needs attention when an error lies on its data', () => {
      const s = step({ ...PLANNED, organization: ORGANIZATION.replace('approvedBy: jane', 'approvedBy: zoe') }, 'approval');
      assert.equal(s.state, 'attention');
      assert.equal(s.detail, 'Approved by zoe on 2026-01-15 · 1 error');
      assert.equal(s.children![0]!.detail, 'unknown-person');
      assert.equal(s.children![0]!.line, 4);
    });
  });

  describe('team', () => {
    it('is done when three different people hold the three duties', () => {
      assert.deepEqual(brief(step(PLANNED, 'team')), { state: 'done', detail: 'Review supervisor Alice Chen · Remediation owner Bob Diaz · Verifier Carol Evans' });
    });

    it('finds a distinct assignment when one person holds two of the roles', () => {
      const people = PEOPLE.replace('roles: [isms-manager, review-supervisor]', 'roles: [review-supervisor, verifier]');
      assert.equal(step({ ...PLANNED, people }, 'team').state, 'done');
    });

    it('is in progress when a duty is vacant or two duties fall to one person', () => {
      const vacant = PEOPLE.replace('roles: [verifier, internal-auditor]', 'roles: [internal-auditor]');
      assert.deepEqual(brief(step({ ...PLANNED, people: vacant }, 'team')), { state: 'in-progress', detail: 'Nobody holds verifier' });
      const shared = PEOPLE.replace('roles: [remediation-owner]', 'roles: [remediation-owner, verifier]').replace('roles: [verifier, internal-auditor]', 'roles: [internal-auditor]');
      assert.deepEqual(brief(step({ ...PLANNED, people: shared }, 'team')), { state: 'in-progress', detail: 'review-supervisor, remediation-owner, verifier need three different people' });
      assert.equal(step({ ...PLANNED, people: undefined }, 'team').state, 'not-started');
    });
  });

  describe('scope', () => {
    it('is done with a statement and a data category', () => {
      assert.deepEqual(brief(step(PLANNED, 'scope')), { state: 'done', detail: '1 data category' });
    });

    it('is in progress without data categories', () => {
      const scope = 'scope:\n  statement: Design and operation of the Acme SaaS platform.\n';
      assert.deepEqual(brief(step({ ...PLANNED, scope }, 'scope')), { state: 'in-progress', detail: 'Statement written · no data categories' });
      assert.equal(step({ ...PLANNED, scope: undefined }, 'scope').state, 'not-started');
    });
  });

  describe('soa', () => {
    it('is done with all 93 controls justified', () => {
      assert.deepEqual(brief(step(PLANNED, 'soa')), { state: 'done', detail: 'SoA 93/93 addressed (93 applicable, 0 excluded)' });
    });

    it('shows n/93 and lists the missing controls as children', () => {
      const s = step({ ...PLANNED, soa: soa(CONTROLS.slice(0, 87).map((c) => c.id)) }, 'soa');
      assert.deepEqual(brief(s), { state: 'in-progress', detail: 'SoA 87/93 addressed (87 applicable, 0 excluded)' });
      assert.deepEqual(s.children!.map((c) => c.label), CONTROLS.slice(87).map((c) => c.id));
      assert.equal(s.children![0]!.detail, `${CONTROLS[87]!.title} — not addressed`);
    });

    it('needs attention when a justification is missing (an error)', () => {
      const s = step({ ...PLANNED, soa: soa(undefined, (id) => (id === 'A.5.2' ? undefined : `Selected for ${id} by the risk assessment.`)) }, 'soa');
      assert.equal(s.state, 'attention');
      assert.equal(s.detail, 'SoA 93/93 addressed (93 applicable, 0 excluded) · 1 without justification · 1 error');
      assert.deepEqual(s.children!.map((c) => c.detail), ['missing-justification', 'no justification']);
    });

    it('shows 0/93 without an SoA', () => {
      assert.deepEqual(brief(step({ ...PLANNED, soa: undefined }, 'soa')), { state: 'not-started', detail: 'SoA 0/93 addressed' });
    });
  });

  describe('pre-assessment', () => {
    it('is done with a completed pre-assessment with a report and a risk register', () => {
      assert.deepEqual(brief(step(PLANNED, 'pre-assessment')), { state: 'done', detail: 'AU-PA completed 2026-03-01 with report EV-002 · 1 risk in the register' });
    });

    it('is in progress while planned, and needs attention once its date has passed', () => {
      const planned = { ...PLANNED, audits: audits(audit('AU-PA', 'pre-assessment', '2026-03-01', 'planned')) };
      assert.deepEqual(brief(step(planned, 'pre-assessment', '2026-02-01')), { state: 'in-progress', detail: 'AU-PA planned for 2026-03-01 · 1 risk in the register' });
      assert.deepEqual(brief(step(planned, 'pre-assessment', '2026-03-02')), { state: 'attention', detail: 'AU-PA planned for 2026-03-01 · date passed, record the outcome · 1 risk in the register' });
    });

    it('is in progress without a report or without risks', () => {
      const noReport = { ...PLANNED, audits: audits(audit('AU-PA', 'pre-assessment', '2026-03-01', 'completed')) };
      assert.deepEqual(brief(step(noReport, 'pre-assessment')), { state: 'in-progress', detail: 'AU-PA completed 2026-03-01, no report · 1 risk in the register' });
      assert.equal(step({ ...PLANNED, risks: undefined }, 'pre-assessment').state, 'in-progress');
      assert.equal(step({ ...PLANNED, risks: undefined, audits: undefined }, 'pre-assessment').state, 'not-started');
    });
  });

  describe('auditor', () => {
    it('is done with an accredited certification body, in progress without accreditation', () => {
      assert.deepEqual(brief(step(CERTIFIED, 'auditor')), { state: 'done', detail: 'Example Certification Ltd, accredited by UKAS' });
      const body = 'certificationBody:\n  name: Cheap Certs Ltd\n';
      assert.deepEqual(brief(step({ ...CERTIFIED, certificationBody: body }, 'auditor')), { state: 'in-progress', detail: 'Cheap Certs Ltd: no accreditation recorded' });
      assert.equal(step(PLANNED, 'auditor').state, 'not-started');
    });
  });

  describe('stage 1 and stage 2', () => {
    const stage1 = (status: 'planned' | 'completed', ...findings: string[]): Parts => ({
      ...PLANNED,
      audits: audits(audit('AU-S1', 'stage-1', '2026-04-01', status)),
      ...(findings.length > 0 ? { nonconformities: nonconformities(...findings) } : {}),
    });

    it('is in progress while planned', () => {
      assert.deepEqual(brief(step(stage1('planned'), 'stage-1', '2026-03-01')), { state: 'in-progress', detail: 'AU-S1 planned for 2026-04-01' });
      assert.equal(step(stage1('planned'), 'stage-1', '2026-04-02').state, 'attention');
    });

    it('is in progress while its findings are open, with them as children', () => {
      const s = step(stage1('completed', nc('NC-1', 'AU-S1', 'open', '2026-04-02', '2026-05-02'), nc('NC-2', 'AU-S1', 'corrected', '2026-04-02', '2026-05-02')), 'stage-1', '2026-04-20');
      assert.deepEqual(brief(s), { state: 'in-progress', detail: 'AU-S1 completed 2026-04-01 · 2 findings not closed (1 open, 1 corrected)' });
      assert.deepEqual(s.children!.map((c) => [c.label, c.detail]), [['NC-1', 'minor · open · due 2026-05-02'], ['NC-2', 'minor · corrected · due 2026-05-02']]);
      const one = step(stage1('completed', nc('NC-1', 'AU-S1', 'open', '2026-04-02', '2026-05-02')), 'stage-1', '2026-04-20');
      assert.equal(one.detail, 'AU-S1 completed 2026-04-01 · 1 finding open');
    });

    it('needs attention when a finding is overdue (not on its due date)', () => {
      const parts = stage1('completed', nc('NC-1', 'AU-S1', 'open', '2026-04-02', '2026-05-02'));
      assert.equal(step(parts, 'stage-1', '2026-05-02').state, 'in-progress');
      const s = step(parts, 'stage-1', '2026-05-03');
      assert.deepEqual(brief(s), { state: 'attention', detail: 'AU-S1 completed 2026-04-01 · 1 finding open, 1 overdue' });
      assert.equal(s.children![0]!.detail, 'minor · open · overdue since 2026-05-02 (1 day)');
    });

    it('is done when completed and every finding is closed', () => {
      assert.deepEqual(brief(step(stage1('completed', nc('NC-1', 'AU-S1', 'closed', '2026-04-02', '2026-05-02')), 'stage-1')), { state: 'done', detail: 'AU-S1 completed 2026-04-01 · 1 finding, closed' });
      assert.deepEqual(brief(step(stage1('completed'), 'stage-1')), { state: 'done', detail: 'AU-S1 completed 2026-04-01 · no findings' });
    });

    it('flags both stages when stage 2 is completed over an open stage 1 finding', () => {
      const parts: Parts = {
        ...PLANNED,
        audits: audits(audit('AU-S1', 'stage-1', '2026-04-01', 'completed'), audit('AU-S2', 'stage-2', '2026-05-15', 'completed')),
        nonconformities: nonconformities(nc('NC-1', 'AU-S1', 'open', '2026-04-02', '2026-08-01')),
      };
      const result = phases(parts, '2026-06-01');
      assert.equal(result.get('stage-1')!.state, 'attention');
      assert.equal(result.get('stage-2')!.state, 'attention');
      assert.equal(result.get('stage-2')!.detail, 'AU-S2 completed 2026-05-15 · no findings · 1 error');
      assert.equal(result.get('stage-2')!.children![0]!.detail, 'stage1-open-findings');
    });
  });

  describe('certificate', () => {
    it('is done while valid, with the days left', () => {
      assert.deepEqual(brief(step(CERTIFIED, 'certificate', '2029-04-20')), { state: 'done', detail: 'Certificate IS 123456 expires in 41 days (2029-05-31)' });
      assert.equal(step(CERTIFIED, 'certificate', '2029-05-31').detail, 'Certificate IS 123456 expires today (2029-05-31)');
    });

    it('needs attention once expired', () => {
      const s = step(CERTIFIED, 'certificate', '2029-06-02');
      assert.equal(s.state, 'attention');
      assert.match(s.detail, /^Certificate IS 123456 expired on 2029-05-31, 2 days ago · 1 error$/);
    });

    it('accepts exactly 3 years and needs attention beyond', () => {
      assert.equal(step({ ...CERTIFIED, certificate: certificate('2026-06-01', '2029-06-01') }, 'certificate').state, 'done');
      const long = step({ ...CERTIFIED, certificate: certificate('2026-06-01', '2029-06-02') }, 'certificate');
      assert.equal(long.state, 'attention');
      assert.match(long.detail, /valid for more than 3 years/);
    });

    it('is not started without a certificate', () => {
      assert.equal(step(PLANNED, 'certificate').state, 'not-started');
    });
  });

  describe('internal reviews', () => {
    it('is done within the cadence and says when the next is due', () => {
      assert.deepEqual(brief(step(CERTIFIED, 'internal-reviews', '2027-03-15')), { state: 'done', detail: 'AU-IA completed 2026-03-15 · next due by 2027-03-15' });
    });

    it('needs attention once overdue after certification', () => {
      const s = step(CERTIFIED, 'internal-reviews', '2027-03-16');
      assert.deepEqual(brief(s), { state: 'attention', detail: 'Last internal audit AU-IA on 2026-03-15; next was due by 2027-03-15 (annual cadence)' });
    });

    it('uses six months for a semiannual cadence', () => {
      const parts = { ...CERTIFIED, organization: ORGANIZATION.replace('reviewCadence: annual', 'reviewCadence: semiannual') };
      assert.equal(step(parts, 'internal-reviews', '2026-09-15').state, 'done');
      assert.equal(step(parts, 'internal-reviews', '2026-09-16').state, 'attention');
    });

    it('is not started before any internal audit, and only in progress when overdue before stage 1', () => {
      assert.deepEqual(brief(step(PLANNED, 'internal-reviews')), { state: 'not-started', detail: 'No internal audit yet (annual cadence)' });
      const old = { ...PLANNED, audits: audits(audit('AU-IA', 'internal-audit', '2025-01-10', 'completed')) };
      assert.equal(step(old, 'internal-reviews', '2026-07-01').state, 'in-progress');
    });

    it('needs attention when a finding of an internal audit is overdue', () => {
      const parts = { ...CERTIFIED, nonconformities: nonconformities(nc('NC-9', 'AU-IA', 'open', '2026-03-16', '2026-06-30')) };
      const s = step(parts, 'internal-reviews', '2026-07-01');
      assert.deepEqual(brief(s), { state: 'attention', detail: 'AU-IA completed 2026-03-15 · next due by 2027-03-15 · 1 finding open, 1 overdue' });
    });
  });

  describe('surveillance', () => {
    it('starts once certified', () => {
      assert.deepEqual(brief(step(PLANNED, 'surveillance')), { state: 'not-started', detail: 'Starts once certified' });
    });

    it('counts 12 months from the latest of the issue date and the external audits', () => {
      assert.deepEqual(brief(step(CERTIFIED, 'surveillance')), { state: 'not-started', detail: 'Next due by 2027-06-01 · none planned' });
      const planned = { ...CERTIFIED, audits: CERTIFIED.audits + audit('AU-SA1', 'surveillance', '2027-05-10', 'planned') };
      assert.deepEqual(brief(step(planned, 'surveillance')), { state: 'in-progress', detail: 'Next due by 2027-06-01 · AU-SA1 planned for 2027-05-10' });
    });

    it('needs attention after 12 months (not on the day)', () => {
      assert.equal(step(CERTIFIED, 'surveillance', '2027-06-01').state, 'not-started');
      const s = step(CERTIFIED, 'surveillance', '2027-06-02');
      assert.equal(s.state, 'attention');
      assert.equal(s.detail, 'Overdue: certificate issued 2026-06-01, so a surveillance audit was due by 2027-06-01 · none planned');
    });

    it('is done after a completed surveillance audit in the certificate cycle', () => {
      const done = { ...CERTIFIED, audits: CERTIFIED.audits + audit('AU-SA1', 'surveillance', '2027-05-10', 'completed') };
      assert.deepEqual(brief(step(done, 'surveillance', '2027-06-15')), { state: 'done', detail: 'AU-SA1 completed 2027-05-10 · next due by 2028-05-10' });
    });
  });

  describe('recertification', () => {
    it('is done when a recertification audit is planned before expiry', () => {
      const planned = { ...CERTIFIED, audits: CERTIFIED.audits + audit('AU-RC', 'recertification', '2029-04-01', 'planned') };
      assert.deepEqual(brief(step(planned, 'recertification')), { state: 'done', detail: 'AU-RC planned for 2029-04-01, before expiry on 2029-05-31' });
    });

    it('is not started far from expiry and needs attention within 90 days', () => {
      assert.deepEqual(brief(step(CERTIFIED, 'recertification', '2029-03-01')), { state: 'not-started', detail: 'Due before the certificate expires on 2029-05-31 (in 91 days); none planned' });
      const s = step(CERTIFIED, 'recertification', '2029-03-02');
      assert.deepEqual(brief(s), { state: 'attention', detail: 'Certificate expires in 90 days (2029-05-31) and no recertification audit is planned' });
    });

    it('needs attention when the certificate expired without recertification', () => {
      assert.equal(step(CERTIFIED, 'recertification', '2029-06-01').state, 'attention');
    });

    it('is in progress when the recertification audit falls after expiry', () => {
      const late = { ...CERTIFIED, audits: CERTIFIED.audits + audit('AU-RC', 'recertification', '2029-07-01', 'planned') };
      assert.equal(step(late, 'recertification', '2027-01-01').state, 'in-progress');
    });
  });

  describe('examples/acme', () => {
    function acme(today: string): IsmsWorkspace {
      const ws = new IsmsWorkspace({
        host: createDiskHost(),
        folderUri: pathToUri(path.resolve(__dirname, '../../examples/acme')),
        today: () => parseDate(today)!,
        unusedSuppressionSeverity: 2,
      });
      ws.scan();
      return ws;
    }

    it('is certified and in maintenance on 2026-11-28', () => {
      const progress = computePhases(acme('2026-11-28'));
      const states = Object.fromEntries(progress.phases.flatMap((p) => p.steps.map((s) => [s.id, s.state])));
      assert.deepEqual(states, {
        approval: 'done', team: 'done', scope: 'done', soa: 'done', 'pre-assessment': 'done',
        auditor: 'done', 'stage-1': 'done', 'stage-2': 'done', certificate: 'done',
        'internal-reviews': 'done', surveillance: 'in-progress', recertification: 'done',
      });
    });

    it('calls for attention once the open findings fall due and surveillance is late', () => {
      const steps = new Map(computePhases(acme('2027-07-01')).phases.flatMap((p) => p.steps.map((s) => [s.id, s] as const)));
      assert.equal(steps.get('internal-reviews')!.state, 'attention');
      assert.match(steps.get('internal-reviews')!.detail, /2 overdue/);
      assert.equal(steps.get('surveillance')!.state, 'attention');
    });

    it('renders JSON with 1-based lines and relative paths', () => {
      const ws = acme('2026-11-28');
      const json = phasesToJson(computePhases(ws), (uri) => relativePath(ws.folderUri, uri));
      assert.deepEqual(Object.keys(json.phases[0]!.steps[0]!), ['id', 'title', 'state', 'detail', 'file', 'line']);
      const approval = json.phases[0]!.steps[0]!;
      assert.deepEqual(approval, { id: 'approval', title: 'Senior management approval', state: 'done', detail: 'Approved by Jane Whitfield on 2026-10-15', file: 'organization.isms.yaml', line: 32 });
      const text = ws.file(pathToUri(path.resolve(__dirname, '../../examples/acme/organization.isms.yaml')))!.text;
      assert.match(text.split('\n')[approval.line! - 1]!, /^ {2}approval:/);
    });
  });

  describe('rendering', () => {
    it('gives null file and line in JSON when a step has no data', () => {
      const json = phasesToJson(computePhases(workspaceOf({})), (uri) => uri.slice(ROOT.length + 1));
      assert.deepEqual(json.phases[0]!.steps[0], { id: 'approval', title: 'Senior management approval', state: 'not-started', detail: 'No organization section yet', file: null, line: null });
    });

    it('renders a checklist with markers, children of unfinished steps, and a summary', () => {
      const parts = { ...PLANNED, soa: soa(CONTROLS.slice(0, 90).map((c) => c.id)) };
      const text = workspaceOf({ 'isms.isms.yaml': Object.values(parts).join('\n') }, { today: '2026-07-01' });
      const out = phasesToText(computePhases(text), { relative: (uri) => uri.slice(ROOT.length + 1) });
      const lines = out.split('\n');
      assert.equal(lines[0], '1 Planning & preparation');
      assert.match(lines[1]!, /^ {2}✓ Senior management approval {10}Approved by Jane Doe on 2026-01-15$/);
      assert.ok(lines.includes('  … Controls selected, SoA complete     SoA 90/93 addressed (90 applicable, 0 excluded)'));
      assert.ok(lines.some((l) => /^ {6}at isms\.isms\.yaml:\d+$/.test(l)));
      assert.ok(lines.some((l) => l.startsWith('      A.8.32') && l.includes('Change management — not addressed')));
      assert.ok(lines.includes('  ✗ Stage 1 audit                       No stage 1 audit planned yet'));
      assert.equal(lines.at(-2), '4 done, 1 in progress, 7 not started, 0 need attention');
    });

    it('has an ASCII fallback', () => {
      const out = phasesToText(computePhases(workspaceOf({ 'isms.isms.yaml': Object.values(PLANNED).join('\n') }, { today: '2026-07-01' })), { ascii: true });
      assert.match(out, /^ {2}\[x\] Senior management approval/m);
      assert.match(out, /^ {2}\[ \] Stage 1 audit/m);
      assert.doesNotMatch(out, /[✓…✗·—]/);
    });
  });
});

describe('phase tree: an error as a child of its step', () => {
  it('is labelled with the first sentence of its message, ending before a capital or an opening quote', () => {
    assert.equal(firstSentence('Evidence EV-9 is missing. Add it to the register.'), 'Evidence EV-9 is missing.');
    assert.equal(firstSentence("The owner is unknown. 'zed' is not in people."), 'The owner is unknown.');
    assert.equal(firstSentence('The owner is unknown. \u2018zed\u2019 is not in people.'), 'The owner is unknown.');
    assert.equal(firstSentence('The title is short. \u201CTBD\u201D is a placeholder.'), 'The title is short.');
    assert.equal(firstSentence('Use the 2022 id, e.g. 8.9 for configuration management.'), 'Use the 2022 id, e.g. 8.9 for configuration management.');
  });
});

