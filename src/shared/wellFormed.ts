/**
 * Text that is not Unicode: a UTF-16 surrogate without its pair (`"\uD800"` in JSON). Stored as it
 * is, it would turn into U+FFFD (or fail) wherever it is encoded as UTF-8 — the database, a
 * download, another customer's screen — so it is refused where it comes in, naming the key.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first place in a parsed JSON value holding a string (value or key) with a lone surrogate,
 * as a sentence naming it; undefined when every string is well formed.
 * @example findLoneSurrogate({ message: { text: 'a\uD800' } }) // 'message.text: contains a lone surrogate (U+D800) …'
 */
export function findLoneSurrogate(value: unknown, path = 'body'): string | undefined {
  if (typeof value === 'string') {
    const at = LONE_SURROGATE.exec(value);
    return at ? `${path}: contains a lone surrogate (U+${at[0].charCodeAt(0).toString(16).toUpperCase()}), which is not text; send well-formed Unicode` : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findLoneSurrogate(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    const name = path === 'body' ? key : `${path}.${key}`;
    if (LONE_SURROGATE.test(key)) return `${JSON.stringify(name).slice(1, -1)}: this key contains a lone surrogate, which is not text; send well-formed Unicode`;
    const found = findLoneSurrogate((value as Record<string, unknown>)[key], name);
    if (found) return found;
  }
  return undefined;
}
