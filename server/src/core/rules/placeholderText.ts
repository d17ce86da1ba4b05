import { isScalar, type Node } from 'yaml';
import { mapsOf, stringOf, trimmedRangeOf, valueOf } from '../parse/yamlAccess';
import type { Rule, RuleContext } from './rule';

/** Shorter than this (in code points, after trimming) is too short to explain anything. */
export const MIN_TEXT_LENGTH = 15;

/** The whole text is one of these (spec §3), case-insensitively. `\u2026` is `…`, the typographic `...`. */
const PLACEHOLDER_ALONE = /^(?:todo|tbd|tbc|n\/a|-|\.\.\.|\u2026)$/i;
/** The text starts with one of these as a whole word: `TODO: ask Bob`, `TBD.` */
const PLACEHOLDER_START = /^(?:todo|tbd|tbc)\b/i;

/** `placeholder` for TODO & co., `short` for text under the minimum length, else undefined. */
export function placeholderKind(text: string): 'placeholder' | 'short' | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined; // empty is another rule's, or simply absent
  if (PLACEHOLDER_ALONE.test(trimmed) || PLACEHOLDER_START.test(trimmed)) return 'placeholder';
  return [...trimmed].length < MIN_TEXT_LENGTH ? 'short' : undefined;
}

interface Checked {
  node: Node | undefined;
  /** `The justification of A.5.1`, for the message. */
  what: string;
  /** Why an auditor needs this text. */
  why: string;
  field: string;
}

export const placeholderText: Rule = {
  code: 'placeholder-text',
  defaultSeverity: 'warning',
  example: 'justification: TODO',
  summary: 'A justification, action plan, scope statement or nonconformity description that is a placeholder (TODO, TBD, TBC, N/A, -, ...) or shorter than 15 characters.',
  help: 'Auditors read these texts as the organisation\'s actual decisions; a placeholder or a two-word answer reads as a decision not yet taken. Write what was decided and why, in a full sentence.',
  check(ctx) {
    for (const checked of textsOf(ctx)) {
      const node = checked.node;
      if (!isScalar(node) || typeof node.value !== 'string') continue;
      const kind = placeholderKind(node.value);
      if (!kind) continue;
      const text = node.value.trim();
      const problem = kind === 'placeholder'
        ? `is a placeholder ('${shorten(text)}')`
        : `('${text}') is only ${[...text].length} characters long`;
      ctx.report(
        trimmedRangeOf(node, ctx.file.text),
        `${checked.what} ${problem}; ${checked.why}. Write it out in a full sentence.`,
        { data: { field: checked.field, text, kind } },
      );
    }
  },
};

function textsOf(ctx: RuleContext): Checked[] {
  const out: Checked[] = [];
  for (const entry of ctx.facts.soaEntries) {
    out.push({
      node: valueOf(entry.map, 'justification'),
      what: `The justification of ${entry.id ?? 'this SoA entry'}`,
      why: 'auditors read the SoA for the real reason behind including or excluding each control',
      field: 'justification',
    });
  }
  for (const section of ctx.facts.sections) {
    if (section.name !== 'scope') continue;
    out.push({
      node: valueOf(section.value, 'statement'),
      what: 'The scope statement',
      why: 'it defines what the audit covers and what the certificate will state',
      field: 'statement',
    });
    const exclusions = valueOf(section.value, 'exclusions');
    for (const exclusion of mapsOf(exclusions)) {
      const name = stringOf(exclusion, 'item');
      out.push({
        node: valueOf(exclusion, 'justification'),
        what: name !== undefined ? `The justification of the scope exclusion '${name}'` : 'The justification of this scope exclusion',
        why: 'auditors accept an exclusion only when the reason shows it does not weaken the ISMS',
        field: 'justification',
      });
    }
  }
  for (const item of ctx.facts.items) {
    if (item.kind !== 'nonconformity') continue;
    const label = item.id ?? 'this nonconformity';
    out.push({
      node: valueOf(item.map, 'description'),
      what: `The description of ${label}`,
      why: 'the finding must be stated clearly enough to verify later that it was resolved',
      field: 'description',
    });
    out.push({
      node: valueOf(item.map, 'actionPlan'),
      what: `The action plan of ${label}`,
      why: 'auditors check that the plan addresses the cause of the finding',
      field: 'actionPlan',
    });
  }
  return out;
}

function shorten(text: string): string {
  return text.length > 40 ? text.slice(0, 37) + '…' : text;
}

