// Guards the stdio transport against bytes that are not LSP messages. The JSON-RPC reader trusts
// its input: one stray byte before a header makes it misread every message after it. This stream
// passes well-framed messages through untouched and drops anything else up to the next
// "Content-Length:" header, so the server answers again once valid input resumes.
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_NAME = /content-length:/i;
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
/** Bytes kept back when no header is found: a header name may be cut across two chunks. */
const KEEP = 'content-length:'.length - 1;
/** Longest header block accepted; real ones are under 100 bytes. */
const MAX_HEADER = 1024;
/** Largest message accepted (a 10 MB document is about 11 MB of JSON). */
const MAX_BODY = 256 * 1024 * 1024;

export class FramedInput extends Transform {
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes of the current message body still to pass through; -1 while looking for a header. */
  private bodyLeft = -1;

  constructor(private readonly onDropped: (bytes: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    this.drain();
    done();
  }

  private drain(): void {
    for (;;) {
      if (this.bodyLeft >= 0) {
        if (this.pending.length === 0) return;
        const take = Math.min(this.bodyLeft, this.pending.length);
        this.push(this.pending.subarray(0, take));
        this.pending = this.pending.subarray(take);
        this.bodyLeft -= take;
        if (this.bodyLeft > 0) return;
        this.bodyLeft = -1;
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
      this.push(this.pending.subarray(0, end + HEADER_END.length));
      this.pending = this.pending.subarray(end + HEADER_END.length);
      this.bodyLeft = length;
    }
  }

  private discard(bytes: number): void {
    if (bytes <= 0) return;
    this.pending = this.pending.subarray(bytes);
    this.onDropped(bytes);
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
  return length !== undefined && length <= MAX_BODY ? length : undefined;
}
