// Builds the plan model from TextLines by running the recognisers of extract/ in order: header,
// closing (recipients, signature), profile, sections, dates and citations, abbreviations and
// directives. Each reads the lines and what the earlier ones returned; none changes another's result.
import { readReports } from './extract/reports.js';
import { readResponsibilities } from './extract/responsibility.js';
import { readAbbreviations } from './extract/abbreviations.js';
import { readClosing } from './extract/closing.js';
import { readFrontMatter, readSuppressions } from './extract/directives.js';
import { readHeader } from './extract/header.js';
import type { PlanLines } from './extract/lines.js';
import { readMentions } from './extract/mentions.js';
import { unpasteLines } from './extract/pasted.js';
import { detectProfile } from './extract/profile.js';
import { readSections } from './extract/sections.js';
import { type ChunkCache, markdownLines } from './markdown.js';
import type { PlanModel, ProfileName } from './model.js';
import { PROFILES, type Profile } from './profile.js';
import { LineIndex, frontMatterEnd } from './text.js';

export interface BuildOptions {
  /** Chooses the profile once the draft's own kind is known (configured profile, or the detected one). */
  profileFor?: (detected: ProfileName) => Profile;
  /** The document's parsed chunks from its earlier checks (markdown.ts): only changed chunks are parsed again. */
  chunks?: ChunkCache;
}

export function buildModel(source: string, options: BuildOptions = {}): PlanModel {
  const index = new LineIndex(source);
  const fmEnd = frontMatterEnd(source);
  const lines = unpasteLines(markdownLines(source, index, options.chunks));
  const plan: PlanLines = { source, index, lines };
  const header = readHeader(plan);
  const closing = readClosing(plan, header.endTextLine);
  const detectedProfile = detectProfile(header, closing.signature);
  const profile = options.profileFor?.(detectedProfile) ?? PROFILES[detectedProfile];
  const sections = readSections(plan, header.endTextLine, closing.start, profile);
  const basisLines = { start: header.endTextLine, end: sections.bodyStart ?? closing.start };
  const { dates, citations } = readMentions(plan, header, basisLines);
  return {
    source,
    index,
    lines,
    frontMatter: fmEnd > 0 ? readFrontMatter(plan, fmEnd) : undefined,
    header,
    basisLines,
    sections: sections.top,
    allSections: sections.all,
    dates,
    citations,
    recipients: closing.recipients,
    signature: closing.signature,
    abbreviations: readAbbreviations(plan, header.endTextLine, closing.start, citations),
    suppressions: readSuppressions(plan),
    detectedProfile,
    closingStart: closing.start,
    responsibilities: readResponsibilities(plan, basisLines.end, closing.start, sections.top),
    reports: readReports(plan, header.endTextLine, closing.start),
  };
}
