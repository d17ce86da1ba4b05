/**
 * The Content-Security-Policy of report webviews: nothing runs, nothing loads from
 * outside but images; the report's own inline styles apply. Pure, so tests run it
 * without VS Code.
 */

/** The HTML with a strict CSP `<meta>` as the first element of its `<head>`. */
export function withCsp(html: string, cspSource: string): string {
  const policy = [
    "default-src 'none'",
    `style-src 'unsafe-inline' ${cspSource}`,
    `img-src ${cspSource} https: data:`,
    `font-src ${cspSource}`,
  ].join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  return `<!DOCTYPE html><html><head>${meta}</head><body>${html}</body></html>`;
}
