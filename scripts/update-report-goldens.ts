/**
 * Regenerates the golden reports of examples/acme in test/fixtures/reports/ (every report
 * in every format, as of 2026-11-28). Run after an intended change to a report, then
 * review the diff: `npx tsx scripts/update-report-goldens.ts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GOLDENS, GOLDEN_DIR, acmeWorkspace, renderGolden } from '../test/helpers/reportGoldens';

const ws = acmeWorkspace();
fs.mkdirSync(GOLDEN_DIR, { recursive: true });
for (const golden of GOLDENS) {
  const file = path.join(GOLDEN_DIR, golden.file);
  const text = renderGolden(ws, golden);
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  fs.writeFileSync(file, text);
  console.log(`${before === text ? 'unchanged' : before === undefined ? 'created  ' : 'updated  '} ${path.relative(process.cwd(), file)}`);
}
