/**
 * The core is a library: no file system, no process, no clock of its own (style.md
 * "For this project"). These checks read the sources, so a new import or a stray
 * `process.env` fails here before it reaches the CLI or the server.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../..');
const CORE = path.join(REPO, 'server/src/core');

/** Packages the core may import; `ajv/…` subpaths count as ajv. */
const ALLOWED_PACKAGES = ['yaml', 'ajv', 'ajv-formats', 'vscode-languageserver-textdocument', 'vscode-languageserver-types'];

/** What the core must not mention, with why. */
const FORBIDDEN: { pattern: RegExp; why: string }[] = [
  { pattern: /\bprocess\.[A-Za-z_$]/, why: 'the environment is read by the CLI and the server, and passed in' },
  { pattern: /\brequire\(/, why: 'modules are imported statically, so the bundle and this test see them' },
  { pattern: /\bnew Date\(/, why: '"today" comes from the injected clock (spec §1)' },
];

/**
 * Documented exceptions: file (relative to server/src/core) and the pattern it may use.
 * `dates.ts` holds `localDate`, the one conversion from a JavaScript Date to a calendar
 * date; it receives the Date from the caller, but may construct one should it need to.
 */
const ALLOWED_MENTIONS: { file: string; pattern: RegExp }[] = [{ file: 'dates.ts', pattern: /\bnew Date\(/ }];

function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourcesUnder(full));
    else if (entry.isFile() && entry.name.endsWith('.ts')) out.push(full);
  }
  return out.sort();
}

/** Every module specifier: `import … from`, `export … from`, `import '…'`, `import('…')`, `require('…')`. */
function specifiersOf(source: string): string[] {
  const out: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) out.push(m[1]!);
  return out;
}

describe('core purity', () => {
  const files = sourcesUnder(CORE);
  const rel = (file: string): string => path.relative(CORE, file).split(path.sep).join('/');

  it('finds the core sources', () => {
    assert.ok(files.length > 20, `only ${files.length} files under ${CORE}`);
    assert.ok(files.some((f) => rel(f) === 'dates.ts'));
  });

  it("imports only yaml, ajv, ajv-formats, the LSP text document and types, and the core's own modules", () => {
    const problems: string[] = [];
    for (const file of files) {
      for (const spec of specifiersOf(fs.readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.')) {
          // Relative code stays inside the core; JSON data (catalogue, schemas) may come from the repository.
          const target = path.resolve(path.dirname(file), spec);
          const inside = target === CORE || target.startsWith(CORE + path.sep);
          if (!inside && !spec.endsWith('.json')) problems.push(`${rel(file)}: '${spec}' leaves server/src/core`);
          continue;
        }
        const allowed = ALLOWED_PACKAGES.includes(spec) || spec.startsWith('ajv/');
        if (!allowed) problems.push(`${rel(file)}: '${spec}'`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('never mentions process., require( or new Date( outside the allow-list', () => {
    const problems: string[] = [];
    for (const file of files) {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const { pattern, why } of FORBIDDEN) {
          if (!pattern.test(line)) continue;
          if (ALLOWED_MENTIONS.some((a) => a.file === rel(file) && a.pattern.source === pattern.source)) continue;
          problems.push(`${rel(file)}:${i + 1}: ${line.trim()}  (${why})`);
        }
      });
    }
    assert.deepEqual(problems, []);
  });

  it('the checks catch what they are meant to catch', () => {
    assert.deepEqual(specifiersOf("import * as fs from 'node:fs';\nimport type { X } from './x';\nconst y = require('os');\ntype T = import('yaml').Scalar;\nexport { a } from '../a';"), [
      'node:fs', './x', '../a', 'yaml', 'os',
    ]);
    assert.ok(FORBIDDEN.some((f) => f.pattern.test('const t = process.env.ISMS_TODAY;')));
    assert.ok(!FORBIDDEN.some((f) => f.pattern.test("message: 'the certification process. Then…'")));
  });
});
