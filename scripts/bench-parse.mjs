// The floor `npm run bench` compares the CLI with: read each file named in a list file and parse
// it with bare remark-parse, nothing else.   node scripts/bench-parse.mjs <list-file>
import { readFileSync } from 'node:fs';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse);
const files = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
for (const file of files) parser.parse(readFileSync(file, 'utf8'));
