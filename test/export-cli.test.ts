// `kehoach export` run as a process: the .docx it writes is a valid Word package laid out per
// ND30 Phụ lục I, the HTML is a standalone page without script, and bad input ends with exit
// code 2, a clear message and no file written.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, SEEDS, hasSeeds, seedFiles } from './helpers/fixtures.js';

const ROOT = join(__dirname, '..');
const STATE_PLAN = join(FIXTURES, 'preview', 'state-plan.md');
let work: string;
let cli: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kehoach-export-'));
  // The published command: bin/kehoach.js running the bundle the build makes from the current sources.
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  cli = join(ROOT, 'bin/kehoach.js');
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function kehoach(args: string[], options: { cwd?: string; input?: string | Buffer } = {}): { status: number | null; stdout: string; stderr: string; stdoutBytes: Buffer } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: options.cwd ?? work, input: options.input, env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8'), stdoutBytes: result.stdout };
}

/** The files of a zip archive (a .docx is one), read from its central directory. */
function unzip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive');
  const count = archive.readUInt16LE(end + 10);
  let entry = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(entry) !== 0x02014b50) throw new Error('bad central directory');
    const method = archive.readUInt16LE(entry + 10);
    const size = archive.readUInt32LE(entry + 20);
    const nameLength = archive.readUInt16LE(entry + 28);
    const extraLength = archive.readUInt16LE(entry + 30);
    const commentLength = archive.readUInt16LE(entry + 32);
    const local = archive.readUInt32LE(entry + 42);
    const name = archive.toString('utf8', entry + 46, entry + 46 + nameLength);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    entry += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The run (<w:r>) that holds exactly this text, and the paragraph (<w:p>) around it. */
function runAndParagraph(xml: string, text: string): { run: string; paragraph: string } {
  const at = xml.indexOf(`>${xmlText(text)}</w:t>`);
  if (at < 0) throw new Error(`no run with ${text}`);
  const runStart = xml.lastIndexOf('<w:r>', at);
  const paragraphStart = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
  const paragraphEnd = xml.indexOf('</w:p>', at);
  return { run: xml.slice(runStart, xml.indexOf('</w:r>', at)), paragraph: xml.slice(paragraphStart, paragraphEnd) };
}

describe('kehoach export --format docx', () => {
  let files: Map<string, Buffer>;
  let documentXml: string;

  beforeAll(() => {
    const output = join(work, 'state-plan.docx');
    const result = kehoach(['export', '--format', 'docx', STATE_PLAN, '-o', output]);
    expect(result.stderr).toContain('Đã xuất state-plan.docx (docx)');
    expect(result.status).toBe(0);
    files = unzip(readFileSync(output));
    documentXml = files.get('word/document.xml')!.toString('utf8');
  });

  it('writes a Word package', () => {
    expect([...files.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']));
    expect(documentXml.startsWith('<?xml')).toBe(true);
  });

  it('sets an A4 page with the ND30 margins and Times New Roman', () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(files.get('word/styles.xml')!.toString('utf8')).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    // Page numbers in the top margin, not on the first page.
    expect(documentXml).toContain('<w:titlePg/>');
  });

  it('lays the header and the signature out as borderless two-column tables', () => {
    const tables = documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    const header = tables[0]!;
    expect(header).toMatch(/<w:tblBorders><w:top w:val="none"/);
    expect(header).toContain('<w:tblLayout w:type="fixed"/>');
    const [left, right] = header.split(/<\/w:tc>/);
    expect(left).toContain('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO');
    expect(left).toContain('Số: 215/KH-PGDĐT');
    expect(right).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(right).toContain('Thanh Oai, ngày 05 tháng 3 năm 2024');
    const closing = tables[tables.length - 1]!;
    const [recipients, signature] = closing.split(/<\/w:tc>/);
    expect(recipients).toContain('Nơi nhận:');
    expect(signature).toContain('Nguyễn Văn An');
    // The body table keeps its borders.
    expect(tables.some((table) => table.includes('Phát động') && /<w:top w:val="single"/.test(table))).toBe(true);
  });

  it('gives every element the type of Phụ lục I', () => {
    const expectRun = (text: string, size: number, ...flags: string[]): string => {
      const { run } = runAndParagraph(documentXml, text);
      expect(run, text).toContain(`<w:sz w:val="${size * 2}"/>`);
      for (const flag of flags) expect(run, `${text} ${flag}`).toContain(flag);
      return run;
    };
    expectRun('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', 12, '<w:b/>', '<w:caps/>');
    expect(expectRun('UBND HUYỆN THANH OAI', 12, '<w:caps/>')).not.toContain('<w:b/>');
    expectRun('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 12, '<w:b/>');
    expectRun('Độc lập - Tự do - Hạnh phúc', 13, '<w:b/>');
    expect(expectRun('Số: 215/KH-PGDĐT', 13)).not.toContain('<w:b/>');
    expectRun('Thanh Oai, ngày 05 tháng 3 năm 2024', 13, '<w:i/>');
    expectRun('KẾ HOẠCH', 14, '<w:b/>');
    expectRun('Tổ chức Ngày hội đọc sách năm 2024', 14, '<w:b/>');
    expectRun('I. MỤC ĐÍCH, YÊU CẦU', 14, '<w:b/>', '<w:caps/>');
    expectRun('Nơi nhận:', 12, '<w:b/>', '<w:i/>');
    expectRun('- Sở GDĐT Hà Nội (b/c);', 11);
    expectRun('KT. TRƯỞNG PHÒNG', 14, '<w:b/>');
    expectRun('PHÓ TRƯỞNG PHÒNG', 14, '<w:b/>');
    expectRun('Nguyễn Văn An', 14, '<w:b/>');
  });

  it('justifies the body with a 1 cm first-line indent and centres the title', () => {
    const { paragraph } = runAndParagraph(documentXml, 'Các trường xây dựng kế hoạch chi tiết và triển khai thực hiện./.');
    expect(paragraph).toContain('<w:jc w:val="both"/>');
    expect(paragraph).toContain('<w:ind w:firstLine="567"/>');
    expect(paragraph).toMatch(/<w:spacing [^>]*w:after="120"/);
    expect(runAndParagraph(documentXml, 'KẾ HOẠCH').paragraph).toContain('<w:jc w:val="center"/>');
  });

  it('prints no problem marker and no placeholder', () => {
    expect(documentXml).not.toContain('KH2');
    expect(documentXml).not.toContain('[Tên cơ quan');
  });

  it('exports the real seed plans', { skip: !hasSeeds }, () => {
    for (const file of seedFiles()) {
      const output = join(work, file.replace(/\.md$/, '.docx'));
      const result = kehoach(['export', join(SEEDS, file), '-o', output]);
      expect(result.status, `${file}: ${result.stderr}`).toBe(0);
      expect(unzip(readFileSync(output)).get('word/document.xml')!.toString('utf8')).toContain('KẾ HOẠCH');
    }
  });
});

describe('kehoach export: code points XML 1.0 forbids', () => {
  // sax in strict mode checks the structure but lets forbidden characters through: those are checked by the pattern below.
  const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
  // A strict XML parser, the one xml2js uses (through @vscode/vsce); untyped, hence require.
  const sax = createRequire(__filename)('sax') as { parser(strict: boolean): { onerror: (error: Error) => void; write(text: string): { close(): void } } };
  const wellFormed = (xml: string): void => {
    const parser = sax.parser(true);
    parser.onerror = (error) => {
      throw error;
    };
    parser.write(xml).close();
  };

  it('replaces C0 controls, U+FFFE, U+FFFF and lone surrogates, with a notice, so word/document.xml is well-formed', () => {
    const plan = join(work, 'cam.md');
    const forbidden = '\u0001\u0008\u000B\u001F\uFFFE\uFFFF\uD800';
    writeFileSync(plan, readFileSync(STATE_PLAN, 'utf8').replace('KẾ HOẠCH', `KẾ HOẠCH${forbidden}`), 'utf8');
    const docx = join(work, 'cam.docx');
    const result = kehoach(['export', plan, '-o', docx]);
    expect(result.status).toBe(0);
    // The lone surrogate was already U+FFFD once saved as UTF-8: six remain.
    expect(result.stderr).toContain('có 6 ký tự điều khiển hoặc ký tự không hợp lệ trong XML');
    const xml = unzip(readFileSync(docx)).get('word/document.xml')!.toString('utf8');
    expect(() => wellFormed(xml)).not.toThrow();
    expect(xml).not.toMatch(XML_FORBIDDEN);
    expect(xml).toContain('KẾ HOẠCH\uFFFD');
    const html = join(work, 'cam.html');
    expect(kehoach(['export', plan, '-o', html]).status).toBe(0);
    expect(readFileSync(html, 'utf8')).not.toMatch(XML_FORBIDDEN);
  });

});

describe('kehoach export --format html', () => {
  it('writes a standalone page without script, its style allowed by hash', () => {
    const output = join(work, 'page.html');
    const result = kehoach(['export', '--format', 'html', STATE_PLAN, '-o', output]);
    expect(result.status).toBe(0);
    const html = readFileSync(output, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-/);
    expect(html).not.toMatch(/<script|class="kh-(problem|note)/);
    expect(html).toContain('<td class="kh-header-left">');
    expect(html).toContain('<title>Kế hoạch 215/KH-PGDĐT — Tổ chức Ngày hội đọc sách năm 2024</title>');
  });

  it('marks the problems with --problems', () => {
    const output = join(work, 'problems.html');
    writeFileSync(join(work, 'bad-date.md'), readFileSync(STATE_PLAN, 'utf8').replace('Số: 215/KH-PGDĐT', ''));
    expect(kehoach(['export', join(work, 'bad-date.md'), '--problems', '-o', output]).status).toBe(0);
    expect(readFileSync(output, 'utf8')).toMatch(/class="kh-(problem|note) kh-sev-/);
  });

  it('chooses the format from the output extension, and writes beside the plan by default', () => {
    const folder = mkdtempSync(join(work, 'beside-'));
    const plan = join(folder, 'ke-hoach.md');
    writeFileSync(plan, readFileSync(STATE_PLAN));
    expect(kehoach(['export', plan, '-o', join(folder, 'out.html')]).status).toBe(0);
    expect(readFileSync(join(folder, 'out.html'), 'utf8')).toContain('<!DOCTYPE html>');
    expect(kehoach(['export', 'ke-hoach.md'], { cwd: folder }).status).toBe(0);
    expect(unzip(readFileSync(join(folder, 'ke-hoach.docx'))).has('word/document.xml')).toBe(true);
    expect(kehoach(['export', '--format', 'html', 'ke-hoach.md'], { cwd: folder }).status).toBe(0);
    expect(existsSync(join(folder, 'ke-hoach.html'))).toBe(true);
    // No temporary file is left behind.
    expect(readdirSync(folder).filter((name) => name.includes('kehoach-tmp'))).toEqual([]);
  });

  it('reads stdin and writes stdout', () => {
    const result = kehoach(['export', '--format', 'html', '-', '-o', '-'], { input: readFileSync(STATE_PLAN) });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO');
    const docx = kehoach(['export', '--format', 'docx', '-', '-o', '-'], { input: readFileSync(STATE_PLAN) });
    expect(docx.status).toBe(0);
    expect(unzip(docx.stdoutBytes).has('word/document.xml')).toBe(true);
  });
});

describe('kehoach export: bad input', () => {
  it('exits 2 with a clear message when the plan does not exist, and writes nothing', () => {
    const output = join(work, 'never.docx');
    const result = kehoach(['export', join(work, 'khong-co.md'), '-o', output]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`kehoach: Không tìm thấy tệp ${join(work, 'khong-co.md')}\n`);
    expect(existsSync(output)).toBe(false);
    const english = kehoach(['export', '--locale', 'en', 'khong-co.md', '-o', output]);
    expect(english.status).toBe(2);
    expect(english.stderr).toBe('kehoach: No such file: khong-co.md\n');
  });

  it('refuses to write over the plan itself', () => {
    const plan = join(work, 'self.md');
    writeFileSync(plan, readFileSync(STATE_PLAN));
    const result = kehoach(['export', '--format', 'html', plan, '-o', plan]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('trùng với tệp kế hoạch');
    expect(readFileSync(plan)).toEqual(readFileSync(STATE_PLAN));
    // Also when the plan's own name ends in the format's extension and no -o is given.
    const htmlPlan = join(work, 'plan-as.html');
    writeFileSync(htmlPlan, readFileSync(STATE_PLAN));
    const implicit = kehoach(['export', '--format', 'html', htmlPlan]);
    expect(implicit.status).toBe(2);
    expect(readFileSync(htmlPlan)).toEqual(readFileSync(STATE_PLAN));
  });

  it('exits 2 on a format that disagrees with the output name, or an unknown one', () => {
    const mismatch = kehoach(['export', '--format', 'html', STATE_PLAN, '-o', join(work, 'x.docx')]);
    expect(mismatch.status).toBe(2);
    expect(mismatch.stderr).toContain('không có đuôi .html');
    const unknownExtension = kehoach(['export', STATE_PLAN, '-o', join(work, 'x.pdf')]);
    expect(unknownExtension.status).toBe(2);
    expect(unknownExtension.stderr).toContain('dùng đuôi .docx hoặc .html');
    const unknownFormat = kehoach(['export', '--format', 'pdf', STATE_PLAN]);
    expect(unknownFormat.status).toBe(2);
    expect(unknownFormat.stderr).toContain('pdf');
  });

  it('exits 2 for a folder, a binary file, a missing output folder, stdin without -o', () => {
    const folder = kehoach(['export', FIXTURES, '-o', join(work, 'f.docx')]);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain('là một thư mục');
    const binary = join(work, 'binary.md');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3]));
    const binaryResult = kehoach(['export', binary, '-o', join(work, 'b.docx')]);
    expect(binaryResult.status).toBe(2);
    expect(binaryResult.stderr).toContain('tệp nhị phân');
    const noFolder = kehoach(['export', STATE_PLAN, '-o', join(work, 'khong', 'co', 'thu-muc.docx')]);
    expect(noFolder.status).toBe(2);
    expect(noFolder.stderr).toContain('Không có thư mục');
    const stdin = kehoach(['export', '-'], { input: 'KẾ HOẠCH\n' });
    expect(stdin.status).toBe(2);
    expect(stdin.stderr).toContain('-o');
  });

  it('exits 2 on an invalid configuration file next to the plan, naming it', () => {
    const folder = join(work, 'bad-config');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '.kehoach.json'), '{ "rules": { "KH201": "loud" } }\n');
    writeFileSync(join(folder, 'plan.md'), readFileSync(STATE_PLAN));
    const result = kehoach(['export', 'plan.md'], { cwd: folder });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^\.kehoach\.json:1:\d+: /);
    expect(existsSync(join(folder, 'plan.docx'))).toBe(false);
  });

  it('warns about a file that does not look like a plan but still exports it', () => {
    const notes = join(work, 'notes.md');
    writeFileSync(notes, '# Ghi chú\n\nKhông phải kế hoạch.\n');
    const result = kehoach(['export', notes, '-o', join(work, 'notes.html')]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('không giống một kế hoạch');
  });
});
