// Guards the stdio transport against bytes that are not LSP messages. The JSON-RPC reader trusts
// its input: one stray byte before a header makes it misread every message after it. This stream
// passes well-framed messages through untouched and drops anything else up to the next
// "Content-Length:" header, so the server answers again once valid input resumes. A body is held
// until it is whole: when a header block appears inside it (raw CR LF pairs cannot be part of a
// JSON string, so this is the next message), the declared length was too long and the stream
// resynchronises there instead of swallowing the messages that follow.
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_NAME = /content-length:/i;
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
/** Bytes kept back when no header is found: a header name may be cut across two chunks. */
const KEEP = 'content-length:'.length - 1;
/** Longest header block accepted; real ones are under 100 bytes. */
const MAX_HEADER = 1024;
/**
 * Largest message accepted. A document over the largest kehoach.maxFileSize a setting allows is not
 * checked anyway, and JSON escaping at most doubles Vietnamese text; holding more would only let a
 * wrong header make the server wait for bytes that never come.
 */
export const MAX_BODY = 64 * 1024 * 1024;

/** What the guard tells its owner: bytes dropped, a short body resynchronised, a body refused. */
export interface FramingEvents {
  dropped(bytes: number): void;
  resynchronised(declared: number, received: number): void;
  refused(declared: number): void;
}

export class FramedInput extends Transform {
  private pending: Buffer = Buffer.alloc(0);
  /** The header of the message whose body is being gathered; undefined while looking for a header. */
  private header: Buffer | undefined;
  private bodyLength = 0;
  /** How far the gathered body was searched for a header already. */
  private searched = 0;

  constructor(private readonly events: FramingEvents) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    this.drain();
    done();
  }

  private drain(): void {
    for (;;) {
      if (this.header) {
        const next = this.headerInBody();
        if (next !== undefined) {
          this.events.resynchronised(this.bodyLength, next);
          this.header = undefined;
          this.discard(next, false);
          continue;
        }
        if (this.pending.length < this.bodyLength) return;
        this.push(Buffer.concat([this.header, this.pending.subarray(0, this.bodyLength)]));
        this.pending = this.pending.subarray(this.bodyLength);
        this.header = undefined;
        continue;
      }
      // A header normally starts right here: look at its first bytes before scanning everything.
      let start = this.pending.toString('latin1', 0, Math.min(this.pending.length, MAX_HEADER)).search(HEADER_NAME);
      if (start < 0 && this.pending.length > MAX_HEADER) start = this.pending.toString('latin1').search(HEADER_NAME);
      if (start < 0) {
        this.discard(Math.max(0, this.pending.length - KEEP));
        return;
      }
      if (start > 0) this.discard(start);
      const end = this.pending.indexOf(HEADER_END);
      if (end < 0) {
        // No end of header yet: wait, unless this cannot be a header at all.
        if (this.pending.length > MAX_HEADER) this.discard(1);
        else return;
        continue;
      }
      const length = headerLength(this.pending.toString('latin1', 0, end));
      if (length === undefined) {
        this.discard(1);
        continue;
      }
      if (length > MAX_BODY) {
        // Refused at once: its body is dropped as stray bytes up to the next header.
        this.events.refused(length);
        this.pending = this.pending.subarray(end + HEADER_END.length);
        continue;
      }
      this.header = this.pending.subarray(0, end + HEADER_END.length);
      this.pending = this.pending.subarray(end + HEADER_END.length);
      this.bodyLength = length;
      this.searched = 0;
    }
  }

  /** Where a complete, valid header block starts inside the body gathered so far, if one does. */
  private headerInBody(): number | undefined {
    const limit = Math.min(this.pending.length, this.bodyLength);
    for (;;) {
      const start = this.pending.toString('latin1', this.searched, limit).search(HEADER_NAME);
      if (start < 0) {
        this.searched = Math.max(this.searched, limit - KEEP);
        return undefined;
      }
      const at = this.searched + start;
      const end = this.pending.indexOf(HEADER_END, at);
      if (end < 0 || end - at > MAX_HEADER) {
        // Its end is not here yet (look again with more bytes), or this is no header.
        if (end < 0 && this.pending.length - at <= MAX_HEADER) return undefined;
        this.searched = at + 1;
        continue;
      }
      if (headerLength(this.pending.toString('latin1', at, end)) !== undefined) return at;
      this.searched = at + 1;
    }
  }

  private discard(bytes: number, report = true): void {
    if (bytes <= 0) return;
    this.pending = this.pending.subarray(bytes);
    if (report) this.events.dropped(bytes);
  }
}

/** The body length of a header block, or undefined when the block is not a valid LSP header. */
function headerLength(block: string): number | undefined {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,10}$/.test(value)) return undefined;
    length = Number(value);
  }
  return length;
}
