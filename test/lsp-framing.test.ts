// The stdio framing guard: whole LSP messages pass through byte for byte however the input is
// cut into chunks, and bytes between messages that are not a message are dropped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FramedInput, MAX_BODY } from '../server/src/lsp/framing';

function frame(body: string): Buffer {
  const content = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${content.length}\r\n\r\n`, 'ascii'), content]);
}

/** Feeds the chunks through a FramedInput and returns what comes out and how many bytes it dropped. */
async function pass(chunks: Buffer[]): Promise<{ output: Buffer; dropped: number; resynchronised: number[][]; refused: number[] }> {
  let dropped = 0;
  const resynchronised: number[][] = [];
  const refused: number[] = [];
  const input = new FramedInput({
    dropped: (bytes) => {
      dropped += bytes;
    },
    resynchronised: (declared, received) => resynchronised.push([declared, received]),
    refused: (declared) => refused.push(declared),
  });
  const out: Buffer[] = [];
  input.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve) => input.on('end', resolve));
  for (const chunk of chunks) input.write(chunk);
  input.end();
  await ended;
  return { output: Buffer.concat(out), dropped, resynchronised, refused };
}

/** Cuts a buffer at the given points. */
function cut(bytes: Buffer, points: number[]): Buffer[] {
  const sorted = [...new Set(points.map((point) => point % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const point of sorted) {
    chunks.push(bytes.subarray(from, point));
    from = point;
  }
  chunks.push(bytes.subarray(from));
  return chunks.filter((chunk) => chunk.length > 0);
}

const body = fc.oneof(
  fc.string({ maxLength: 200 }).map((text) => JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { text } })),
  fc.constant('{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"position":{"line":0,"character":0}}}'),
  fc.constant('{"text":"Content-Length: 12\\r\\n\\r\\nKẾ HOẠCH"}'),
);
/** Bytes that hold no "content-length:" (else they would rightly be read as a header). */
const junk = fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => Buffer.from(bytes)).filter((bytes) => !/content-length:/i.test(bytes.toString('latin1')));

describe('stdio framing guard', () => {
  it('passes any sequence of messages through unchanged, however it is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(body, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 20 }), async (bodies, points) => {
        const stream = Buffer.concat(bodies.map(frame));
        const { output, dropped } = await pass(cut(stream, points));
        expect(output.equals(stream)).toBe(true);
        expect(dropped).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('drops what lies between messages and keeps every message whole', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(junk, body), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 20 }), async (pairs, points) => {
        const stream = Buffer.concat(pairs.flatMap(([bytes, text]) => [bytes, frame(text)]));
        const { output, dropped } = await pass(cut(stream, points));
        expect(output.equals(Buffer.concat(pairs.map(([, text]) => frame(text))))).toBe(true);
        expect(dropped).toBe(pairs.reduce((sum, [bytes]) => sum + bytes.length, 0));
      }),
      { numRuns: 200 },
    );
  });

  it('skips a header whose length is not a number, or a block that is not a header', async () => {
    const good = frame('{"jsonrpc":"2.0","method":"initialized","params":{}}');
    const { output } = await pass([Buffer.from('Content-Length: many\r\n\r\n'), Buffer.from('Content-Length: 5\r\nno colon\r\n\r\n'), good]);
    expect(output.equals(good)).toBe(true);
  });

  it('resynchronises on a header inside a body shorter than its Content-Length, however it is chunked', async () => {
    const short = Buffer.from('Content-Length: 500\r\n\r\n{"jsonrpc":"2.0","method":"x"}', 'ascii');
    const next = Buffer.concat([frame('{"jsonrpc":"2.0","id":1,"method":"a"}'), frame('{"jsonrpc":"2.0","id":2,"method":"b"}')]);
    const stream = Buffer.concat([short, next]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 6 }), async (points) => {
        const { output, resynchronised } = await pass(cut(stream, points));
        expect(output.equals(next)).toBe(true);
        expect(resynchronised).toEqual([[500, short.length - 'Content-Length: 500\r\n\r\n'.length]]);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a body over the limit at once instead of waiting for it', async () => {
    const good = frame('{"jsonrpc":"2.0","id":1,"method":"a"}');
    const { output, refused } = await pass([Buffer.from(`Content-Length: ${MAX_BODY + 1}\r\n\r\n{"jsonrpc"`, 'ascii'), good]);
    expect(refused).toEqual([MAX_BODY + 1]);
    expect(output.equals(good)).toBe(true);
  });
});
