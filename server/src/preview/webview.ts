// The page inside the VS Code preview webview. It starts empty; the extension posts the rendered
// sheet with each update and the cursor line as it moves. Kept free of the vscode API so the
// safety test can load exactly this page, with exactly this policy, in a real browser.
import { escapeHtml, renderDocument, webviewCsp } from './render.js';

export interface WebviewPageOptions {
  /** `webview.cspSource` of the panel. */
  cspSource: string;
  /** A fresh random value per page load. */
  nonce: string;
  /** Shown until the first update arrives. */
  loadingText: string;
  title: string;
}

/**
 * Runs in the webview. Takes the sheet from 'update' messages (markup the renderer made, in which
 * every piece of the draft is escaped; assigning it through innerHTML runs no script, and the
 * policy forbids inline handlers), scales the A4 sheet to the panel width, highlights the
 * paragraph under the editor's cursor and asks the editor to jump to a double-clicked paragraph.
 */
export const WEBVIEW_SCRIPT = String.raw`(function () {
  'use strict';
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  var root = document.getElementById('kh-root');
  var status = document.getElementById('kh-status');
  var cursorLine = -1;
  var PAGE_WIDTH_PX = 210 / 25.4 * 96;

  function fit() {
    var zoom = Math.min(1, Math.max(0.3, (document.documentElement.clientWidth - 24) / PAGE_WIDTH_PX));
    document.documentElement.style.setProperty('--kh-zoom', String(zoom));
  }

  /** The paragraph that holds a source line: the last one starting at or before it. */
  function elementAt(line) {
    var best = null;
    var bestLine = -1;
    var tagged = root.querySelectorAll('[data-line]');
    for (var i = 0; i < tagged.length; i++) {
      var at = Number(tagged[i].getAttribute('data-line'));
      if (at <= line && at > bestLine) {
        best = tagged[i];
        bestLine = at;
      }
    }
    return best;
  }

  function highlight(line, scroll) {
    var previous = root.querySelectorAll('.kh-current');
    for (var i = 0; i < previous.length; i++) previous[i].classList.remove('kh-current');
    var element = elementAt(line);
    if (!element) return;
    element.classList.add('kh-current');
    if (!scroll) return;
    var box = element.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) element.scrollIntoView({ block: 'center' });
  }

  window.addEventListener('message', function (event) {
    var message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'update' && typeof message.html === 'string') {
      root.innerHTML = message.html;
      status.textContent = String(message.status || '');
      status.className = 'kh-status kh-status-' + String(message.severity || 'none');
      fit();
      if (cursorLine >= 0) highlight(cursorLine, false);
    } else if (message.type === 'message') {
      status.textContent = String(message.text || '');
      status.className = 'kh-status';
    } else if (message.type === 'reveal' && typeof message.line === 'number') {
      cursorLine = message.line;
      highlight(message.line, true);
    }
  });

  root.addEventListener('dblclick', function (event) {
    var target = event.target instanceof Element ? event.target.closest('[data-line]') : null;
    if (target && vscode) vscode.postMessage({ type: 'reveal-source', line: Number(target.getAttribute('data-line')) });
  });
  window.addEventListener('resize', fit);
  fit();
  if (vscode) vscode.postMessage({ type: 'ready' });
})();`;

/** The complete webview page with its Content-Security-Policy and nonce. */
export function webviewPage(options: WebviewPageOptions): string {
  return renderDocument('', {
    title: options.title,
    csp: webviewCsp(options.cspSource, options.nonce),
    nonce: options.nonce,
    script: WEBVIEW_SCRIPT,
    statusHtml: escapeHtml(options.loadingText),
  });
}
