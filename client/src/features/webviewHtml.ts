/**
 * The page every webview of the extension is made of: a strict content security policy with a nonce, no
 * remote resources, scripts and styles only from the extension's media folder, and data handed over as
 * JSON that cannot close its script element. Project text never becomes HTML; the page's script puts it
 * into the document with textContent.
 */
import * as vscode from 'vscode';
import { escapeHtml } from '../../../server/src/engine/report/html';

export function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let n = '';
  for (let i = 0; i < 32; i++) n += chars.charAt(Math.floor(Math.random() * chars.length));
  return n;
}

/** JSON that is safe inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function webviewHtml(options: {
  webview: vscode.Webview;
  extensionUri: vscode.Uri;
  title: string;
  script: string;
  style: string;
  data: unknown;
  lang: string;
}): string {
  const { webview, extensionUri } = options;
  const n = nonce();
  const common = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'webview.js'));
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', options.script));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', options.style));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${n}'`,
    `script-src 'nonce-${n}'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${options.lang.replace(/[^a-zA-Z-]/g, '')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style}" nonce="${n}">
<title>${escapeHtml(options.title)}</title>
</head>
<body>
<div id="app"></div>
<script nonce="${n}">window.CODEBOOM = ${scriptJson(options.data)};</script>
<script nonce="${n}" src="${common}"></script>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
}

