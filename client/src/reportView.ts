/**
 * Shows an HTML report in a webview that can run nothing: scripts off, no local
 * resources, and a Content-Security-Policy that allows only the report's inline styles
 * and images. The report escapes every value already; this is the second lock.
 */
import * as vscode from 'vscode';
import { withCsp } from './csp';

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
