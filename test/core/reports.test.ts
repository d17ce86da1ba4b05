import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTROLS } from '../../server/src/core/catalog/index';
import { csvField, escapeHtml, escapeMarkdown, renderReport, REPORT_FORMATS, REPORT_KINDS } from '../../server/src/core/reports/index';
import { renderCsv } from '../../server/src/core/reports/csv';
import { workspaceOf } from '../helpers/memoryHost';
import { GOLDENS, GOLDEN_DIR, acmeWorkspace, renderGolden } from '../helpers/reportGoldens';

/** A minimal RFC 4180 reader, to check that what we write reads back as the same fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  assert.equal(field, '', 'the last record ends with CRLF');
  assert.equal(row.length, 0);
  return rows;
}

const HOSTILE = `<script>alert("x")</script> & "Co" 'Ltd'`;

/** An ISMS whose every free-text value tries to break out of its format. */
function hostileWorkspace() {
  return workspaceOf(
    {
      'isms.isms.yaml': [
        'organization:',
        `  name: '${HOSTILE.replace(/'/g, "''")}'`,
        'scope:',
        `  statement: "# Heading? <img src=x onerror=alert(1)> [link](javascript:alert(1)) | pipe"`,
        '  dataCategories: [customer-personal-data]',
        'people:',
        '  - id: eve',
        `    name: "</style><script>alert(2)</script>"`,
        '    roles: [control-owner]',
        'soa:',
        '  revision: 1',
        '  controls:',
        '    - id: A.5.1',
        '      applicable: true',
        `      justification: "=HYPERLINK(\\"http://evil.example\\"), a | b *bold* <b>x</b>\\nsecond line"`,
        '      status: implemented',
        '      owner: eve',
        '      evidence: [EV-1, EV-2, EV-3]',
        '    - id: A.5.2',
        '      applicable: false',
        `      justification: "+cmd|' /C calc'!A0, \\"quoted\\", comma"`,
        'evidence:',
        '  - id: EV-1',
        '    title: "<iframe>"',
        '    link: "javascript:alert(1)"',
        '  - id: EV-2',
        '    title: Quote in URL',
        `    link: 'https://evil.example/"onmouseover="alert(1)'`,
        '  - id: EV-3',
        '    title: Fine link',
        '    link: https://example.com/a(b)?q=1&r=2',
        'risks:',
        '  - id: R-1',
        '    title: "@SUM(1+1) risk"',
        '    likelihood: 2',
        '    impact: 3',
        '    treatment: mitigate',
        '    controls: [A.5.1]',
        'audits:',
        '  - id: AU-1',
        '    type: internal-audit',
        '    date: 2026-01-10',
        '    status: completed',
        'nonconformities:',
        '  - id: NC-1',
        '    audit: AU-1',
        '    severity: minor',
        '    control: A.5.1',
        `    description: "-2+3 <svg onload=alert(1)>"`,
        '    raised: 2026-01-11',
        '    status: open',
        '',
      ].join('\n'),
    },
    { today: '2026-11-28' },
  );
}

const ALLOWED_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'footer', 'section', 'h1', 'h2', 'h3', 'p', 'div', 'span',
  'strong', 'code', 'a', 'ul', 'li', 'dl', 'dt', 'dd', 'table', 'colgroup', 'col', 'thead', 'tbody', 'tr', 'th', 'td', 'br',
]);

describe('reports', () => {
  describe('golden files of examples/acme (regenerate: npx tsx scripts/update-report-goldens.ts)', () => {
    const ws = acmeWorkspace();
    for (const golden of GOLDENS) {
      it(golden.file, () => {
        const expected = fs.readFileSync(path.join(GOLDEN_DIR, golden.file), 'utf8');
        assert.equal(renderGolden(ws, golden), expected);
      });
    }
  });

  describe('Statement of Applicability', () => {
    it('lists all 93 controls in Annex A order, omitted ones as not addressed', () => {
      const ws = workspaceOf({ 'soa.isms.yaml': 'soa:\n  controls:\n    - id: A.8.34\n      applicable: false\n      justification: No production testing at all here.\n' });
      const csv = parseCsv(renderReport(ws, 'soa', 'csv'));
      assert.deepEqual(csv[0], ['id', 'title', 'theme', 'applicable', 'justification', 'reasons', 'status', 'owner', 'evidence ids', 'evidence titles']);
      assert.deepEqual(csv.slice(1).map((r) => r[0]), CONTROLS.map((c) => c.id));
      assert.equal(csv.filter((r) => r[3] === 'not addressed').length, 92);
      assert.deepEqual(csv.at(-1), ['A.8.34', 'Protection of information systems during audit testing', 'Technological', 'no', 'No production testing at all here.', '', '', '', '', '']);
      const md = renderReport(ws, 'soa', 'md');
      assert.match(md, /\| Not addressed \| 92 \|/);
      assert.match(md, /\| Excluded \| 1 \|/);
      assert.equal(md.match(/\*\*Not addressed\*\*/g)?.length, 92);
    });

    it('shows revision, approval and the generation date', () => {
      const ws = acmeWorkspace();
      const md = renderReport(ws, 'soa', 'md', { generatedOn: '2027-01-02' });
      assert.match(md, /- \*\*SoA revision:\*\* 4\n- \*\*Approved by:\*\* Jane Whitfield\n- \*\*Approved on:\*\* 2026-10-20\n- \*\*Generated on:\*\* 2027-01-02/);
    });
  });

  describe('nonconformity register', () => {
    it('has every finding with its audit, reference, dates, people, evidence and status', () => {
      const md = renderReport(acmeWorkspace(), 'nonconformities', 'md');
      for (const id of ['NC-2026-001', 'NC-2026-002', 'NC-2026-003', 'NC-2026-004']) assert.match(md, new RegExp(`### ${id} · `));
      assert.match(md, /- \*\*Control or clause:\*\* Clause 6\.1\.3 Information security risk treatment/);
      assert.match(md, /- \*\*Verified by:\*\* Carol Evans/);
      assert.match(md, /- \*\*Audit:\*\* `AU-2026-S1` \(Stage 1, 2026-05-19, Meridian Certification Ltd\)/);
      assert.match(md, /`EV-051` NC-2026-001 remediation/);
    });

    it('marks overdue findings', () => {
      const csv = parseCsv(renderReport(acmeWorkspace('2027-05-01'), 'nonconformities', 'csv'));
      const overdue = csv[0]!.indexOf('overdue');
      assert.deepEqual(csv.slice(1).map((r) => [r[0], r[overdue]]), [['NC-2026-001', 'no'], ['NC-2026-002', 'no'], ['NC-2026-003', 'yes'], ['NC-2026-004', 'yes']]);
    });
  });

  describe('HTML', () => {
    it('escapes the five HTML characters', () => {
      assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    });

    for (const kind of REPORT_KINDS) {
      it(`${kind}: escapes every hostile value, runs nothing and loads nothing`, () => {
        const html = renderReport(hostileWorkspace(), kind, 'html');
        assert.ok(html.startsWith('<!DOCTYPE html>\n'));
        assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`));
        const tags = [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]!.toLowerCase());
        assert.deepEqual([...new Set(tags.filter((t) => !ALLOWED_TAGS.has(t)))], []);
        // Text never holds a raw `<`, so every `<` starts one of our tags: check their attributes.
        for (const [tag] of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
          assert.doesNotMatch(tag, /\s(on[a-z]+|src|srcdoc|formaction)\s*=/i, tag);
          for (const m of tag.matchAll(/\sstyle="([^"]*)"/g)) assert.match(m[1]!, /^width:[0-9.]+%$/, tag);
        }
        assert.equal(html.match(/<\/style>/g)?.length, 1, 'nothing closes the style element early');
        assert.doesNotMatch(html, /@import|url\(/i);
        for (const m of html.matchAll(/href="([^"]*)"/g)) assert.match(m[1]!, /^https:\/\/[^"<>\s]+$/);
        assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Co&quot; &#39;Ltd&#39;'));
      });
    }

    it('links only https evidence, and keeps unsafe links as text', () => {
      const html = renderReport(hostileWorkspace(), 'soa', 'html');
      assert.deepEqual([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]), ['https://example.com/a(b)?q=1&amp;r=2']);
      assert.ok(html.includes('javascript:alert(1)'), 'shown as text');
      assert.ok(html.includes('https://evil.example/&quot;onmouseover=&quot;alert(1)'), 'shown as text');
      assert.ok(html.includes('=HYPERLINK(&quot;http://evil.example&quot;), a | b *bold* &lt;b&gt;x&lt;/b&gt;<br>second line'));
    });

    it('is printable: A4 pages, repeated table headers, rows kept whole, a page per theme', () => {
      const html = renderReport(acmeWorkspace(), 'soa', 'html');
      assert.match(html, /@page \{ size: A4 landscape;/);
      assert.match(html, /@media print \{[^]*thead \{ display: table-header-group; \}/);
      assert.match(html, /tr, td, th[^{]*\{ break-inside: avoid;/);
      assert.equal(html.match(/<thead>/g)?.length, 4);
      assert.equal(html.match(/<h2 id="theme-\d" class="page-break">/g)?.length, 3);
      assert.doesNotMatch(html, /<script/i);
    });
  });

  describe('Markdown', () => {
    it('escapes Markdown and HTML so values stay text', () => {
      assert.equal(escapeMarkdown('a | b *c* _d_ [e](f) `g` <h> &amp; \\ ~'), 'a \\| b \\*c\\* \\_d\\_ \\[e\\](f) \\`g\\` &lt;h&gt; &amp;amp; \\\\ \\~');
      assert.equal(escapeMarkdown('line\nbreak'), 'line break');
    });

    it('keeps hostile values inside their table cell and out of HTML', () => {
      const md = renderReport(hostileWorkspace(), 'soa', 'md');
      assert.doesNotMatch(md, /<(script|img|iframe|svg|b)\b/i);
      const row = md.split('\n').find((l) => l.startsWith('| **`A.5.1`**'))!;
      const cells = row.split(/(?<!\\)\|/).length - 2;
      assert.equal(cells, 6, 'the pipe in the justification does not add a column');
      assert.ok(row.includes('=HYPERLINK("http://evil.example"), a \\| b \\*bold\\* &lt;b&gt;x&lt;/b&gt; second line'));
      assert.ok(md.includes('\\# Heading? &lt;img src=x onerror=alert(1)&gt; \\[link\\](javascript:alert(1)) \\| pipe'));
      assert.ok(md.includes('[Fine link](https://example.com/a%28b%29?q=1&r=2)'));
      assert.doesNotMatch(md, /(?<!\\)\]\(javascript/, 'no unescaped link to javascript:');
    });
  });

  describe('CSV', () => {
    it('quotes commas, quotes and line breaks (RFC 4180)', () => {
      assert.equal(csvField('plain'), 'plain');
      assert.equal(csvField('a,b'), '"a,b"');
      assert.equal(csvField('say "hi"'), '"say ""hi"""');
      assert.equal(csvField('one\ntwo'), '"one\ntwo"');
      assert.equal(csvField('one\r\ntwo'), '"one\r\ntwo"');
      assert.equal(renderCsv(['a', 'b'], [['1', '2,3']]), 'a,b\r\n1,"2,3"\r\n');
    });

    it('neutralises cells a spreadsheet would read as a formula', () => {
      assert.equal(csvField('=1+1'), "'=1+1");
      assert.equal(csvField('+1'), "'+1");
      assert.equal(csvField('-1'), "'-1");
      assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
      assert.equal(csvField('\tx'), "'\tx");
      assert.equal(csvField('\rx'), `"'\rx"`);
      assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
      assert.equal(csvField('a=b'), 'a=b');
    });

    it('reads back as the same fields, neutralised', () => {
      const ws = hostileWorkspace();
      const soa = parseCsv(renderReport(ws, 'soa', 'csv'));
      assert.equal(soa.length, 94);
      assert.ok(soa.every((r) => r.length === 10));
      assert.deepEqual(soa[1]!.slice(3, 8), ['yes', `'=HYPERLINK("http://evil.example"), a | b *bold* <b>x</b>\nsecond line`, '', 'implemented', '</style><script>alert(2)</script>']);
      assert.equal(soa[2]![4], `'+cmd|' /C calc'!A0, "quoted", comma`);
      const risks = parseCsv(renderReport(ws, 'pre-assessment', 'csv'));
      assert.deepEqual(risks, [
        ['id', 'title', 'likelihood', 'impact', 'score', 'treatment', 'controls', 'control titles', 'owner'],
        ['R-1', "'@SUM(1+1) risk", '2', '3', '6', 'mitigate', 'A.5.1', 'Policies for information security', ''],
      ]);
      const ncs = parseCsv(renderReport(ws, 'nonconformities', 'csv'));
      assert.equal(ncs[1]![8], "'-2+3 <svg onload=alert(1)>");
    });

    it('ends every record with CRLF and has no bare LF outside quotes', () => {
      const csv = renderReport(acmeWorkspace(), 'soa', 'csv');
      assert.ok(csv.endsWith('\r\n'));
      assert.equal(csv.split('\r\n').length - 1, 94);
      assert.doesNotMatch(csv.replace(/"(?:[^"]|"")*"/g, ''), /(?<!\r)\n/);
    });
  });

  it('never throws on malformed shapes (the schema reports them)', () => {
    const ws = workspaceOf({
      'a.isms.yaml': [
        'organization: [1, 2]',
        'scope: { statement: 42, dataCategories: x, exclusions: [1, { item: [a] }] }',
        'soa: { controls: [1, { id: 5.10 }, { id: A.5.1, applicable: maybe, evidence: { x: 1 } }] }',
        'people: [{ id: 1, roles: x }, 3]',
        'risks: [{ id: R-1, likelihood: high, controls: A.5.1 }]',
        'evidence: [{ id: EV-1, link: [x], collected: yesterday }]',
        'audits: { a: 1 }',
        'nonconformities: [1, { id: 3, audit: [x], due: 2026-02-30, status: open }]',
        'certificate: 5',
        'certificationBody: [x]',
        '',
      ].join('\n'),
      'b.isms.yaml': 'soa: {}\ncertificate: { issued: 2026-01-01 }\n',
    });
    for (const kind of REPORT_KINDS) for (const format of REPORT_FORMATS) assert.ok(renderReport(ws, kind, format).length > 100, `${kind}.${format}`);
  });

  describe('determinism', () => {
    it('renders the same bytes twice, in every kind and format', function () {
      this.timeout(20_000);
      const [first, second] = [acmeWorkspace(), acmeWorkspace()];
      for (const kind of REPORT_KINDS) {
        for (const format of REPORT_FORMATS) {
          assert.equal(renderReport(first, kind, format), renderReport(second, kind, format), `${kind}.${format}`);
        }
      }
    });

    it('does not depend on file order or layout: registers are sorted by id', () => {
      const nc = (id: string) => `  - id: ${id}\n    audit: AU-1\n    severity: minor\n    control: A.5.1\n    description: Something went wrong here.\n    raised: 2026-01-11\n    status: open\n`;
      const audit = 'audits:\n  - id: AU-1\n    type: internal-audit\n    date: 2026-01-10\n    status: completed\n';
      const a = workspaceOf({ 'a.isms.yaml': audit + 'nonconformities:\n' + nc('NC-10') + nc('NC-2'), 'b.isms.yaml': 'nonconformities:\n' + nc('NC-1') });
      const b = workspaceOf({ 'z.isms.yaml': 'nonconformities:\n' + nc('NC-2') + nc('NC-1') + nc('NC-10'), 'a.isms.yaml': audit });
      const csv = renderReport(a, 'nonconformities', 'csv');
      assert.equal(csv, renderReport(b, 'nonconformities', 'csv'));
      assert.deepEqual(parseCsv(csv).slice(1).map((r) => r[0]), ['NC-1', 'NC-2', 'NC-10']);
    });

    it('prints the generation date and nothing else of the clock', () => {
      const ws = acmeWorkspace();
      const a = renderReport(ws, 'pre-assessment', 'md', { generatedOn: '2026-11-28' });
      const b = renderReport(ws, 'pre-assessment', 'md', { generatedOn: '2030-01-01' });
      assert.equal(b, a.replaceAll('generated 2026-11-28', 'generated 2030-01-01').replace('**Generated on:** 2026-11-28', '**Generated on:** 2030-01-01'));
    });
  });
});
