import * as fs from 'node:fs';
import * as path from 'node:path';
import { workspaceOf, summarize } from './test/helpers/memoryHost';
const dir = process.argv[2]!;
const tree: Record<string,string> = {};
for (const f of fs.readdirSync(dir)) if (f.endsWith('.isms.yaml')) tree[f] = fs.readFileSync(path.join(dir,f),'utf8');
const ws = workspaceOf(tree, { today: process.argv[3] ?? '2026-11-28' });
const codes = ['excluded-control-referenced','nc-missing-action-plan','nc-missing-correction-evidence','nc-missing-remediation-evidence','nc-unverified','nc-overdue','date-order','stage1-open-findings','certificate-open-findings','certificate-validity','certificate-expired','recertification-due','auditor-not-accredited','review-overdue','surveillance-overdue'];
for (const f of Object.keys(tree)) { const { diagnosticsOf } = require('./test/helpers/memoryHost'); for (const d of diagnosticsOf(ws, f, codes)) console.log(f, d.range.start.line+1, d.code, '|', d.message); }
