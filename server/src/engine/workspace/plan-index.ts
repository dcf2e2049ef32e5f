// The workspace index: every plan's summary, looked up by its number/symbol and by the symbols it
// cites. Kept current one file at a time; shared by the CLI (folder checks) and the language server.
import { compareKey } from '../text.js';
import { symbolKey } from '../extract/number.js';
import type { CitationSummary, PlanSummary } from './summary.js';

export interface IndexedPlan {
  uri: string;
  summary: PlanSummary;
}

export interface CitingPlan {
  uri: string;
  citation: CitationSummary;
}

/** One date a cited document is given, and the plans giving it (each once). */
export interface CitedDate {
  date: { day: number; month: number; year: number };
  uris: string[];
}


export class PlanIndex {
  private readonly plans = new Map<string, PlanSummary>();
  private readonly bySymbol = new Map<string, Set<string>>();
  private readonly citers = new Map<string, Set<string>>();
  /** What workspace symbol search matches against, computed at a plan's first search. */
  private readonly searchKeys = new Map<string, string>();
  /** symbolKey of each symbol seen: a few hundred documents are cited a hundred thousand times. */
  private readonly keys = new Map<string, string>();
  /** citedDates per symbol key, until a plan citing that symbol changes. */
  private readonly dateTallies = new Map<string, CitedDate[]>();

  get size(): number {
    return this.plans.size;
  }

  get(uri: string): PlanSummary | undefined {
    return this.plans.get(uri);
  }

  *entries(): IterableIterator<IndexedPlan> {
    for (const [uri, summary] of this.plans) yield { uri, summary };
  }

  set(uri: string, summary: PlanSummary): void {
    this.delete(uri);
    this.plans.set(uri, summary);
    if (summary.symbol) addTo(this.bySymbol, this.keyOf(summary.symbol), uri);
    for (const citation of summary.citations) {
      const key = this.keyOf(citation.symbol);
      addTo(this.citers, key, uri);
      this.dateTallies.delete(key);
    }
  }

  delete(uri: string): boolean {
    const summary = this.plans.get(uri);
    if (!summary) return false;
    this.plans.delete(uri);
    this.searchKeys.delete(uri);
    if (summary.symbol) removeFrom(this.bySymbol, this.keyOf(summary.symbol), uri);
    for (const citation of summary.citations) {
      const key = this.keyOf(citation.symbol);
      removeFrom(this.citers, key, uri);
      this.dateTallies.delete(key);
    }
    return true;
  }

  private keyOf(symbol: string): string {
    let key = this.keys.get(symbol);
    if (key === undefined) this.keys.set(symbol, (key = symbolKey(symbol)));
    return key;
  }

  rename(from: string, to: string): void {
    const summary = this.plans.get(from);
    if (!summary) return;
    this.delete(from);
    this.set(to, summary);
  }

  /** Plans whose own number/symbol is `symbol`. */
  plansNumbered(symbol: string): IndexedPlan[] {
    return [...(this.bySymbol.get(symbolKey(symbol)) ?? [])].sort().map((uri) => ({ uri, summary: this.plans.get(uri)! }));
  }

  /** Every citation of `symbol` in the indexed plans. */
  citationsOf(symbol: string): CitingPlan[] {
    const key = symbolKey(symbol);
    const result: CitingPlan[] = [];
    for (const uri of [...(this.citers.get(key) ?? [])].sort()) {
      for (const citation of this.plans.get(uri)!.citations) if (symbolKey(citation.symbol) === key) result.push({ uri, citation });
    }
    return result;
  }

  /**
   * The dates the plans give a cited document, the most common first (then the earliest), each
   * with its plans in URI order. Kept
   * until a plan citing it changes, so that checking each of 10,000 plans citing one parent plan
   * does not go through all the others each time.
   */
  citedDates(symbol: string): readonly CitedDate[] {
    const key = this.keyOf(symbol);
    let tally = this.dateTallies.get(key);
    if (!tally) {
      const byDate = new Map<number, CitedDate>();
      for (const uri of this.citers.get(key) ?? []) {
        for (const citation of this.plans.get(uri)!.citations) {
          const date = citation.date;
          if (!date || this.keyOf(citation.symbol) !== key) continue;
          const day = Date.UTC(date.year, date.month - 1, date.day);
          const entry = byDate.get(day) ?? { date, uris: [] };
          if (entry.uris.at(-1) !== uri) entry.uris.push(uri);
          byDate.set(day, entry);
        }
      }
      for (const entry of byDate.values()) entry.uris.sort();
      tally = [...byDate.entries()].sort(([a, x], [b, y]) => y.uris.length - x.uris.length || a - b).map(([, entry]) => entry);
      this.dateTallies.set(key, tally);
    }
    return tally;
  }

  /**
   * Plans with a word of their number or title starting with each word of the query (workspace symbol search).
   * Accents are ignored, since people often search without typing them ("ngay hoi" finds "Ngày hội").
   */
  search(query: string, limit = 200): IndexedPlan[] {
    const words = searchKey(query).split(' ').filter(Boolean);
    const result: IndexedPlan[] = [];
    for (const [uri, summary] of this.plans) {
      let haystack = this.searchKeys.get(uri);
      if (haystack === undefined) this.searchKeys.set(uri, (haystack = ` ${searchKey(`${summary.symbol ?? ''} ${summary.summary ?? ''}`)}`));
      // Each word of the query starts a word of the plan's: "121" finds 121/KH-..., not 1121/KH-...
      if (words.every((word) => haystack.includes(` ${word}`))) {
        result.push({ uri, summary });
        if (result.length >= limit) break;
      }
    }
    return result;
  }
}

/** compareKey without accents: "Ngày hội" -> "ngay hoi", "354/KH-PGDĐT" -> "354 kh pgddt". */
function searchKey(text: string): string {
  return compareKey(text).normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
}

function addTo(map: Map<string, Set<string>>, key: string, uri: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(uri);
}

function removeFrom(map: Map<string, Set<string>>, key: string, uri: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(uri);
  if (set.size === 0) map.delete(key);
}
