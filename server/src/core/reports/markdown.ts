/**
 * Markdown rendering of a report document (GitHub-flavoured: pipe tables, `<br>` line
 * breaks in cells). Every value is escaped so that it reads as the text it is: Markdown
 * punctuation is backslash-escaped and `<`, `>` (and an `&` that would start an entity)
 * become entities, so a value can
 * never become a link, a heading, a table column or raw HTML; invisible and control
 * characters become visible escapes (`\u001b`), so that it cannot act in a terminal either.
 */
import { escapeInvisible } from '../visibleText';
import type { Block, Cell, Inline, Line, ReportDocument } from './reportDocument';

/** Markdown-escapes plain text for inline use (table cells, list items, paragraphs). One line. */
export function escapeMarkdown(text: string): string {
  // Before the punctuation: the backslash of `\u001b` is then escaped and shows as written.
  return escapeInvisible(oneLine(text))
    // `&` only where it would start an entity (`&lt;`, `&#60;`): "Planning & preparation" stays readable.
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => '\\' + c);
}

/** Escapes block-level markers a line could start with (`# `, `- `, `1. `, `+`, `=`). */
function escapeLineStart(text: string): string {
  return text.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([#+\-=])/, '\\$1');
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').replace(/\t/g, ' ');
}

/** Characters a code span can hold without escaping (ids, dates, paths). */
const CODE_SAFE = /^[A-Za-z0-9._:/@+=-]+$/;

function inline(piece: Inline): string {
  if (typeof piece === 'string') return escapeMarkdown(piece);
  let out = piece.code && CODE_SAFE.test(piece.text) ? '`' + piece.text + '`' : escapeMarkdown(piece.text);
  if (piece.href !== undefined) out = `[${out}](${piece.href.replace(/[()<>\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'))})`;
  if (piece.strong || piece.tone === 'bad' || piece.tone === 'missing') out = `**${out}**`;
  else if (piece.muted) out = `*${out}*`;
  return piece.caption ? ` · ${out}` : out;
}

function line(pieces: Line): string {
  return pieces.map(inline).join('');
}

function tableCell(value: Cell): string {
  return value.map(line).join('<br>');
}

function block(b: Block, out: string[]): void {
  switch (b.kind) {
    case 'heading':
      out.push(`${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`, '');
      return;
    case 'paragraph':
      out.push(escapeLineStart(line(b.content)), '');
      return;
    case 'facts':
      for (const [label, value] of b.rows) {
        if (value.length <= 1) out.push(`- **${escapeMarkdown(label)}:** ${value.length === 1 ? line(value[0]!) : '—'}`);
        else {
          out.push(`- **${escapeMarkdown(label)}:**`);
          for (const l of value) out.push(`  - ${line(l)}`);
        }
      }
      out.push('');
      return;
    case 'list':
      for (const item of b.items) out.push(`- ${line(item)}`);
      out.push('');
      return;
    case 'stats':
      out.push(`| ${escapeMarkdown(b.columns[0])} | ${escapeMarkdown(b.columns[1])} |`, '|---|--:|');
      for (const s of b.items) out.push(`| ${escapeMarkdown(s.label)} | ${escapeMarkdown(s.value)} |`);
      out.push('');
      return;
    case 'table': {
      if (b.rows.length === 0) {
        out.push(`*${escapeMarkdown(b.empty ?? 'None.')}*`, '');
        return;
      }
      out.push(`| ${b.columns.map((c) => escapeMarkdown(c.title)).join(' | ')} |`);
      out.push(`|${b.columns.map((c) => (c.align === 'right' ? '--:' : c.align === 'center' ? ':-:' : '---')).join('|')}|`);
      for (const row of b.rows) out.push(`| ${row.cells.map(tableCell).join(' | ')} |`);
      out.push('');
      return;
    }
    case 'group':
      for (const inner of b.blocks) block(inner, out);
      return;
  }
}

export function renderMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, ''];
  if (doc.subtitle) out.push(`**${escapeMarkdown(doc.subtitle)}**`, '');
  for (const b of doc.blocks) block(b, out);
  out.push('---', '', `*${escapeMarkdown(doc.footer)}*`, '');
  return out.join('\n');
}
