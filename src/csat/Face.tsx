import type { Score } from '../shared/csat/scale';

/**
 * One face of the satisfaction scale, drawn instead of an emoji so it looks the same on every
 * system: 1 frowns deeply, 3 is level, 5 smiles widely. Decorative; the radio carries the name.
 */
export function Face({ score }: { score: Score }) {
  // The mouth's ends rise and its middle sinks as the score grows.
  const mood = score - 3;
  const ends = 15.5 - mood * 0.75;
  return (
    <svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round">
      <circle cx="12" cy="12" r="10" />
      <path d={`M8 ${ends}Q12 ${ends + mood * 2.5} 16 ${ends}`} />
      <path d="M9 9v1.5M15 9v1.5" stroke-width="2.2" />
    </svg>
  );
}
