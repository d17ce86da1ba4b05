/**
 * A report as a small tree of blocks (headings, fact tables, tables, lists, notes), built
 * once per report and rendered by `markdown.ts` and `html.ts`. The content lives in the
 * report modules; the renderers own escaping and layout, so every value goes through
 * exactly one escape function per format.
 */

/** Colour hint for a value; renderers show it as a badge (HTML) or leave it as text. */
export type Tone = 'good' | 'partial' | 'planned' | 'bad' | 'muted' | 'missing';

/** A piece of text. Strings are plain text; nothing in an Inline is ever markup. */
export type Inline =
  | string
  | {
      text: string;
      /** A clickable link; only `https:` URLs ever get here. */
      href?: string;
      /** Identifiers and paths (monospace). */
      code?: boolean;
      strong?: boolean;
      /** Secondary text (smaller, grey in HTML; in parentheses nowhere — as written). */
      muted?: boolean;
      /** Shown as a badge in HTML. */
      tone?: Tone;
      /** A caption of what precedes it: its own line in HTML, after ` · ` in Markdown. */
      caption?: boolean;
    };

/** One line of inline content. */
export type Line = Inline[];
/** A table cell or fact value: one or more lines. Empty: nothing to show. */
export type Cell = Line[];

export interface Column {
  title: string;
  align?: 'left' | 'right' | 'center';
  /** CSS width hint for HTML (`8%`, `6em`). */
  width?: string;
  /** Long text (justifications): allowed to wrap freely. */
  wide?: boolean;
}

export interface TableRow {
  cells: Cell[];
  tone?: Tone;
}

export type Block =
  | { kind: 'heading'; level: 2 | 3; text: string; id?: string; pageBreak?: boolean }
  | { kind: 'paragraph'; content: Line; tone?: Tone }
  | { kind: 'facts'; rows: [label: string, value: Cell][] }
  | { kind: 'table'; columns: Column[]; rows: TableRow[]; empty?: string }
  | { kind: 'list'; items: Line[] }
  /** Key figures: tiles in HTML, a two-column table in Markdown (headed by `columns`). */
  | { kind: 'stats'; items: { label: string; value: string; tone?: Tone }[]; columns: [string, string] }
  /** Kept on one page when printed (one nonconformity, one fact sheet). */
  | { kind: 'group'; blocks: Block[] };

export interface ReportDocument {
  /** `Statement of Applicability` */
  title: string;
  /** Usually the organization's name. */
  subtitle?: string;
  /** Landscape suits wide tables (the SoA); portrait the rest. */
  orientation: 'portrait' | 'landscape';
  blocks: Block[];
  /** Printed at the end (and at the foot of every printed page where supported). */
  footer: string;
}

/** A one-line cell from inline pieces. */
export function cell(...pieces: Inline[]): Cell {
  const line = pieces.filter((p) => (typeof p === 'string' ? p !== '' : p.text !== ''));
  return line.length > 0 ? [line] : [];
}

/** A cell with one line per entry. */
export function lines(entries: readonly Line[]): Cell {
  return entries.filter((l) => l.length > 0);
}

export function code(text: string): Inline {
  return { text, code: true };
}

export function muted(text: string): Inline {
  return { text, muted: true };
}

export function badge(text: string, tone: Tone): Inline {
  return { text, tone };
}

/** Text of an Inline without formatting (for CSV and plain contexts). */
export function plainText(piece: Inline): string {
  return typeof piece === 'string' ? piece : piece.text;
}
