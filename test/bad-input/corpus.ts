/**
 * The bad-input corpus: expected.json read once, each member's bytes (from corpus/ or from
 * generated.ts), and a checker comparing diagnostics with the expectations.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { GENERATED } from './generated';

export interface Expectation {
  generated?: boolean;
  codes: string[];
  count?: number;
  message?: string;
  covers?: string;
  knownIssue?: string;
}

export interface Member {
  name: string;
  expect: Expectation;
  bytes(): Buffer;
}

const HERE = __dirname;

export const MEMBERS: readonly Member[] = Object.entries(
  (JSON.parse(fs.readFileSync(path.join(HERE, 'expected.json'), 'utf8')) as { members: Record<string, Expectation> }).members,
).map(([name, expect]) => ({
  name,
  expect,
  bytes: () => {
    if (expect.generated) {
      const generate = GENERATED[name];
      if (!generate) throw new Error(`expected.json: no generator for '${name}' in generated.ts`);
      return generate();
    }
    for (const ext of ['.txt', '.bin']) {
      const file = path.join(HERE, 'corpus', name + ext);
      if (fs.existsSync(file)) return fs.readFileSync(file);
    }
    throw new Error(`expected.json: no corpus/${name}.txt or .bin`);
  },
}));

/** Every corpus file is listed in expected.json, and every generator too. */
export function unlistedMembers(): string[] {
  const listed = new Set(MEMBERS.map((m) => m.name));
  const onDisk = fs.readdirSync(path.join(HERE, 'corpus')).map((f) => f.replace(/\.(txt|bin)$/, ''));
  return [...onDisk, ...Object.keys(GENERATED)].filter((name) => !listed.has(name));
}

/** The budget for any one member, by any route (issue: "each within 10 s"). */
export const BUDGET_MS = 10_000;

/** Asserts the diagnostics of a member; `text` is the text the ranges refer to. */
export function assertExpected(member: Member, diagnostics: readonly Diagnostic[], text: string | undefined, route: string): void {
  const { expect } = member;
  const codes = [...new Set(diagnostics.map((d) => String(d.code)))].sort();
  const where = `${member.name} (${route})`;
  assert.deepEqual(codes, [...expect.codes].sort(), `${where}: codes; first messages: ${diagnostics.slice(0, 3).map((d) => d.message).join(' | ')}`);
  if (expect.count !== undefined) assert.equal(diagnostics.length, expect.count, `${where}: number of diagnostics`);
  if (expect.message !== undefined) {
    const pattern = new RegExp(expect.message);
    assert.ok(diagnostics.some((d) => pattern.test(d.message)), `${where}: no message matches /${expect.message}/: ${diagnostics.slice(0, 3).map((d) => d.message).join(' | ')}`);
  }
  if (expect.covers !== undefined && text !== undefined) {
    const first = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0]!;
    assert.equal(coveredText(text, first), expect.covers, `${where}: text under the first diagnostic ${JSON.stringify(first.range)}`);
  }
}

/** The text a range covers, by LSP line/character (UTF-16), with a BOM left out. */
export function coveredText(text: string, d: Diagnostic): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\n' || c === '\r') starts.push(i + 1);
  }
  const offset = (p: { line: number; character: number }) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  return text.slice(offset(d.range.start), offset(d.range.end)).replace(/\uFEFF/g, '');
}
