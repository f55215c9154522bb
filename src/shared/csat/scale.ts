/**
 * The satisfaction survey's scales (SPEC §3): what the customer sees are faces, what is stored is
 * the number. Higher is always better, and every scale spans 1 to 5 so scores compare across scales.
 */
import type { Language } from '../types';

export const SCALES = [2, 3, 5] as const;
export type Scale = (typeof SCALES)[number];
export type Score = 1 | 2 | 3 | 4 | 5;

const SCORES: Record<Scale, readonly Score[]> = { 2: [1, 5], 3: [1, 3, 5], 5: [1, 2, 3, 4, 5] };

/** The stored scores of a scale's options, worst first. */
export const scaleScores = (scale: Scale): readonly Score[] => SCORES[scale];

export const isScale = (value: unknown): value is Scale => value === 2 || value === 3 || value === 5;

/** Whether `score` is one of the scale's options (a 2-point survey never stores a 3). */
export const isOnScale = (scale: Scale, score: unknown): score is Score => SCORES[scale].indexOf(score as Score) >= 0;

/** The accessible name of each score's face, per language. */
export const SCORE_LABELS: Record<Language, Record<Score, string>> = {
  ko: { 1: '매우 불만족', 2: '불만족', 3: '보통', 4: '만족', 5: '매우 만족' },
  en: { 1: 'Very dissatisfied', 2: 'Dissatisfied', 3: 'Neutral', 4: 'Satisfied', 5: 'Very satisfied' },
  ja: { 1: 'とても不満', 2: '不満', 3: '普通', 4: '満足', 5: 'とても満足' },
};

export const scoreLabel = (score: Score, language: Language): string => SCORE_LABELS[language][score];

/** The options a survey shows, worst first: the stored score and its face's name. */
export function scaleOptions(scale: Scale, language: Language): { score: Score; label: string }[] {
  return SCORES[scale].map((score) => ({ score, label: SCORE_LABELS[language][score] }));
}
