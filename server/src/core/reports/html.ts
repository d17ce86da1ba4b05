/**
 * HTML rendering of a report document: ONE self-contained, printable file. Inline CSS
 * (screen and `@media print`, A4 pages, repeated table headers, no rows split across
 * pages), a Content-Security-Policy that allows no script, no fetch and no external
 * resource, and every value escaped by `escapeHtml` — the only way text gets into the
 * page. Links are only ever `https:` URLs (see reportModel), escaped as attributes.
 */
import { escapeInvisible } from '../visibleText';
import type { Block, Cell, Column, Inline, Line, ReportDocument, Tone } from './reportDocument';

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text as HTML with line breaks kept (`<br>`). Other invisible characters are shown as
 * escapes: control characters are not allowed in HTML, and a bidi override in a value
 * would reorder the text around it in the printed report.
 */
function text(value: string): string {
  return escapeHtml(escapeInvisible(value, '\t\r\n\u2028\u2029')).replace(/\r\n?|\n|\u2028|\u2029/g, '<br>');
}

/**
 * A CSS string literal: everything but letters, digits and spaces as a hex escape, so
 * that no value can close the string, the rule or the `<style>` element.
 */
function cssString(value: string): string {
  return '"' + [...value].map((c) => (/[A-Za-z0-9 ]/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('') + '"';
}

function inline(piece: Inline): string {
  if (typeof piece === 'string') return text(piece);
  let out = text(piece.text);
  if (piece.code) out = `<code>${out}</code>`;
  if (piece.href !== undefined) out = `<a href="${escapeHtml(piece.href)}" rel="noreferrer noopener">${out}</a>`;
  if (piece.strong) out = `<strong>${out}</strong>`;
  if (piece.tone) out = `<span class="badge ${piece.tone}">${out}</span>`;
  if (piece.muted || piece.caption) out = `<span class="${[piece.muted ? 'muted' : '', piece.caption ? 'caption' : ''].filter(Boolean).join(' ')}">${out}</span>`;
  return out;
}

function line(pieces: Line): string {
  return pieces.map(inline).join('');
}

function cellHtml(value: Cell): string {
  return value.map((l) => `<div>${line(l)}</div>`).join('');
}

function colAttributes(column: Column): string {
  const classes = [column.align && column.align !== 'left' ? `align-${column.align}` : '', column.wide ? 'wide' : ''].filter(Boolean);
  const style = column.width ? ` style="width:${escapeHtml(column.width.replace(/[^0-9.%a-z]/g, ''))}"` : '';
  return (classes.length > 0 ? ` class="${classes.join(' ')}"` : '') + style;
}

function toneClass(tone: Tone | undefined): string {
  return tone ? ` class="row-${tone}"` : '';
}

function block(b: Block, out: string[]): void {
  switch (b.kind) {
    case 'heading': {
      const classes = b.pageBreak ? ' class="page-break"' : '';
      const id = b.id ? ` id="${escapeHtml(b.id)}"` : '';
      out.push(`<h${b.level}${id}${classes}>${text(b.text)}</h${b.level}>`);
      return;
    }
    case 'paragraph':
      out.push(`<p${b.tone ? ` class="${b.tone}"` : ''}>${line(b.content)}</p>`);
      return;
    case 'facts':
      out.push('<table class="facts"><tbody>');
      for (const [label, value] of b.rows) out.push(`<tr><th scope="row">${text(label)}</th><td>${value.length > 0 ? cellHtml(value) : '—'}</td></tr>`);
      out.push('</tbody></table>');
      return;
    case 'list':
      out.push('<ul>');
      for (const item of b.items) out.push(`<li>${line(item)}</li>`);
      out.push('</ul>');
      return;
    case 'stats':
      out.push(`<dl class="stats">`);
      for (const s of b.items) out.push(`<div class="stat${s.tone ? ` ${s.tone}` : ''}"><dt>${text(s.label)}</dt><dd>${text(s.value)}</dd></div>`);
      out.push('</dl>');
      return;
    case 'table': {
      if (b.rows.length === 0) {
        out.push(`<p class="empty">${text(b.empty ?? 'None.')}</p>`);
        return;
      }
      out.push('<table class="grid">');
      out.push('<colgroup>' + b.columns.map((c) => `<col${colAttributes(c)}>`).join('') + '</colgroup>');
      out.push('<thead><tr>' + b.columns.map((c) => `<th scope="col"${colAttributes({ ...c, width: undefined })}>${text(c.title)}</th>`).join('') + '</tr></thead>');
      out.push('<tbody>');
      for (const row of b.rows) {
        out.push(`<tr${toneClass(row.tone)}>` + row.cells.map((c, i) => `<td${colAttributes({ ...b.columns[i]!, width: undefined })}>${cellHtml(c)}</td>`).join('') + '</tr>');
      }
      out.push('</tbody></table>');
      return;
    }
    case 'group':
      out.push('<section class="group">');
      for (const inner of b.blocks) block(inner, out);
      out.push('</section>');
      return;
  }
}

export function renderHtml(doc: ReportDocument): string {
  const out: string[] = [];
  out.push('<!DOCTYPE html>');
  out.push('<html lang="en">');
  out.push('<head>');
  out.push('<meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push('<meta name="referrer" content="no-referrer">');
  out.push(`<title>${text(doc.subtitle ? `${doc.title} — ${doc.subtitle}` : doc.title)}</title>`);
  out.push(`<style>${stylesheet(doc)}</style>`);
  out.push('</head>');
  out.push(`<body class="${doc.orientation}">`);
  out.push('<header class="doc-header">');
  out.push(`<h1>${text(doc.title)}</h1>`);
  if (doc.subtitle) out.push(`<p class="subtitle">${text(doc.subtitle)}</p>`);
  out.push('</header>');
  out.push('<main>');
  for (const b of doc.blocks) block(b, out);
  out.push('</main>');
  out.push(`<footer class="doc-footer">${text(doc.footer)}</footer>`);
  out.push('</body>');
  out.push('</html>');
  return out.join('\n') + '\n';
}

function stylesheet(doc: ReportDocument): string {
  return `
@page { size: A4 ${doc.orientation}; margin: 14mm 12mm 16mm 12mm;
  @bottom-left { content: ${cssString(doc.footer)}; font: 7.5pt system-ui, sans-serif; color: #555; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.5pt system-ui, sans-serif; color: #555; } }
:root { --ink: #1d2330; --line: #c9ced8; --soft: #f3f5f8; --accent: #1f3a5f; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; padding: 28px 32px 40px; max-width: ${doc.orientation === 'landscape' ? '1180px' : '900px'};
  font: 10pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
.doc-header { border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 18px; }
h1 { font-size: 20pt; margin: 0; color: var(--accent); letter-spacing: .2px; }
.subtitle { margin: 2px 0 0; font-size: 12pt; font-weight: 600; }
h2 { font-size: 13pt; color: var(--accent); border-bottom: 1px solid var(--line); padding-bottom: 3px; margin: 26px 0 10px; }
h3 { font-size: 11pt; margin: 18px 0 6px; }
p { margin: 6px 0 10px; }
p.empty { color: #555; font-style: italic; }
code { font: 9pt ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; white-space: nowrap; }
a { color: #174a8b; text-decoration: none; word-break: break-all; }
.muted { color: #5b6270; font-size: 8.5pt; }
.caption { display: block; }
ul { margin: 4px 0 10px; padding-left: 20px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; }
table.facts { width: auto; min-width: 55%; }
table.facts th { text-align: left; font-weight: 600; padding: 3px 14px 3px 0; vertical-align: top; white-space: nowrap; color: #3b4252; }
table.facts td { padding: 3px 0; vertical-align: top; }
table.grid { table-layout: fixed; font-size: 8.8pt; }
table.grid th, table.grid td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: break-word; }
table.grid thead th { background: #e6eaf0; font-weight: 600; color: #222a38; }
table.grid tbody tr:nth-child(even) td { background: #fafbfc; }
table.grid td > div + div { margin-top: 2px; }
.align-right { text-align: right !important; }
.align-center { text-align: center !important; }
tr.row-missing td { background: #fdf1f0 !important; }
tr.row-muted td { color: #4a5160; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; border: 1px solid; font-size: 8pt; font-weight: 600; white-space: nowrap; line-height: 1.5; }
table.grid .badge { white-space: normal; }
.badge.good { color: #17603a; background: #e3f4ea; border-color: #9fd3b3; }
.badge.partial { color: #7a4d00; background: #fff3d6; border-color: #f0cc7a; }
.badge.planned { color: #1d4f91; background: #e5eefb; border-color: #a8c3ec; }
.badge.bad { color: #9b1c1c; background: #fde8e8; border-color: #f1a9a9; }
.badge.missing { color: #9b1c1c; background: #fff; border-color: #e07a7a; border-style: dashed; }
.badge.muted { color: #4a5160; background: #eef0f3; border-color: #cdd2da; }
dl.stats { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 14px; }
dl.stats .stat { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; min-width: 104px; background: var(--soft); }
dl.stats dt { font-size: 8pt; color: #4a5160; text-transform: uppercase; letter-spacing: .4px; }
dl.stats dd { margin: 0; font-size: 15pt; font-weight: 650; }
dl.stats .good dd { color: #17603a; } dl.stats .partial dd { color: #7a4d00; } dl.stats .planned dd { color: #1d4f91; }
dl.stats .bad dd, dl.stats .missing dd { color: #9b1c1c; }
section.group { border: 1px solid var(--line); border-radius: 6px; padding: 2px 14px 6px; margin: 12px 0; }
section.group h3 { margin-top: 10px; }
.doc-footer { margin-top: 28px; padding-top: 8px; border-top: 1px solid var(--line); font-size: 8pt; color: #5b6270; }
@media print {
  body { padding: 0; max-width: none; font-size: 9pt; }
  h1 { font-size: 17pt; }
  h2 { margin-top: 16px; }
  table.grid { font-size: 8pt; }
  table.grid th, table.grid td { padding: 3px 5px; }
  .muted { font-size: 7pt; }
  code { font-size: 7.8pt; }
  dl.stats { gap: 6px; }
  dl.stats .stat { min-width: 0; padding: 4px 9px; }
  dl.stats dd { font-size: 12pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; }
  thead { display: table-header-group; }
  tr, td, th, .stat, section.group { break-inside: avoid; page-break-inside: avoid; }
  table.facts th, table.facts td { padding-top: 1px; padding-bottom: 1px; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  h2.page-break { break-before: page; page-break-before: always; }
}
`.trim();
}
