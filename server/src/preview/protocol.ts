// The requests the VS Code preview sends the language server, and the messages between the
// extension and the preview webview. Plain constants, types and the export's base64: the client bundle imports
// this file and must not pull in the renderer or the engine.

/** Request: the rendered sheet of a plan at the server's current version of the document. */
export const PREVIEW_REQUEST = 'kehoach/preview';
/** Request: the plan as a printable file (.docx or standalone .html), bytes in base64. */
export const EXPORT_REQUEST = 'kehoach/export';

export interface PreviewParams {
  uri: string;
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface PreviewResult extends ProblemCounts {
  uri: string;
  version: number;
  /** The sheet: markup of the renderer, every piece of the draft escaped. */
  html: string;
  /** The problem counts in words, in the document's language ("2 lỗi, 1 cảnh báo, 0 thông tin"). */
  status: string;
  /** "Kế hoạch 354/KH-PGDĐT — ...", for the panel title. */
  title: string;
}

export type ExportFormatName = 'html' | 'docx';

export interface ExportParams {
  uri: string;
  format: ExportFormatName;
}

export interface ExportResult extends ProblemCounts {
  version: number;
  format: ExportFormatName;
  base64: string;
}

/** Extension → webview. */
export type ToWebview =
  | { type: 'update'; html: string; status: string; severity: 'error' | 'warning' | 'info' | 'none' }
  | { type: 'message'; text: string }
  | { type: 'reveal'; line: number };

/** Webview → extension. */
export type FromWebview = { type: 'ready' } | { type: 'reveal-source'; line: number };

/** The export's bytes as base64, without Node's Buffer: the server may run in a web worker. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/** The bytes of an export's base64, for the client to write with vscode.workspace.fs (desktop and web). */
export function base64ToBytes(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
}
