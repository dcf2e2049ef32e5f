import { readFileSync } from 'node:fs';
import { buildModel } from '../server/src/engine/extract.js';
const m = buildModel(readFileSync(process.argv[2]!, 'utf8'));
const short = (r: any) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
console.log('profile', m.detectedProfile);
const h = m.header;
for (const k of ['parentAgency','agency','motto','tagline','partyHeader','number','placeDate','title','summary'] as const) {
  const p = (h as any)[k]; if (p) console.log('H', k, JSON.stringify(p.text).slice(0,80), short(p.range), k==='number'? `${p.form} ${p.typeCode} ${p.issuerCode}`:'', k==='placeDate'? JSON.stringify(p.date?.raw)+p.place:'');
}
console.log('basis', m.basisLines);
for (const s of m.allSections) console.log('S', ' '.repeat(s.rank*2), s.scheme, s.number, s.title.slice(0,40), s.key ?? '', JSON.stringify(s.form), 'line', s.range.start.line, 'body', s.bodyLineCount);
for (const d of m.dates) console.log('D', d.kind, d.raw, d.day, d.month, d.year, d.endYear ?? '', d.invalid?.en ?? '', 'line', d.range.start.line);
for (const c of m.citations) console.log('C', c.typeWord, c.symbolRaw, '|', c.symbol, c.form, c.typeCode, c.issuerCode, c.date?.raw, '|', c.issuer, 'basis', c.inBasis, c.formatProblems.join(','), 'line', c.range.start.line);
if (m.recipients) { console.log('R', m.recipients.heading.text); for (const e of m.recipients.entries) console.log('  E', JSON.stringify(e.name), e.hasDash, JSON.stringify(e.terminator), e.annotations, e.isArchive ? 'ARCHIVE':''); }
const s = m.signature; if (s) console.log('SIG', s.prefix?.text, '|', s.authority?.text, '|', s.title?.text, '|', s.name?.text);
console.log('ABBR defs', m.abbreviations.definitions.map(d=>d.abbreviation).join(' '), 'uses', [...new Set(m.abbreviations.uses.map(d=>d.abbreviation))].join(' '));
console.log('supp', m.suppressions);
