/**
 * A problem found by the schema check or a rule, before it becomes an LSP Diagnostic.
 * Offsets (not line/character) keep the core independent of the document encoding;
 * they are converted once, at the edge, with TextDocument.positionAt.
 */
export interface Finding {
  /** Rule code, e.g. `schema`, `unknown-control`. */
  code: string;
  /** Offset of the first character of the range, in the file's text. */
  start: number;
  /** Offset just past the last character of the range. */
  end: number;
  /** A message a compliance engineer can act on. */
  message: string;
  /** What a quick fix needs (never parsed from the message). */
  data?: Record<string, unknown>;
  /** Other places that belong to the same problem (e.g. the other duplicate). */
  related?: { uri: string; start: number; end: number; message: string }[];
}
