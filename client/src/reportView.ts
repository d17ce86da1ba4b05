/**
 * Shows an HTML report in a webview that can run nothing: scripts off, no local
 * resources, and a Content-Security-Policy that allows only the report's inline styles
 * and images. The report escapes every value already; this is the second lock.
 */
import * as vscode from 'vscode';

export function showHtmlReport(title: string, html: string): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel('isms.report', title, vscode.ViewColumn.Active, {
    enableScripts: false,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: [],
  });
  panel.webview.html = withCsp(html, panel.webview.cspSource);
  return panel;
}

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
