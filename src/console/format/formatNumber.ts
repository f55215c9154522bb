import type { ConsoleLanguage } from '../i18n';

/**
 * A ratio from 0 to 1 as a percentage with at most one decimal.
 * @example formatPercent(0.625, 'en') // "62.5%"
 */
export const formatPercent = (ratio: number, language: ConsoleLanguage): string =>
  new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(Number.isFinite(ratio) ? ratio : 0);

/** An average score with up to two decimals, or the empty mark when there is none. */
export const formatAverage = (value: number | null | undefined, language: ConsoleLanguage, empty: string): string =>
  typeof value === 'number' && Number.isFinite(value) ? new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value) : empty;

/** `part / whole`, 0 when the whole is 0. */
export const ratio = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);
