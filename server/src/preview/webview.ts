// The page inside the VS Code preview webview. It starts empty; the extension posts the rendered
// sheet with each update and the cursor line as it moves, and Paged.js lays the sheet out on A4
// pages as it prints. Kept free of the vscode API so the safety and pages tests can load exactly
// this page, with exactly this policy, in a real browser.
import { escapeHtml, renderDocument, webviewCsp } from './render.js';

export interface WebviewPageOptions {
  /** `webview.cspSource` of the panel. */
  cspSource: string;
  /** A fresh random value per page load. */
  nonce: string;
  /** Shown until the first update arrives. */
  loadingText: string;
  title: string;
  /** Where the webview loads Paged.js from (PAGED_SCRIPT under the extension, as a webview URI). */
  pagedScriptUri: string;
}

/**
 * Paged.js's browser build (it defines `PagedModule` and runs nothing by itself), relative to the
 * extension's folder: scripts/build.mjs copies it there from node_modules/pagedjs/dist, with its licence.
 */
export const PAGED_SCRIPT = ['out', 'pagedjs', 'paged.min.js'] as const;

/**
 * Runs in the webview. Takes the sheet from 'update' messages (markup the renderer made, in which
 * every piece of the draft is escaped; parsing it in a template runs no script, and the policy
 * forbids inline handlers), has Paged.js cut it into A4 pages, scales them to the panel width,
 * highlights the paragraph under the editor's cursor and asks the editor to jump to a
 * double-clicked paragraph.
 */
export const WEBVIEW_SCRIPT = String.raw`(function () {
  'use strict';
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  var root = document.getElementById('kh-root');
  var status = document.getElementById('kh-status');
  var nonce = document.currentScript ? document.currentScript.nonce : '';
  // The sheet's stylesheet (the first; the print rules have their own), read before Paged.js adds its own: its @page rules make the pages.
  var sheetStyles = document.querySelector('style').textContent;
  var Previewer = window.PagedModule ? window.PagedModule.Previewer : undefined;
  var cursorLine = -1;
  var PAGE_WIDTH_PX = 210 / 25.4 * 96;
  /** The Paged.js run whose pages (and styles) are on screen. */
  var shown = null;
  /** The sheet of the latest update, until its pagination starts. */
  var waiting = null;
  var paginating = false;

  // Paged.js adds its page styles as new <style> elements; the policy applies them only with the nonce.
  var createElement = document.createElement.bind(document);
  document.createElement = function (name, options) {
    var element = createElement(name, options);
    if (element instanceof HTMLStyleElement) element.nonce = nonce;
    return element;
  };

  function fit() {
    var zoom = Math.min(1, Math.max(0.3, (document.documentElement.clientWidth - 24) / PAGE_WIDTH_PX));
    document.documentElement.style.setProperty('--kh-zoom', String(zoom));
  }

  /** The paragraphs that hold a source line: those of the last line starting at or before it (a paragraph cut by a page break is two). */
  function elementsAt(line) {
    var bestLine = -1;
    var tagged = root.querySelectorAll('[data-line]');
    for (var i = 0; i < tagged.length; i++) {
      var at = Number(tagged[i].getAttribute('data-line'));
      if (at <= line && at > bestLine) bestLine = at;
    }
    return bestLine < 0 ? [] : root.querySelectorAll('[data-line="' + bestLine + '"]');
  }

  function highlight(line, scroll) {
    var previous = root.querySelectorAll('.kh-current');
    for (var i = 0; i < previous.length; i++) previous[i].classList.remove('kh-current');
    var elements = elementsAt(line);
    for (var j = 0; j < elements.length; j++) elements[j].classList.add('kh-current');
    if (!scroll || elements.length === 0) return;
    var box = elements[0].getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) elements[0].scrollIntoView({ block: 'center' });
  }

  /** Puts new content on screen where the old was, keeping the scroll position and the cursor's highlight. */
  function show(nodes) {
    var scrollY = window.scrollY;
    root.replaceChildren.apply(root, nodes);
    fit();
    window.scrollTo(0, scrollY);
    if (cursorLine >= 0) highlight(cursorLine, false);
  }

  /** The sheet as one long page: without Paged.js, or when it fails on this sheet. */
  function showUnpaginated(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    show([template.content]);
  }

  /** Lays out the latest sheet off screen, then swaps it in; a sheet that arrives meanwhile waits, and only the newest is laid out next. */
  function paginateLatest() {
    if (paginating || waiting === null) return;
    var html = waiting;
    var template = document.createElement('template');
    template.innerHTML = html;
    waiting = null;
    paginating = true;
    var staging = document.createElement('div');
    staging.className = 'kh-staging';
    document.body.appendChild(staging);
    var previewer = new Previewer();
    var sheets = {};
    sheets[location.href] = sheetStyles;
    previewer.preview(template.content, [sheets], staging).then(
      function () {
        if (waiting !== null) {
          previewer.polisher.destroy();
          return;
        }
        if (shown) shown.polisher.destroy();
        shown = previewer;
        show(Array.prototype.slice.call(staging.childNodes));
      },
      function (error) {
        console.error(error);
        previewer.polisher.destroy();
        if (waiting === null) showUnpaginated(html);
      }
    ).then(function () {
      staging.remove();
      paginating = false;
      paginateLatest();
    });
  }

  window.addEventListener('message', function (event) {
    var message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'update' && typeof message.html === 'string') {
      status.textContent = String(message.status || '');
      status.className = 'kh-status kh-status-' + String(message.severity || 'none');
      if (Previewer) {
        waiting = message.html;
        paginateLatest();
      } else showUnpaginated(message.html);
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
    scriptSources: [options.pagedScriptUri],
    script: WEBVIEW_SCRIPT,
    statusHtml: escapeHtml(options.loadingText),
  });
}
