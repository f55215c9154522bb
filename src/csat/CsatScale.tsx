import { scaleOptions, type Scale, type Score } from '../shared/csat/scale';
import type { Language } from '../shared/types';
import { Face } from './Face';

const STEPS: Record<string, number> = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 };

interface Props {
  scale: Scale;
  language: Language;
  /** Id of the question that names the group. */
  labelledBy: string;
  /** The checked face, if any. */
  value: Score | null;
  /** The answer is on its way: nothing can be chosen. */
  disabled?: boolean;
  /** An arrow key moved to this face: check it, but do not answer. */
  onSelect(score: Score): void;
  /** Enter, Space, a click or a tap chose this face. */
  onChoose(score: Score): void;
}

/**
 * The faces of a scale as one radio group, worst first, each named by its score's label. Only
 * the checked (or first) face is in the tab order; arrows move focus and the check, wrapping.
 */
export function CsatScale({ scale, language, labelledBy, value, disabled, onSelect, onChoose }: Props) {
  const options = scaleOptions(scale, language);
  const tabbable = Math.max(0, options.findIndex((o) => o.score === value));
  return (
    <div class="cs-g" role="radiogroup" aria-labelledby={labelledBy}>
      {options.map(({ score, label }, i) => (
        <button
          key={score}
          type="button"
          role="radio"
          class="cs-f"
          aria-checked={score === value}
          aria-label={label}
          aria-disabled={disabled || undefined}
          tabIndex={i === tabbable ? 0 : -1}
          onClick={() => disabled || onChoose(score)}
          onKeyDown={(event) => {
            const key = event.key;
            const step = STEPS[key];
            if ((!step && key !== 'Enter' && key !== ' ') || event.altKey || event.ctrlKey || event.metaKey) return;
            // Handled here, so the button's own Enter/Space click does not choose a second time.
            event.preventDefault();
            if (disabled) return;
            if (!step) return onChoose(score);
            const next = (i + step + options.length) % options.length;
            onSelect(options[next].score);
            (event.currentTarget.parentNode!.childNodes[next] as HTMLElement).focus();
          }}
        >
          <Face score={score} />
        </button>
      ))}
    </div>
  );
}
