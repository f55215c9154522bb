/**
 * Text that is not Unicode: a UTF-16 surrogate without its pair (`"\uD800"` in JSON), and NUL. Stored as it
 * is, it would turn into U+FFFD (or fail) wherever it is encoded as UTF-8 — the database, a
 * download, another customer's screen — so it is refused where it comes in, naming the key.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/;

/** What is wrong with the character found: a NUL, which no text column of PostgreSQL holds, or a lone surrogate. */
const notText = (char: string) =>
  char === '\u0000' ? 'a NUL character (U+0000), which is not text' : `a lone surrogate (U+${char.charCodeAt(0).toString(16).toUpperCase()}), which is not text`;

/**
 * The first place in a parsed JSON value holding a string (value or key) with a lone surrogate or a NUL,
 * as a sentence naming it; undefined when every string is well formed.
 * @example findLoneSurrogate({ message: { text: 'a\uD800' } }) // 'message.text: contains a lone surrogate (U+D800) …'
 */
export function findLoneSurrogate(value: unknown, path = 'body'): string | undefined {
  if (typeof value === 'string') {
    const at = LONE_SURROGATE.exec(value);
    return at ? `${path}: contains ${notText(at[0])}; send well-formed Unicode` : undefined;
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
    const inKey = LONE_SURROGATE.exec(key);
    if (inKey) return `${JSON.stringify(name).slice(1, -1)}: this key contains ${notText(inKey[0])}; send well-formed Unicode`;
    const found = findLoneSurrogate((value as Record<string, unknown>)[key], name);
    if (found) return found;
  }
  return undefined;
}
