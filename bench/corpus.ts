/**
 * Deterministic generator of realistic ISMS workspaces for the benchmark (issue 7).
 *
 * Three sizes, modelled on examples/acme:
 * - small:  one file of ~1,000 lines holding every section and an SoA of all 93 controls;
 * - medium: ~20 files, ~5,000 lines, split by section like acme;
 * - large:  ~1,000 files, ~200,000 lines: many evidence, risk and nonconformity files.
 *
 * The content is valid against schemas/ except for a small, seeded share of deliberate
 * rule violations (unknown person/evidence/control ids, stale evidence, placeholder text,
 * overdue findings, missing evidence files, one schema error per corpus), so that the
 * rules have realistic work to do. The same seed always gives the same bytes.
 *
 * "Today" for these corpora is CORPUS_TODAY: run the checks with ISMS_TODAY set to it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import annexA from '../server/src/core/catalog/data/annex-a-2022.json';

export const CORPUS_TODAY = '2026-11-28';
export type CorpusSize = 'small' | 'medium' | 'large';
export const CORPUS_SIZES: readonly CorpusSize[] = ['small', 'medium', 'large'];

export interface CorpusFile {
  /** Path relative to the corpus folder, with `/` separators. */
  relPath: string;
  absPath: string;
  text: string;
  lines: number;
}

export interface Corpus {
  size: CorpusSize;
  dir: string;
  files: CorpusFile[];
  /** Non-ISMS files written for evidence links (not counted in `files`). */
  evidenceDocuments: number;
  totalLines: number;
  totalBytes: number;
  /** Deliberate violations written, by kind (what the generator meant, not what the rules say). */
  violations: Record<string, number>;
}

// ------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32) and helpers
// ------------------------------------------------------------------------------------

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** `count` distinct items (fewer when the list is shorter). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < count && copy.length > 0) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!);
    return out;
  }
}

const DAY_MS = 86_400_000;
const TODAY_MS = Date.parse(`${CORPUS_TODAY}T00:00:00Z`);

function dateAt(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
function daysFromToday(days: number): string {
  return dateAt(TODAY_MS + days * DAY_MS);
}
function msOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}
function addDays(date: string, days: number): string {
  return dateAt(msOf(date) + days * DAY_MS);
}
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function monthOf(date: string): string {
  return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}
function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/** A YAML scalar: plain when that is safe and reads back as the same string, else double-quoted. */
function scalar(text: string): string {
  const plainSafe = /^[A-Za-z(][^:#\n]*$/.test(text) && !/[:#]\s|\s$/.test(text)
    && !/^(true|false|null|yes|no|on|off|~)$/i.test(text) && !/[[\]{},&*!|>'"%@`]/.test(text.charAt(0));
  return plainSafe && !/[{}[\],]/.test(text) ? text : JSON.stringify(text);
}

/** A folded block scalar (`>`) wrapped at ~88 columns under `indent`. */
function folded(text: string, indent: string): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line.length + word.length + 1 > 86 - indent.length && line) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return `>\n${lines.map((l) => indent + l).join('\n')}`;
}

// ------------------------------------------------------------------------------------
// Content pools (acme-like wording)
// ------------------------------------------------------------------------------------

interface ControlInfo {
  id: string;
  title: string;
  theme: string;
}
const CONTROLS: readonly ControlInfo[] = (annexA as { controls: ControlInfo[] }).controls.map((c) => ({ id: c.id, title: c.title, theme: c.theme }));
/** Controls an office-less SaaS company would typically exclude. */
const USUALLY_EXCLUDED = new Set(['A.7.3', 'A.7.5', 'A.7.8', 'A.7.11', 'A.7.12', 'A.8.30']);

const SYSTEMS = [
  'the production AWS organisation', 'Okta', 'Google Workspace', 'GitHub and the CI/CD pipelines', 'the billing service',
  'the customer API', 'the data warehouse', 'the mobile app backend', 'the support desk', 'the Kubernetes clusters',
  'the corporate VPN', 'the payroll system', 'the CRM', 'the logging platform', 'the secrets manager', 'the build farm',
  'the analytics pipeline', 'the identity broker', 'the object storage buckets', 'the managed laptops',
];
const SUPPLIERS = ['Stripe', 'Twilio', 'Zendesk', 'Datadog', 'Snowflake', 'Cloudflare', 'Atlassian', 'Slack', 'HubSpot', 'PagerDuty', 'Okta', 'Google', 'Amazon Web Services', 'Workday', 'DocuSign'];
const POLICIES = ['Access control', 'Cryptography', 'Acceptable use', 'Supplier security', 'Backup', 'Logging and monitoring', 'Secure development', 'Incident management', 'Data classification', 'Remote working', 'Mobile device', 'Business continuity'];
const DEPARTMENTS = ['engineering', 'platform', 'security', 'it', 'people', 'finance', 'legal', 'sales', 'support', 'data', 'product', 'marketing'];

const EVIDENCE_KINDS: readonly { topic: string; titles: readonly string[] }[] = [
  { topic: 'access', titles: ['Quarterly access review of {system}, {period}', 'Joiner-mover-leaver tickets, {period}', 'Privileged access inventory for {system}', 'MFA enforcement report for {system}, {period}'] },
  { topic: 'assets', titles: ['Information asset inventory export, {period}', 'Hardware asset register reconciliation, {period}', 'Data flow diagram for {system}'] },
  { topic: 'continuity', titles: ['Disaster recovery test report for {system}', 'Backup restore test of {system}, {period}', 'Business impact analysis, {period}'] },
  { topic: 'development', titles: ['Secure code review records for {system}, {period}', 'Change records, {period}', 'Penetration test summary for {system}', 'Dependency and SAST scan results, {period}'] },
  { topic: 'endpoints', titles: ['MDM compliance report, {period}', 'Disk encryption status report, {period}', 'EDR deployment coverage, {period}'] },
  { topic: 'incident', titles: ['Post-incident review of the {system} outage', 'Incident response tabletop exercise, {period}', 'Security incident register export, {period}'] },
  { topic: 'people', titles: ['Security awareness training completion, {period}', 'Background screening records, {period}', 'Signed confidentiality agreements, {period}'] },
  { topic: 'physical', titles: ['Office access badge log review, {period}', 'Clean desk walkthrough, {period}'] },
  { topic: 'policies', titles: ['{policy} policy v{version}', '{policy} standard v{version} with approval record'] },
  { topic: 'privacy', titles: ['Records of processing activities, {period}', 'Data protection impact assessment for {system}'] },
  { topic: 'security-operations', titles: ['Vulnerability scan report for {system}, {period}', 'SIEM alert triage review, {period}', 'Threat intelligence digest, {period}', 'Log retention configuration for {system}'] },
  { topic: 'suppliers', titles: ['Supplier security assessment of {supplier}', 'Sub-processor register, {period}', 'SOC 2 report review for {supplier}'] },
  { topic: 'technical', titles: ['Firewall and security group review for {system}', 'TLS configuration scan of {system}', 'Key rotation records for {system}, {period}'] },
];

const JUSTIFICATION_OPENERS = [
  'Required to treat the risks in the risk register that concern {system}',
  'Customer contracts and security questionnaires ask for this control for {system}',
  'UK GDPR and customer data processing agreements require it for {system}',
  'The risk assessment rates threats to {system} as high without it',
  'Needed so that {title} is handled consistently across the team',
  'Auditors and enterprise customers expect evidence of it for {system}',
];
const JUSTIFICATION_CLOSERS = [
  'it is reviewed at each management review and after major changes.',
  'the owner reports on it quarterly at the security steering meeting.',
  'its operation is sampled during every internal audit.',
  'metrics are tracked on the security dashboard and reviewed monthly.',
  'exceptions are recorded in the risk register with an accountable owner.',
];
const EXCLUSION_JUSTIFICATIONS = [
  'Excluded: there are no secure areas in scope; production runs in cloud data centres whose physical controls are covered by the provider\'s certifications.',
  'Excluded: the company owns no information processing facilities that depend on supporting utilities; the cloud provider is responsible for them.',
  'Excluded: all development is done by employees and the supplier policy does not allow outsourced development.',
  'Excluded: no equipment is sited in premises under our control; staff work remotely on managed laptops.',
];
const RISK_THREATS = [
  'Compromised administrator credentials for {system}', 'Ransomware on {system}', 'Misconfiguration of {system}',
  'Outage at {supplier}', 'Insider misuse of access to {system}', 'Unpatched vulnerability in {system}',
  'Phishing of staff with access to {system}', 'Loss of backups for {system}', 'Data leak through {supplier}',
  'Lost or stolen laptop with access to {system}', 'Excessive access rights to {system}', 'Malicious dependency in {system}',
];
const RISK_CONSEQUENCES = [
  'exposes customer personal data', 'disrupts the service for more than four hours', 'leads to regulatory fines',
  'corrupts financial records', 'exposes source code', 'breaches customer contracts', 'destroys production data',
];
const NC_FINDINGS = [
  'Quarterly access reviews of {system} were not performed in {period}; {n} accounts of leavers were still active.',
  'Vulnerabilities rated critical in {system} remained unpatched for {n} days, beyond the 14-day target of the vulnerability management procedure.',
  'The supplier security assessment of {supplier} was overdue by {n} days and no risk acceptance was recorded.',
  'Backup restore tests of {system} had not been run since {period}, against a quarterly requirement.',
  'Security awareness training completion in {dept} was {n}% against the 100% target.',
  'Change records for {system} lacked the required peer approval in {n} sampled changes.',
  'Log retention for {system} was {n} days, below the 365 days required by the logging standard.',
  'The asset inventory omitted {n} SaaS tools used by {dept}, two of which hold customer contact data.',
];
const NC_ACTIONS = [
  'Perform the missed review immediately, automate the reminder in the ticketing system and report completion at the security steering meeting.',
  'Fix the affected items now, add an automated check to the pipeline that fails when the target is exceeded, and review the metric monthly.',
  'Complete the overdue work, assign a deputy owner so that absences do not block it, and add it to the compliance calendar.',
  'Correct the configuration, document the requirement in the relevant standard and verify it in the next internal audit.',
];
const PLACEHOLDERS = ['TODO', 'TBD', 'TBC', 'N/A', 'TODO: write this up before the audit', 'tbd'];
const FIRST_NAMES = ['jane', 'priya', 'kate', 'alice', 'bob', 'carol', 'omar', 'lena', 'mia', 'tom', 'samir', 'noah', 'ava', 'liam', 'zoe', 'ethan', 'ines', 'yuki', 'raj', 'sofia', 'max', 'nina', 'oscar', 'ruth', 'felix', 'hana', 'ivan', 'julia', 'kofi', 'lara'];
const LAST_NAMES = ['whitfield', 'natarajan', 'morgan', 'chen', 'diaz', 'evans', 'hassan', 'fischer', 'kowalski', 'okafor', 'haddad', 'brown', 'silva', 'nguyen', 'patel', 'rossi', 'muller', 'tanaka', 'kim', 'novak', 'smith', 'jones', 'garcia', 'ali', 'cohen'];

function fill(template: string, rng: Rng, extra: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (key in extra) return extra[key]!;
    switch (key) {
      case 'system': return rng.pick(SYSTEMS);
      case 'supplier': return rng.pick(SUPPLIERS);
      case 'policy': return rng.pick(POLICIES);
      case 'version': return `${rng.int(1, 4)}.${rng.int(0, 9)}`;
      case 'dept': return rng.pick(DEPARTMENTS);
      case 'n': return String(rng.int(3, 40));
      case 'period': return monthOf(daysFromToday(-rng.int(10, 300)));
      default: return key;
    }
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ------------------------------------------------------------------------------------
// The ISMS model the generator builds, then writes as YAML
// ------------------------------------------------------------------------------------

interface Person { id: string; name: string; email: string; roles: string[] }
interface Evidence { id: string; title: string; link: string; collected: string; owner: string; comment?: string }
interface Risk { id: string; title: string; likelihood: number; impact: number; treatment: string; controls: string[]; owner: string }
interface Audit { id: string; type: string; date: string; status: string; auditor: string; report?: string }
interface Nonconformity {
  id: string; audit: string; severity: string; control?: string; clause?: string; description: string; raised: string; due: string;
  status: string; actionPlan?: string; owner?: string; verifiedBy?: string; correctionEvidence?: string[]; remediationEvidence?: string[];
}
interface SoaEntry { id: string; applicable: boolean; justification: string; reasons?: string[]; status?: string; owner?: string; evidence?: string[]; risks?: string[] }

interface Plan {
  people: number;
  soa: boolean;
  risks: number;
  evidence: number;
  nonconformities: number;
  auditsPerYear: number;
  /** Share of each kind of deliberate violation among the items it can apply to. */
  violationRate: number;
  /** Number of distinct evidence documents written to disk (links point to these). */
  evidenceDocuments: number;
}

const PLANS: Record<CorpusSize, Plan> = {
  small: { people: 12, soa: true, risks: 8, evidence: 20, nonconformities: 4, auditsPerYear: 2, violationRate: 0.015, evidenceDocuments: 20 },
  medium: { people: 16, soa: true, risks: 110, evidence: 420, nonconformities: 48, auditsPerYear: 8, violationRate: 0.02, evidenceDocuments: 60 },
  large: { people: 160, soa: true, risks: 7_000, evidence: 19_000, nonconformities: 2_400, auditsPerYear: 40, violationRate: 0.01, evidenceDocuments: 300 },
};

class Generator {
  readonly rng: Rng;
  readonly violations: Record<string, number> = {};
  people: Person[] = [];
  evidence: Evidence[] = [];
  risks: Risk[] = [];
  audits: Audit[] = [];
  nonconformities: Nonconformity[] = [];
  soa: SoaEntry[] = [];
  documents: string[] = [];

  constructor(readonly size: CorpusSize, readonly plan: Plan, seed: number) {
    this.rng = new Rng(seed);
  }

  private violate(kind: string, rate = this.plan.violationRate): boolean {
    if (!this.rng.chance(rate)) return false;
    this.violations[kind] = (this.violations[kind] ?? 0) + 1;
    return true;
  }

  withRole(role: string): Person[] {
    return this.people.filter((p) => p.roles.includes(role));
  }

  /** A person id, or now and then an id nobody has (`unknown-person`). */
  personRef(role: string): string {
    if (this.violate('unknown-person')) return `${this.rng.pick(FIRST_NAMES)}.unknown`;
    return this.rng.pick(this.withRole(role)).id;
  }

  evidenceRef(): string {
    if (this.violate('unknown-evidence')) return `EV-${pad(this.rng.int(90_000, 99_999), 5)}`;
    return this.rng.pick(this.evidence).id;
  }

  controlRef(applicableOnly: boolean): string {
    if (this.violate('unknown-control', this.plan.violationRate / 3)) return this.rng.pick(['A.5.38', 'A.8.35', 'A.6.9', 'A.7.15']);
    if (this.violate('legacy-control', this.plan.violationRate / 3)) return this.rng.pick(['A.9.2.1', 'A.12.6.1', 'A.14.2.5', 'A.11.2.9']);
    const pool = applicableOnly ? CONTROLS.filter((c) => !USUALLY_EXCLUDED.has(c.id)) : CONTROLS;
    return this.rng.pick(pool).id;
  }

  text(template: string, extra: Record<string, string> = {}): string {
    return fill(template, this.rng, extra);
  }

  build(): void {
    this.buildPeople();
    this.buildDocuments();
    this.buildEvidence();
    this.buildRisks();
    this.buildAudits();
    this.buildNonconformities();
    this.buildSoa();
  }

  private buildPeople(): void {
    const fixed: [string, string, string[]][] = [
      ['jane', 'Jane Whitfield', ['top-management']],
      ['priya', 'Priya Natarajan', ['top-management', 'risk-owner', 'control-owner']],
      ['kate', 'Kate Morgan', ['top-management', 'risk-owner', 'control-owner']],
      ['alice', 'Alice Chen', ['isms-manager', 'review-supervisor', 'risk-owner', 'control-owner']],
      ['bob', 'Bob Diaz', ['remediation-owner', 'control-owner']],
      ['carol', 'Carol Evans', ['verifier', 'internal-auditor']],
      ['omar', 'Omar Hassan', ['control-owner', 'risk-owner', 'remediation-owner']],
      ['lena', 'Lena Fischer', ['control-owner', 'risk-owner']],
      ['mia', 'Mia Kowalski', ['control-owner', 'risk-owner']],
      ['tom', 'Tom Okafor', ['control-owner', 'remediation-owner']],
      ['samir', 'Samir Haddad', ['control-owner', 'risk-owner']],
      ['noah', 'Noah Brown', ['internal-auditor', 'verifier']],
    ];
    for (const [id, name, roles] of fixed) this.people.push({ id, name, email: `${id}@acme-cloud.example`, roles });
    const used = new Set(this.people.map((p) => p.id));
    const extraRoles = [['control-owner'], ['risk-owner', 'control-owner'], ['remediation-owner', 'control-owner'], ['verifier'], ['internal-auditor'], ['control-owner']];
    while (this.people.length < this.plan.people) {
      const first = this.rng.pick(FIRST_NAMES);
      const last = this.rng.pick(LAST_NAMES);
      let id = `${first}.${last}`;
      for (let n = 2; used.has(id); n++) id = `${first}.${last}${n}`;
      used.add(id);
      this.people.push({ id, name: `${capitalise(first)} ${capitalise(last)}`, email: `${id}@acme-cloud.example`, roles: [...this.rng.pick(extraRoles)] });
    }
  }

  private buildDocuments(): void {
    const seen = new Set<string>();
    while (this.documents.length < this.plan.evidenceDocuments) {
      const kind = this.rng.pick(EVIDENCE_KINDS);
      const name = `docs/${kind.topic}/${slug(this.text(this.rng.pick(kind.titles)))}.md`;
      if (seen.has(name)) continue;
      seen.add(name);
      this.documents.push(name);
    }
  }

  private buildEvidence(): void {
    const width = this.plan.evidence >= 10_000 ? 5 : 3;
    for (let i = 1; i <= this.plan.evidence; i++) {
      const kind = this.rng.pick(EVIDENCE_KINDS);
      const stale = this.violate('evidence-stale', this.plan.violationRate * 2);
      const collected = stale ? daysFromToday(-this.rng.int(380, 900)) : daysFromToday(-this.rng.int(3, 350));
      const title = this.text(this.rng.pick(kind.titles), { period: monthOf(collected) });
      let link: string;
      const roll = this.rng.next();
      if (this.violate('evidence-missing-file')) link = `docs/${kind.topic}/${slug(title)}-missing.md`;
      else if (this.violate('evidence-insecure-link', this.plan.violationRate / 2)) link = `http://intranet.acme-cloud.example/isms/${slug(title)}`;
      else if (roll < 0.45) link = this.rng.pick(this.documents);
      else link = `https://docs.acme-cloud.example/isms/${kind.topic}/${slug(title)}`;
      const item: Evidence = { id: `EV-${pad(i, width)}`, title, link, collected, owner: this.personRef('control-owner') };
      if (stale && this.rng.chance(0.2)) item.comment = 'kept for the audit trail; refresh scheduled';
      this.evidence.push(item);
    }
  }

  private buildRisks(): void {
    const width = this.plan.risks >= 1_000 ? 4 : 3;
    for (let i = 1; i <= this.plan.risks; i++) {
      const title = `${this.text(this.rng.pick(RISK_THREATS))} ${this.rng.pick(RISK_CONSEQUENCES)}`;
      const controls = Array.from({ length: this.rng.int(2, 5) }, () => this.controlRef(true));
      const risk: Risk = {
        id: `R-${pad(i, width)}`, title, likelihood: this.rng.int(1, 5), impact: this.rng.int(1, 5),
        treatment: this.rng.pick(['mitigate', 'mitigate', 'mitigate', 'accept', 'transfer', 'avoid']),
        controls: [...new Set(controls)], owner: this.personRef('risk-owner'),
      };
      this.risks.push(risk);
    }
  }

  private buildAudits(): void {
    // The current certification cycle: pre-assessment, stage 1 and 2, certificate in June 2026.
    const fixed: Audit[] = [
      { id: 'AU-2026-PA', type: 'pre-assessment', date: '2026-05-05', status: 'completed', auditor: 'Northgate Advisory LLP' },
      { id: 'AU-2026-S1', type: 'stage-1', date: '2026-05-19', status: 'completed', auditor: 'Meridian Certification Ltd' },
      { id: 'AU-2026-S2', type: 'stage-2', date: '2026-06-09', status: 'completed', auditor: 'Meridian Certification Ltd' },
      { id: 'AU-2027-SA1', type: 'surveillance', date: '2027-05-25', status: 'planned', auditor: 'Meridian Certification Ltd' },
      { id: 'AU-2028-SA2', type: 'surveillance', date: '2028-05-23', status: 'planned', auditor: 'Meridian Certification Ltd' },
      { id: 'AU-2029-RC', type: 'recertification', date: '2029-04-17', status: 'planned', auditor: 'Meridian Certification Ltd' },
    ];
    for (const audit of fixed) audit.report = audit.status === 'completed' ? this.rng.pick(this.evidence).id : undefined;
    this.audits.push(...fixed);
    const firstYear = this.size === 'large' ? 2020 : 2026;
    for (let year = firstYear; year <= 2027; year++) {
      for (let i = 1; i <= this.plan.auditsPerYear; i++) {
        const type = i % 5 === 0 ? 'management-review' : 'internal-audit';
        const date = `${year}-${pad(1 + Math.floor(((i - 1) * 12) / this.plan.auditsPerYear), 2)}-${pad(this.rng.int(1, 28), 2)}`;
        const status = date <= CORPUS_TODAY ? 'completed' : 'planned';
        const auditor = type === 'management-review' ? 'jane' : this.personRef('internal-auditor');
        const audit: Audit = { id: `AU-${year}-${type === 'management-review' ? 'MR' : 'IA'}${pad(i, 3)}`, type, date, status, auditor };
        if (status === 'completed' && year >= 2026 && this.rng.chance(0.7)) audit.report = this.evidenceRef();
        this.audits.push(audit);
      }
    }
  }

  private buildNonconformities(): void {
    const sources = this.audits.filter((a) => a.status === 'completed' && a.date >= '2025-12-01' && a.type !== 'management-review');
    const width = this.plan.nonconformities >= 1_000 ? 4 : 3;
    const byDateAfter = (date: string) => {
      for (let tries = 0; tries < 40; tries++) {
        const candidate = this.rng.pick(this.evidence);
        if (candidate.collected >= date) return candidate.id;
      }
      return this.evidenceRef();
    };
    for (let i = 1; i <= this.plan.nonconformities; i++) {
      const audit = i <= 2 ? this.audits[1]! : i === 3 ? this.audits[2]! : this.rng.pick(sources);
      const raised = addDays(audit.date, this.rng.int(0, 3));
      if (raised >= CORPUS_TODAY) continue;
      const severity = this.rng.chance(0.25) ? 'major' : 'minor';
      const external = audit.type === 'stage-1' || audit.type === 'stage-2';
      const overdue = !external && this.violate('nc-overdue');
      let status = external ? 'closed' : this.rng.pick(['closed', 'closed', 'closed', 'corrected', 'open', 'open']);
      if (overdue) status = 'open';
      const due = overdue ? addDays(raised, this.rng.int(20, 60)) : status === 'open' || status === 'corrected' ? daysFromToday(this.rng.int(20, 200)) : addDays(raised, this.rng.int(14, 60));
      const nc: Nonconformity = {
        id: `NC-${raised.slice(0, 4)}-${pad(i, width)}`, audit: audit.id, severity,
        description: this.text(this.rng.pick(NC_FINDINGS)), raised, due: due < raised ? raised : due, status,
      };
      if (this.rng.chance(0.15)) nc.clause = this.rng.pick(['6.1.2', '6.1.3', '7.2', '7.5.3', '8.1', '9.2', '9.3', '10.1']);
      else nc.control = this.controlRef(true);
      if (status !== 'open' || this.rng.chance(0.6)) nc.actionPlan = this.violate('placeholder-text') ? this.rng.pick(PLACEHOLDERS) : this.rng.pick(NC_ACTIONS);
      nc.owner = this.personRef('remediation-owner');
      if (status === 'corrected' || status === 'closed') nc.correctionEvidence = [byDateAfter(raised)];
      if (status === 'closed') {
        const verifiers = this.withRole('verifier').filter((p) => p.id !== nc.owner);
        nc.verifiedBy = this.violate('role-conflict', this.plan.violationRate / 2) ? nc.owner : this.rng.pick(verifiers).id;
        if (severity === 'major' || this.rng.chance(0.3)) nc.remediationEvidence = [byDateAfter(raised)];
      }
      this.nonconformities.push(nc);
    }
  }

  private buildSoa(): void {
    const owners = this.withRole('control-owner');
    for (const control of CONTROLS) {
      const applicable = !USUALLY_EXCLUDED.has(control.id);
      if (!applicable) {
        this.soa.push({ id: control.id, applicable, justification: this.rng.pick(EXCLUSION_JUSTIFICATIONS) });
        continue;
      }
      const placeholder = this.violate('placeholder-text', this.plan.violationRate * 2);
      const justification = placeholder
        ? this.rng.pick(PLACEHOLDERS)
        : `${this.text(this.rng.pick(JUSTIFICATION_OPENERS), { title: control.title.toLowerCase() })}; ${this.rng.pick(JUSTIFICATION_CLOSERS)}`;
      const status = this.rng.pick(['implemented', 'implemented', 'implemented', 'implemented', 'partially-implemented', 'planned']);
      const entry: SoaEntry = {
        id: control.id, applicable, justification,
        reasons: this.rng.sample(['risk-assessment', 'legal', 'contractual', 'business'], this.rng.int(1, 3)),
        status, owner: this.violate('unknown-person') ? 'nobody.here' : this.rng.pick(owners).id,
      };
      if (status === 'implemented' || this.rng.chance(0.4)) entry.evidence = [...new Set(Array.from({ length: this.rng.int(1, 3) }, () => this.evidenceRef()))];
      if (this.rng.chance(this.size === 'small' ? 0.1 : 0.3)) entry.risks = this.rng.sample(this.risks, this.rng.int(1, 2)).map((r) => r.id);
      this.soa.push(entry);
    }
  }
}

// ------------------------------------------------------------------------------------
// YAML writers, one per section (the shapes of examples/acme)
// ------------------------------------------------------------------------------------

const HEADER = (what: string) => `# ${what}\n#\n# Generated by bench/corpus.ts for the performance benchmark; modelled on examples/acme.\n\nisms: 1\n`;

function writeOrganization(g: Generator): string {
  return `organization:
  name: Acme Cloud Ltd
  # How often the ISMS is audited internally: annual (every 12 months) or semiannual.
  reviewCadence: annual
  approval:
    approvedBy: jane               # the CEO
    date: 2026-10-15               # the October 2026 management review
    budget: 85000
    evidence: [${g.evidence[0]!.id}, ${g.evidence[1]!.id}]

scope:
  statement: >
    The information security management system of Acme Cloud Ltd covering the design,
    development, operation and support of the Acme Cloud B2B SaaS platform, hosted in
    Amazon Web Services (eu-west-2, London), together with the corporate IT that
    supports it, as delivered from the London office and by remote staff in the UK.
  dataCategories:
    - customer-personal-data
    - credentials
    - intellectual-property
    - employee-records
    - financial-records
  locations:
    - London office (serviced office, Shoreditch)
    - Remote staff working from home in the United Kingdom
    - AWS eu-west-2 (London) region
  systems:
    - Acme Cloud production AWS organisation (accounts prod, staging, security, logging)
    - GitHub organisation and CI/CD pipelines
    - Google Workspace (mail, documents)
    - Okta identity provider
  exclusions:
    - item: Acme Labs research sandbox AWS account
      justification: >
        Isolated research account with synthetic data only, no customer data and no
        network path to production; governed by a separate acceptable-use agreement.

certificationBody:
  name: Meridian Certification Ltd
  accreditation: UKAS
  accreditationNumber: "0000"        # quoted: a number-like string must stay a string

certificate:
  number: MCL-ISMS-26-0412
  issued: 2026-06-26
  expires: 2029-06-25
`;
}

function writePeople(people: readonly Person[]): string {
  const out = ['people:'];
  for (const p of people) {
    out.push(`  - id: ${p.id}`, `    name: ${scalar(p.name)}`, `    email: ${p.email}`, `    roles: [${p.roles.join(', ')}]`);
  }
  return `${out.join('\n')}\n`;
}

function writeSoa(entries: readonly SoaEntry[]): string {
  const out = ['soa:', '  revision: 4', '  approvedBy: jane', '  approvedOn: 2026-10-20', '  controls:'];
  let theme = '';
  for (const e of entries) {
    const control = CONTROLS.find((c) => c.id === e.id)!;
    if (control.theme !== theme) {
      theme = control.theme;
      out.push(`    # ${'='.repeat(60)}`, `    # ${theme} controls`, `    # ${'='.repeat(60)}`);
    }
    out.push(`    - id: ${e.id}                # ${control.title}`, `      applicable: ${e.applicable}`);
    out.push(`      justification: ${e.justification.length > 60 ? folded(e.justification, '        ') : scalar(e.justification)}`);
    if (e.reasons) out.push(`      reasons: [${e.reasons.join(', ')}]`);
    if (e.status) out.push(`      status: ${e.status}`);
    if (e.owner) out.push(`      owner: ${e.owner}`);
    if (e.evidence) out.push(`      evidence: [${e.evidence.join(', ')}]`);
    if (e.risks) out.push(`      risks: [${e.risks.join(', ')}]`);
  }
  return `${out.join('\n')}\n`;
}

function writeRisks(risks: readonly Risk[], schemaErrorAt = -1): string {
  const out = ['risks:'];
  risks.forEach((r, i) => {
    out.push(
      `  - id: ${r.id}`, `    title: ${scalar(r.title)}`,
      `    likelihood: ${i === schemaErrorAt ? 6 : r.likelihood}${i === schemaErrorAt ? '                  # deliberate schema error (1..5)' : ''}`,
      `    impact: ${r.impact}`, `    treatment: ${r.treatment}`, `    controls: [${r.controls.join(', ')}]`, `    owner: ${r.owner}`, '',
    );
  });
  return `${out.join('\n')}`;
}

function writeEvidence(items: readonly Evidence[], fileDir: string): string {
  const out = ['evidence:'];
  for (const e of items) {
    const link = e.link.startsWith('docs/') ? path.posix.relative(fileDir, e.link) : e.link;
    out.push(`  - id: ${e.id}`, `    title: ${scalar(e.title)}`, `    link: ${link}`, `    collected: ${e.collected}${e.comment ? `   # ${e.comment}` : ''}`, `    owner: ${e.owner}`);
  }
  return `${out.join('\n')}\n`;
}

function writeAudits(audits: readonly Audit[]): string {
  const out = ['audits:'];
  for (const a of audits) {
    out.push(`  - id: ${a.id}`, `    type: ${a.type}`, `    date: ${a.date}`, `    status: ${a.status}`, `    auditor: ${scalar(a.auditor)}`);
    if (a.report) out.push(`    report: ${a.report}`);
    out.push('');
  }
  return `${out.join('\n')}`;
}

function writeNonconformities(items: readonly Nonconformity[]): string {
  const out = ['nonconformities:'];
  for (const n of items) {
    out.push(`  - id: ${n.id}`, `    audit: ${n.audit}`, `    severity: ${n.severity}`);
    if (n.control) out.push(`    control: ${n.control}`);
    if (n.clause) out.push(`    clause: "${n.clause}"`);
    out.push(`    description: ${folded(n.description, '      ')}`, `    raised: ${n.raised}`, `    due: ${n.due}`, `    status: ${n.status}`);
    if (n.actionPlan) out.push(`    actionPlan: ${n.actionPlan.length > 40 ? folded(n.actionPlan, '      ') : scalar(n.actionPlan)}`);
    if (n.owner) out.push(`    owner: ${n.owner}`);
    if (n.verifiedBy) out.push(`    verifiedBy: ${n.verifiedBy}`);
    if (n.correctionEvidence) out.push(`    correctionEvidence: [${n.correctionEvidence.join(', ')}]`);
    if (n.remediationEvidence) out.push(`    remediationEvidence: [${n.remediationEvidence.join(', ')}]`);
    out.push('');
  }
  return `${out.join('\n')}`;
}

function chunks<T>(items: readonly T[], count: number): T[][] {
  const out: T[][] = [];
  const per = Math.ceil(items.length / count);
  for (let i = 0; i < items.length; i += per) out.push(items.slice(i, i + per));
  return out;
}

// ------------------------------------------------------------------------------------
// Layouts
// ------------------------------------------------------------------------------------

function layout(g: Generator): Map<string, string> {
  const files = new Map<string, string>();
  if (g.size === 'small') {
    files.set('isms.isms.yaml', [
      HEADER('Acme Cloud Ltd — the whole ISMS in one file (small benchmark corpus).'),
      writeOrganization(g), writePeople(g.people), writeSoa(g.soa), writeRisks(g.risks, 4),
      writeEvidence(g.evidence, '.'), writeAudits(g.audits), writeNonconformities(g.nonconformities),
    ].join('\n'));
    return files;
  }
  files.set('organization.isms.yaml', `${HEADER('Who we are, what the ISMS covers, who certifies us.')}\n${writeOrganization(g)}`);
  files.set('soa.isms.yaml', `${HEADER('Statement of Applicability: all 93 Annex A controls.')}\n${writeSoa(g.soa)}`);
  if (g.size === 'medium') {
    files.set('people.isms.yaml', `${HEADER('The ISMS team and their roles.')}\n${writePeople(g.people)}`);
    chunks(g.risks, 3).forEach((part, i) => files.set(`risks/risks-${i + 1}.isms.yaml`, `${HEADER('Risk register, part ' + (i + 1))}\n${writeRisks(part, i === 0 ? 4 : -1)}`));
    chunks(g.evidence, 10).forEach((part, i) => files.set(`evidence/evidence-${pad(i + 1, 2)}.isms.yaml`, `${HEADER('Evidence register, part ' + (i + 1))}\n${writeEvidence(part, 'evidence')}`));
    files.set('audits.isms.yaml', `${HEADER('The audit programme.')}\n${writeAudits(g.audits)}`);
    chunks(g.nonconformities, 3).forEach((part, i) => files.set(`nonconformities/nc-${i + 1}.isms.yaml`, `${HEADER('Nonconformities, part ' + (i + 1))}\n${writeNonconformities(part)}`));
    return files;
  }
  // large: one folder per department for people, per year for audits, many register files.
  chunks(g.people, 4).forEach((part, i) => files.set(`people/people-${i + 1}.isms.yaml`, `${HEADER('The ISMS team, part ' + (i + 1))}\n${writePeople(part)}`));
  const byYear = new Map<string, Audit[]>();
  for (const a of g.audits) byYear.set(a.date.slice(0, 4), [...(byYear.get(a.date.slice(0, 4)) ?? []), a]);
  for (const [year, audits] of byYear) files.set(`audits/audits-${year}.isms.yaml`, `${HEADER(`Audits of ${year}`)}\n${writeAudits(audits)}`);
  chunks(g.evidence, 520).forEach((part, i) => {
    const folder = `evidence/${g.rng.pick(DEPARTMENTS)}`;
    files.set(`${folder}/evidence-${pad(i + 1, 4)}.isms.yaml`, `${HEADER(`Evidence register, part ${i + 1}`)}\n${writeEvidence(part, folder)}`);
  });
  chunks(g.risks, 290).forEach((part, i) => files.set(`risks/risks-${pad(i + 1, 4)}.isms.yaml`, `${HEADER(`Risk register, part ${i + 1}`)}\n${writeRisks(part, i === 0 ? 4 : -1)}`));
  chunks(g.nonconformities, 180).forEach((part, i) => files.set(`nonconformities/nc-${pad(i + 1, 4)}.isms.yaml`, `${HEADER(`Nonconformities, part ${i + 1}`)}\n${writeNonconformities(part)}`));
  return files;
}

/** Generates the texts of a corpus in memory (no disk). */
export function generateTexts(size: CorpusSize, seed = 27001): { files: Map<string, string>; documents: string[]; violations: Record<string, number> } {
  const g = new Generator(size, PLANS[size], seed + CORPUS_SIZES.indexOf(size));
  g.build();
  // The small corpus carries one deliberate schema error (likelihood 6) in its risks.
  const violations = { ...g.violations, schema: 1 };
  return { files: layout(g), documents: g.documents, violations };
}

/** Writes a corpus below `parentDir` (a fresh folder named after the size) and returns it. */
export function writeCorpus(size: CorpusSize, parentDir: string, seed = 27001): Corpus {
  const { files, documents, violations } = generateTexts(size, seed);
  const dir = path.join(parentDir, size);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const out: CorpusFile[] = [];
  for (const [relPath, text] of files) {
    const absPath = path.join(dir, relPath);
    fs.mkdirSync(path.dirname(absPath), { recursive: true });
    fs.writeFileSync(absPath, text);
    out.push({ relPath, absPath, text, lines: text.split('\n').length });
  }
  for (const doc of documents) {
    const absPath = path.join(dir, doc);
    fs.mkdirSync(path.dirname(absPath), { recursive: true });
    fs.writeFileSync(absPath, `# ${doc}\n\nA stand-in for the real evidence document.\n`);
  }
  out.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return {
    size, dir, files: out, evidenceDocuments: documents.length,
    totalLines: out.reduce((n, f) => n + f.lines, 0),
    totalBytes: out.reduce((n, f) => n + Buffer.byteLength(f.text), 0),
    violations,
  };
}
