// The sandbox page's HTML and its Content-Security-Policy, for the webview and for the local server alike.
// No vscode import.

/**
 * The only origin @webcontainer/api 1.6.4 loads anything from in the page itself: `WebContainer.boot` adds a
 * hidden iframe at https://stackblitz.com/headless (dist/internal/iframe-url.js, DEFAULT_EDITOR_ORIGIN). The
 * runtime's workers and previews load inside that frame, under StackBlitz's own policy. The API's fetch calls
 * (dist/internal/tokens.js, for `auth`) are not used here, so connect-src stays closed to StackBlitz.
 */
export const WEBCONTAINER_FRAME_ORIGIN = 'https://stackblitz.com';

export interface SandboxPageOptions {
  /** Fresh for every load of the page. */
  nonce: string;
  scriptUrl: string;
  styleUrl: string;
  /** Source expression for the page's own files: the webview's `cspSource`, or `'self'` on the local server. */
  resourceSource: string;
  /** `webview` talks through `acquireVsCodeApi`; `browser` through Server-Sent Events and POST to its own server. */
  transport: 'webview' | 'browser';
}

export function buildContentSecurityPolicy(options: Pick<SandboxPageOptions, 'nonce' | 'resourceSource' | 'transport'>): string {
  const directives = [
    "default-src 'none'",
    `script-src 'nonce-${options.nonce}'`,
    // xterm.js adds <style> elements for its theme at run time, which a nonce cannot cover.
    `style-src ${options.resourceSource} 'unsafe-inline'`,
    `frame-src ${WEBCONTAINER_FRAME_ORIGIN}`,
    // The browser page reads events from and posts messages to the server that served it.
    `connect-src ${options.transport === 'browser' ? "'self'" : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ];
  return directives.join('; ');
}

export function renderSandboxPage(options: SandboxPageOptions): { html: string; contentSecurityPolicy: string } {
  const contentSecurityPolicy = buildContentSecurityPolicy(options);
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>WebContainer sandbox</title>
<link rel="stylesheet" href="${escapeAttribute(options.styleUrl)}">
</head>
<body data-transport="${options.transport}">
<header id="status" role="status" aria-live="polite">Loading the sandbox…</header>
<section id="not-isolated" hidden>
<p>This view is not cross-origin isolated, so a WebContainer cannot boot here: it needs <code>SharedArrayBuffer</code>,
which browsers provide only to pages served with the <code>Cross-Origin-Opener-Policy</code> and
<code>Cross-Origin-Embedder-Policy</code> headers. VS Code webviews are not isolated unless VS Code is started with
<code>--enable-coi</code>.</p>
<button id="open-in-browser" type="button">Open the sandbox in the browser</button>
</section>
<div id="terminal"></div>
<script nonce="${escapeAttribute(options.nonce)}" src="${escapeAttribute(options.scriptUrl)}"></script>
</body>
</html>
`;
  return { html, contentSecurityPolicy };
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
