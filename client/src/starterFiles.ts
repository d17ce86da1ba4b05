/**
 * The files of "Create an Example ISMS": a small, commented ISMS that is valid and
 * deliberately unfinished, so that the phase tree shows a first step done, others in
 * progress, and the SoA quick fix has work to do. Dates are relative to `today`.
 */

export interface StarterFile {
  /** Relative to the workspace folder, `/`-separated. */
  path: string;
  content: string;
}

/** The file opened after creation. */
export const STARTER_MAIN_FILE = 'organization.isms.yaml';

/** `YYYY-MM-DD` of a local date plus `days`. */
export function isoDate(today: Date, days = 0): string {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function starterFiles(today: Date): StarterFile[] {
  const now = isoDate(today);
  const inAMonth = isoDate(today, 30);
  return [
    {
      path: 'organization.isms.yaml',
      content: `# An example ISMS (information security management system) kept as code, for
# ISO/IEC 27001:2022. Replace the example values with your own.
#
# Every file in this folder whose name ends in .isms.yaml belongs to the same ISMS.
# A file may hold any top-level section; this example splits them by topic:
#
#   organization.isms.yaml  who you are, the management approval and the scope (this file)
#   people.isms.yaml        the team and their roles
#   soa.isms.yaml           the Statement of Applicability (all 93 Annex A controls)
#   risks.isms.yaml         the risk register
#   evidence.isms.yaml      the evidence register that everything else cites by id
#   audits.isms.yaml        audits, reviews and the nonconformities they raise
#
# The "ISMS" view in the activity bar shows how far along the certification you are.
# Hover a key or a control id to learn what it means; Ctrl+Space completes values.

isms: 1

organization:
  name: Example Ltd
  # How often the ISMS is audited internally: annual or semiannual.
  reviewCadence: annual
  # Phase 1: top management approves the ISMS programme and its budget.
  approval:
    approvedBy: dana               # a person id from people.isms.yaml
    date: ${now}
    budget: 40000
    evidence: [EV-001]             # an evidence id from evidence.isms.yaml

# What the ISMS covers (clause 4.3). Auditors read this first.
scope:
  statement: >
    Design, development and operation of the Example Ltd online booking service,
    including the cloud platform it runs on and the office that supports it.
  # Kinds of information the ISMS protects (kebab-case names).
  dataCategories: [customer-personal-data, employee-records]
  locations: [Head office]
  systems: [Production cloud account, Office laptops, Email and documents]
  # Anything deliberately left out, each with the reason an auditor will ask for.
  exclusions:
    - item: Marketing website
      justification: Hosted and run by an external agency; holds no customer data.
`,
    },
    {
      path: 'people.isms.yaml',
      content: `# The ISMS team. Every owner, approvedBy, verifiedBy and internal auditor elsewhere
# must be one of these ids.
#
# Roles keep duties apart (auditors check for conflicts of interest): the
# review-supervisor, the remediation-owner and the verifier must be three different
# people, and nobody may both fix a nonconformity and verify the fix.
#
# roles: top-management | isms-manager | review-supervisor | remediation-owner |
#        verifier | internal-auditor | control-owner | risk-owner

isms: 1

people:
  - id: dana
    name: Dana Example
    roles: [top-management]

  - id: sam
    name: Sam Example
    roles: [isms-manager, review-supervisor, risk-owner]

  - id: rob
    name: Rob Example
    roles: [remediation-owner, control-owner]

  - id: vera
    name: Vera Example
    roles: [verifier, internal-auditor]
`,
    },
    {
      path: 'soa.isms.yaml',
      content: `# The Statement of Applicability (clause 6.1.3 d): every one of the 93 controls of
# Annex A, included or excluded, each with a justification.
#
#   applicable     true (you use it) or false (excluded)
#   justification  why — required both ways, and real text, not TODO
#   status         implemented | partially-implemented | planned | not-implemented
#   owner          a person id; evidence: evidence ids (needed once implemented)
#
# Control ids are written with the A. prefix: a bare 5.10 is read by YAML as 5.1.
#
# Only three controls are here yet. Add the other 90 with the quick fix on \`controls\`
# (Ctrl+.) or the command "ISMS: Add Missing Controls to the SoA".

isms: 1

soa:
  revision: 1
  controls:
    - id: A.5.1
      applicable: true
      justification: Policies give the ISMS its direction and are asked for by customers.
      reasons: [risk-assessment, contractual]
      status: implemented
      owner: sam
      evidence: [EV-002]

    - id: A.5.15
      applicable: true
      justification: Access to customer data must be limited to the people who need it.
      reasons: [risk-assessment]
      status: planned
      owner: rob

    - id: A.7.4
      applicable: false
      justification: The office holds no equipment that processes customer data.
`,
    },
    {
      path: 'risks.isms.yaml',
      content: `# The risk register (clauses 6.1.2 and 6.1.3).
#
#   likelihood, impact  1 (rare / negligible) .. 5 (almost certain / severe)
#   treatment           mitigate | accept | transfer | avoid
#   controls            the Annex A controls that treat the risk

isms: 1

risks:
  - id: R-001
    title: A stolen laptop exposes customer data
    likelihood: 3
    impact: 4
    treatment: mitigate
    controls: [A.5.15]
    owner: sam

  - id: R-002
    title: A former employee keeps access to production
    likelihood: 2
    impact: 4
    treatment: mitigate
    controls: [A.5.15]
    owner: sam
`,
    },
    {
      path: 'evidence.isms.yaml',
      content: `# The evidence register. Everything else cites evidence by id, never by path.
#
#   link       a path relative to this file (inside the workspace), or an https URL
#   collected  when it was gathered; evidence older than 365 days is reported as stale

isms: 1

evidence:
  - id: EV-001
    title: Board minutes approving the ISMS programme
    link: evidence/board-approval.md
    collected: ${now}
    owner: dana

  - id: EV-002
    title: Information security policy, version 1
    link: evidence/information-security-policy.md
    collected: ${now}
    owner: sam
`,
    },
    {
      path: 'audits.isms.yaml',
      content: `# The audit programme: every audit and review, planned or completed, and the
# nonconformities (findings) they raise.
#
#   type     pre-assessment | internal-audit | management-review   (internal)
#            stage-1 | stage-2 | surveillance | recertification    (certification body)
#   status   planned | completed
#   auditor  a person id for internal audits; the firm's name otherwise
#   report   an evidence id

isms: 1

audits:
  # Phase 1 ends with a pre-assessment: an internal check against the standard.
  # When it is done, set status: completed and cite its report as evidence.
  - id: AU-PA-1
    type: pre-assessment
    date: ${inAMonth}
    status: planned
    auditor: vera

# Findings raised by audits, for example:
#
# nonconformities:
#   - id: NC-001
#     audit: AU-PA-1
#     severity: minor              # major | minor
#     control: A.5.15              # or clause: "9.2"
#     description: Leavers' accounts are not removed on their last day.
#     raised: ${inAMonth}
#     due: ${isoDate(today, 60)}
#     status: open                 # open | corrected | closed
#     owner: rob                   # fixes it
#     verifiedBy: vera             # checks the fix; not the owner
`,
    },
    {
      path: 'evidence/board-approval.md',
      content: `# Board minutes — ISMS approval (example)

Replace this stand-in with the real minutes, or point EV-001 in evidence.isms.yaml at
the document system where they are kept (an https link).
`,
    },
    {
      path: 'evidence/information-security-policy.md',
      content: `# Information security policy (example)

Replace this stand-in with your policy, or point EV-002 in evidence.isms.yaml at it.
`,
    },
  ];
}
