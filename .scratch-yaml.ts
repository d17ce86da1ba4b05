import { parseDocument, isMap } from 'yaml';
const d = parseDocument('certificationBody:\n  name: X\n  accreditation:\n  other: ""\n');
const m: any = (d.contents as any).items[0].value;
for (const p of m.items) console.log(p.key.value, JSON.stringify(p.value?.value), p.value?.range);
