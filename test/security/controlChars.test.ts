/**
 * Control and invisible characters in values (ids, keys, titles, links, file names) never
 * act where the value is quoted: diagnostic and related messages, hovers, reports, and
 * everything `isms` prints show them as visible escapes (`\u001b`), so that a file cannot
 * colour, clear or retitle a terminal, overwrite a line with CR, or reorder a message
 * with a bidi override. JSON and SARIF output escape losslessly.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-types';
import { runCli } from '../../server/src/cli/runCli';
import { getHover } from '../../server/src/core/features/hover';
import { csvField } from '../../server/src/core/reports/csv';
import { renderReport, REPORT_FORMATS, REPORT_KINDS } from '../../server/src/core/reports/renderReport';
import { escapeInvisible, escapeInvisibleInJson, hasInvisible } from '../../server/src/core/visibleText';
import { uriOf, workspaceOf } from '../helpers/memoryHost';
import { removeTempWorkspaces, tempWorkspace } from '../helpers/tempWorkspace';

/**
 * What must never reach output raw, written independently of the implementation's list:
 * C0 controls but LF (and tab, for the output formats that keep it), DEL, C1, bidi
 * controls, zero-width characters, line and paragraph separators, BOM, tag characters.
 */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060\u2066-\u2069\ufeff]|[\u{e0000}-\u{e007f}]/u;

function assertNoRaw(text: string, what: string, allowTab = false): void {
  const m = RAW.exec(allowTab ? text.replace(/\t/g, ' ') : text);
  assert.equal(m, null, `${what}: raw U+${m?.[0].codePointAt(0)!.toString(16).padStart(4, '0')} near ${JSON.stringify(text.slice(Math.max(0, (m?.index ?? 0) - 30), (m?.index ?? 0) + 30))}`);
}

/** Values that act in a terminal or on the display, each with the escape it must show as. */
const PAYLOADS: [string, string, string][] = [
  ['ESC colour', 'a\u001b[31mred\u001b[0m', '\\u001b[31m'],
  ['ESC clear screen', '\u001b[2J\u001b[H', '\\u001b[2J'],
  ['OSC window title, BEL', 'x\u001b]0;pwned\u0007', '\\u0007'],
  ['CR overwriting the line', 'ok\rFAKE LINE', '\\r'],
  ['LF and tab', 'two\nlines\tand a tab', '\\n'],
  ['NUL', 'nul\u0000here', '\\u0000'],
  ['DEL and 8-bit CSI (C1)', 'del\u007f\u009b31m', '\\u009b'],
  ['right-to-left override', 'A.5.1\u202e1.5.A', '\\u202e'],
  ['bidi isolates', '\u2066evil\u2069', '\\u2066'],
  ['zero-width space', 'ali\u200bce', '\\u200b'],
  ['line separator', 'one\u2028two', '\\u2028'],
  ['byte-order mark inside', 'bo\ufeffm', '\\ufeff'],
  ['tag characters', 'tag\u{e0041}\u{e0042}', '\\u{e0041}'],
];

/** A workspace that quotes the payload wherever a message can: keys, ids, references, links, titles. */
function files(payload: string): Record<string, string> {
  const q = JSON.stringify(payload);
  return {
    'a.isms.yaml': [
      `${q}: 1`,
      'people:',
      `  - id: ${q}`,
      `    name: ${q}`,
      `  - id: ${q}`,
      `    name: ${q}`,
      '  - id: jane',
      `    name: ${q}`,
      'soa:',
      '  controls:',
      `    - id: ${q}`,
      '      applicable: true',
      `      justification: ${q}`,
      `      owner: ${q}`,
      `      evidence: [${q}]`,
      'evidence:',
      '  - id: EV-1',
      `    title: ${q}`,
      `    link: ${q}`,
      '    collected: 2026-01-15',
      '    owner: jane',
      '',
    ].join('\n'),
  };
}

function allMessages(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.flatMap((d) => [d.message, ...(d.relatedInformation ?? []).map((r) => r.message)]);
}

function run(args: string[], cwd: string, tty = false): { code: number; stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli([...args, '--today', '2026-11-28'], { cwd, env: {}, stdoutIsTTY: tty, stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('security: control and invisible characters are shown, never sent raw', function () {
  this.timeout(60_000);
  after(removeTempWorkspaces);

  describe('escapeInvisible', () => {
    it('escapes every acting or invisible character and leaves other text alone', () => {
      for (const [what, payload, escape] of PAYLOADS) {
        const shown = escapeInvisible(payload);
        assertNoRaw(shown, what);
        assert.ok(!hasInvisible(shown), what);
        assert.ok(shown.includes(escape), `${what}: ${shown}`);
      }
      const ordinary = 'Zoë Åström — 中文 😀 👍🏽 e\u0301 ¼ «quoted» \u00a0nbsp A.5.1 C:\\path\\file.pdf';
      assert.equal(escapeInvisible(ordinary), ordinary);
      assert.ok(!hasInvisible(ordinary));
    });

    it('writes lone surrogates as escapes and keeps pairs', () => {
      assert.equal(escapeInvisible('a\ud800b\udc00c'), 'a\\ud800b\\udc00c');
      assert.equal(escapeInvisible('\ud83d\ude00'), '😀');
    });

    it('is idempotent, and keeps the characters it is told to keep', () => {
      for (const [, payload] of PAYLOADS) assert.equal(escapeInvisible(escapeInvisible(payload)), escapeInvisible(payload));
      assert.equal(escapeInvisible('a\tb\nc\rd\u001be', '\t\n'), 'a\tb\nc\\rd\\u001be');
    });

    it('escapes JSON losslessly: a reader gets the same strings, a terminal sees no raw character', () => {
      const value = { all: PAYLOADS.map(([, p]) => p), lone: 'x\ud800y', nested: { 'key\u202e': ['\u009b', '\u2028'] } };
      for (const json of [JSON.stringify(value), JSON.stringify(value, null, 2)]) {
        const escaped = escapeInvisibleInJson(json);
        assertNoRaw(escaped, 'JSON');
        assert.deepEqual(JSON.parse(escaped), value);
      }
    });
  });

  describe('in the core', () => {
    for (const [what, payload, escape] of PAYLOADS) {
      it(`${what}: every diagnostic and related message shows it escaped`, () => {
        const ws = workspaceOf(files(payload));
        const diagnostics = ws.diagnose(uriOf('a.isms.yaml'))!.diagnostics;
        const messages = allMessages(diagnostics);
        assert.ok(diagnostics.some((d) => d.code === 'duplicate-id' && d.relatedInformation?.length), 'a duplicate id with related information');
        for (const m of messages) assertNoRaw(m, `message '${m.slice(0, 60)}'`);
        assert.ok(messages.some((m) => m.includes(escape)), `no message shows ${escape}: ${messages.join(' | ').slice(0, 500)}`);
      });
    }

    it('the reports escape it in Markdown and HTML, and keep only tab, CR and LF in CSV', () => {
      for (const [what, payload] of PAYLOADS) {
        const ws = workspaceOf(files(payload));
        for (const kind of REPORT_KINDS) {
          for (const format of REPORT_FORMATS) {
            const out = renderReport(ws, kind, format, { generatedOn: '2026-11-28' });
            // CSV keeps CR and LF inside quoted fields; they are RFC 4180 structure there.
            assertNoRaw(format === 'csv' ? out.replace(/\r/g, '') : out, `${what}: ${kind}.${format}`, format === 'csv');
          }
        }
      }
      assert.equal(csvField('=\u001b[31m'), "'=\\u001b[31m");
      assert.equal(csvField('a\u202eb'), 'a\\u202eb');
      assert.equal(csvField('two\nlines'), '"two\nlines"');
    });

    it('an https evidence link with an invisible character is not made a link in reports', () => {
      const soa = (link: string) => workspaceOf({
        'a.isms.yaml': `evidence:\n  - id: EV-1\n    title: T\n    link: ${JSON.stringify(link)}\n    collected: 2026-01-15\n` +
          'soa:\n  controls:\n    - id: A.5.1\n      applicable: true\n      justification: Needed for the whole ISMS.\n      status: implemented\n      evidence: [EV-1]\n',
      });
      const control = renderReport(soa('https://example.com/policy.pdf'), 'soa', 'html', { generatedOn: '2026-11-28' });
      assert.ok(control.includes('<a href="https://example.com/policy.pdf"'), 'the control experiment: a clean https link is a link');
      for (const format of ['html', 'md'] as const) {
        const out = renderReport(soa('https://example.com/\u202efdp.exe'), 'soa', format, { generatedOn: '2026-11-28' });
        assert.ok(!out.includes('](https://example.com/') && !out.includes('href="https://example.com/'), format);
        assert.ok(out.includes('example.com/\\u202efdp.exe') || out.includes('example.com/\\\\u202efdp.exe'), format);
      }
    });

    it('hovers show it escaped, a line break inside a name included', () => {
      for (const [what, payload, escape] of PAYLOADS) {
        const ws = workspaceOf(files(payload));
        const file = ws.file(uriOf('a.isms.yaml'))!;
        // The owner `jane` of EV-1: her hover quotes her name.
        const offset = file.text.indexOf('owner: jane') + 'owner: '.length;
        const hover = getHover(ws, uriOf('a.isms.yaml'), file.lines.positionAt(offset)) as Hover;
        assert.ok(hover, `${what}: no hover`);
        const value = (hover.contents as MarkupContent).value;
        assertNoRaw(value, `${what}: hover`);
        // The visible escape is then quoted as Markdown text (`[`, `{` and `}` escaped).
        assert.ok(value.includes(escape.replace(/[[{}]/g, '\\$&')), `${what}: hover ${value}`);
        assert.ok(!value.includes(payload), `${what}: the name is quoted as written`);
      }
    });
  });

  describe('isms', () => {
    /** Everything but the CLI's own colours. */
    const OWN_COLOURS = /\u001b\[(?:0|1|2|3[1-6])m/g;

    for (const [what, payload, escape] of PAYLOADS) {
      it(`${what}: check (text, with and without colour; json; sarif), status and report print nothing raw`, () => {
        const dir = tempWorkspace(files(payload));
        fs.writeFileSync(path.join(dir, 'isms.config.yaml'), `${JSON.stringify('setting ' + payload)}: 1\nrules:\n  ${JSON.stringify('rule ' + payload)}: off\n`);
        const runs = {
          text: run(['check', dir], dir),
          colour: run(['check', dir], dir, true),
          json: run(['check', dir, '--format', 'json'], dir),
          sarif: run(['check', dir, '--format', 'sarif'], dir),
          status: run(['status', dir], dir),
          statusJson: run(['status', dir, '--format', 'json'], dir),
          md: run(['report', 'pre-assessment', dir], dir),
          html: run(['report', 'soa', dir, '--format', 'html'], dir),
          csv: run(['report', 'nonconformities', dir, '--format', 'csv'], dir),
        };
        for (const [name, r] of Object.entries(runs)) {
          assert.ok(r.code === 0 || r.code === 1, `${name}: exit ${r.code}: ${r.stderr}`);
          assertNoRaw(r.stdout.replace(OWN_COLOURS, '').replace(name === 'csv' ? /\r/g : /$^/, ''), `${name} stdout`, name === 'csv');
          assertNoRaw(r.stderr, `${name} stderr`);
        }
        assert.match(runs.text.stderr, /unknown setting 'setting /);
        assert.match(runs.colour.stdout, /\u001b\[31merror/);
        assert.ok(runs.text.stdout.includes(escape), `text: ${runs.text.stdout.slice(0, 300)}`);
        // The JSON carries the message as the core made it: with the visible escape in it.
        const parsed = JSON.parse(runs.json.stdout) as { message: string }[];
        assert.ok(parsed.some((f) => f.message.includes(escape)));
      });
    }

    it('writes a file name with ESC in it as an escape', () => {
      const dir = tempWorkspace({ 'evil\u001b[2J\u001b]0;x\u0007.isms.yaml': 'isms: 2\n' });
      const text = run(['check', dir], dir);
      assertNoRaw(text.stdout, 'text');
      assert.match(text.stdout, /^evil\\u001b\[2J\\u001b\]0;x\\u0007\.isms\.yaml:1:7: error unsupported-version/m);
      const json = run(['check', dir, '--format', 'json'], dir);
      assertNoRaw(json.stdout, 'json');
      // Lossless: the JSON names the file as it is on disk.
      assert.equal((JSON.parse(json.stdout) as { file: string }[])[0]!.file, 'evil\u001b[2J\u001b]0;x\u0007.isms.yaml');
    });
  });
});
