// What a rule finds on one line, kept by the line's text: a keystroke changes one line, and the
// others are answered from here. Bounded, since a long session sees many versions of many lines.
const MAX_CACHED_LINES = 20_000;

export function lineTextCache<T>(compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let found = cache.get(text);
    if (found === undefined) {
      if (cache.size >= MAX_CACHED_LINES) cache.clear();
      found = compute(text);
      cache.set(text, found);
    }
    return found;
  };
}
