/**
 * The two renderings of the phase progress for `isms status`: JSON (spec §9) and a
 * readable checklist.
 */
import type { PhaseProgress, Step, StepState } from './phaseTypes';

/**
 * The `status --format json` shape of spec §9. `file` is the step's file as given by
 * `relative` (with `/` separators) and `line` is 1-BASED, as people and editors count
 * (`file:line`), unlike the 0-based LSP positions of `check --format json`. Both are
 * `null` when a step has no data yet (nothing to point at).
 */
export interface PhasesJson {
  phases: {
    id: string;
    title: string;
    steps: { id: string; title: string; state: StepState; detail: string; file: string | null; line: number | null }[];
  }[];
}

export function phasesToJson(progress: PhaseProgress, relative: (uri: string) => string): PhasesJson {
  return {
    phases: progress.phases.map((phase) => ({
      id: phase.id,
      title: phase.title,
      steps: phase.steps.map((step) => ({
        id: step.id,
        title: step.title,
        state: step.state,
        detail: step.detail,
        file: step.file !== undefined ? relative(step.file).replace(/\\/g, '/') : null,
        line: step.file !== undefined && step.line !== undefined ? step.line + 1 : null,
      })),
    })),
  };
}

export interface PhasesTextOptions {
  /**
   * ASCII markers (`[x] [~] [ ] [!]`) instead of `✓ … ✗ !`, and our own punctuation
   * (`·`, `—`, `…`) in ASCII, for terminals without UTF-8. Names and titles from the
   * workspace are left as written.
   */
  ascii?: boolean;
  /** Shows `file:line` under steps that are not done; the argument is a URI. */
  relative?: (uri: string) => string;
  /** Children listed under a step that is not done (default 10; the rest are counted). */
  maxChildren?: number;
}

const MARKERS: Record<StepState, { unicode: string; ascii: string }> = {
  done: { unicode: '✓', ascii: '[x]' },
  'in-progress': { unicode: '…', ascii: '[~]' },
  'not-started': { unicode: '✗', ascii: '[ ]' },
  attention: { unicode: '!', ascii: '[!]' },
};

/**
 * A checklist, one line per step (marker, title, detail), with the children of steps that
 * are not done indented below and a one-line summary at the end:
 *
 *     1 Planning & preparation
 *       ✓ Senior management approval          Approved by Jane Doe on 2026-01-15
 *       … Controls selected, SoA complete     SoA 87/93 addressed (80 applicable, 7 excluded)
 *           A.5.8  Information security in project management — not addressed
 */
export function phasesToText(progress: PhaseProgress, options: PhasesTextOptions = {}): string {
  const marker = (state: StepState): string => (options.ascii ? MARKERS[state].ascii : MARKERS[state].unicode);
  const maxChildren = options.maxChildren ?? 10;
  const width = Math.max(...progress.phases.flatMap((p) => p.steps.map((s) => s.title.length)));
  const markerWidth = options.ascii ? 3 : 1;
  const indent = ' '.repeat(2 + markerWidth + 1);
  const lines: string[] = [];
  const counts: Record<StepState, number> = { done: 0, 'in-progress': 0, 'not-started': 0, attention: 0 };
  progress.phases.forEach((phase, i) => {
    if (i > 0) lines.push('');
    lines.push(`${i + 1} ${phase.title}`);
    for (const step of phase.steps) {
      counts[step.state]++;
      lines.push(`  ${marker(step.state)} ${step.title.padEnd(width)}  ${oneLine(step.detail)}`.trimEnd());
      if (step.state !== 'done') lines.push(...details(step, indent + '  ', maxChildren, options.relative));
    }
  });
  lines.push('');
  lines.push(
    [
      `${counts.done} done`,
      `${counts['in-progress']} in progress`,
      `${counts['not-started']} not started`,
      `${counts.attention} ${counts.attention === 1 ? 'needs' : 'need'} attention`,
    ].join(', '),
  );
  const text = lines.join('\n') + '\n';
  return options.ascii ? text.replace(/ · /g, ' - ').replace(/ — /g, ' -- ').replace(/…/g, '...') : text;
}

function details(step: Step, indent: string, maxChildren: number, relative: ((uri: string) => string) | undefined): string[] {
  const out: string[] = [];
  if (relative && step.file !== undefined) out.push(`${indent}at ${where(relative, step.file, step.line)}`);
  const children = step.children ?? [];
  const labelWidth = Math.min(12, Math.max(0, ...children.slice(0, maxChildren).map((c) => c.label.length)));
  for (const child of children.slice(0, maxChildren)) {
    const label = child.detail ? `${child.label.padEnd(labelWidth)}  ${oneLine(child.detail)}` : child.label;
    const at = relative && child.file !== undefined && child.file !== step.file ? `  (${where(relative, child.file, child.line)})` : '';
    const line = relative && child.file !== undefined && child.file === step.file && child.line !== undefined && child.line !== step.line ? `  (line ${child.line + 1})` : '';
    out.push(`${indent}${oneLine(label)}${at}${line}`);
  }
  if (children.length > maxChildren) out.push(`${indent}… and ${children.length - maxChildren} more`);
  return out;
}

function where(relative: (uri: string) => string, uri: string, line: number | undefined): string {
  const file = relative(uri).replace(/\\/g, '/');
  return line === undefined ? file : `${file}:${line + 1}`;
}

/** Details are single lines; a value with line breaks must not break the layout. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
