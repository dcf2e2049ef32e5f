// Where the Vietnamese dictionary's files are: beside the bundle (out/dictionaries/vi, copied there
// by scripts/build.mjs, so the .vsix and the npm package carry them), or in node_modules when the
// sources run under the tests. The files stay separate from the bundle: dictionary-vi is GPL,
// kehoach is MIT, and the two are shipped side by side, not combined.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DictionaryText, provideDictionary } from '../engine/spelling.js';

const CANDIDATES = [join(__dirname, 'dictionaries', 'vi'), join(__dirname, '..', '..', '..', 'node_modules', 'dictionary-vi')];

function readDictionary(): DictionaryText {
  const folder = CANDIDATES.find((candidate) => existsSync(join(candidate, 'index.dic')));
  if (!folder) throw new Error(`Vietnamese dictionary not found (looked in ${CANDIDATES.join(', ')})`);
  return { aff: readFileSync(join(folder, 'index.aff'), 'utf8'), dic: readFileSync(join(folder, 'index.dic'), 'utf8') };
}

/** Lets the engine read the dictionary when the spelling rule first needs it. */
export function provideVietnameseDictionary(): void {
  provideDictionary(readDictionary);
}
