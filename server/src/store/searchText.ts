/**
 * Text as the full-text index keeps it, and a search as the index reads it. Words are what
 * Unicode calls letters and digits; Korean, Japanese and Chinese runs, which need no spaces, are
 * cut into overlapping pairs of characters (환불요청 → 환불 불요 요청), so any two characters of a
 * run find it, as a CJK bigram index does. Both sides cut text the same way, which is what lets
 * a PostgreSQL store keep the same index in a `tsvector` with the simple configuration.
 */

const CJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORDS = /[\p{L}\p{N}]+/gu;
/** Terms one search may hold; what is beyond is ignored. */
const MAX_TERMS = 12;

/**
 * Lower case, compatibility forms folded, and Latin letters without their accents (café finds
 * cafe), as SQLite's unicode61 tokenizer does by itself; Hangul and kana keep their marks.
 */
const normalize = (text: string) =>
  text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/(\p{Script=Latin})\p{Mn}+/gu, '$1').normalize('NFC');

/** One word (a run of letters and digits) as tokens: itself, or its CJK runs as pairs. */
function tokensOf(word: string): string[] {
  const tokens: string[] = [];
  let run = '';
  let other = '';
  const flushRun = () => {
    const chars = Array.from(run);
    if (chars.length === 1) tokens.push(run);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
    run = '';
  };
  for (const char of word) {
    if (CJK.test(char)) {
      if (other) (tokens.push(other), (other = ''));
      run += char;
    } else {
      if (run) flushRun();
      other += char;
    }
  }
  if (run) flushRun();
  if (other) tokens.push(other);
  return tokens;
}

/** The text the index stores for `parts` (empty ones left out). */
export function indexText(...parts: (string | null | undefined)[]): string {
  const tokens: string[] = [];
  for (const part of parts) if (part) for (const word of normalize(part).match(WORDS) ?? []) tokens.push(...tokensOf(word));
  return tokens.join(' ');
}

/** A search's terms as the index holds them: each word's tokens, the last one of a word maybe a prefix. */
export interface SearchTerm {
  tokens: string[];
  prefix: boolean;
}

export function searchTerms(search: string): SearchTerm[] {
  const words = (normalize(search).match(WORDS) ?? []).slice(0, MAX_TERMS);
  return words.map((word, index) => {
    const tokens = tokensOf(word);
    const last = index === words.length - 1;
    // A single CJK character is the start of a pair in the index: look for it as a prefix.
    const lone = tokens.length === 1 && CJK.test(tokens[0]) && Array.from(tokens[0]).length === 1;
    return { tokens, prefix: last || lone };
  });
}

/**
 * An FTS5 query finding texts that hold every word of `search`, the last one as a prefix (results
 * as you type); each word's tokens must follow each other. Null when the search has no letter or
 * digit.
 */
export function matchQuery(search: string): string | null {
  const terms = searchTerms(search);
  if (!terms.length) return null;
  return terms.map(({ tokens, prefix }) => `"${tokens.join(' ')}"${prefix ? ' *' : ''}`).join(' ');
}
