import { scoreLabel } from '../shared/csat/scale';
import type { CsatStrings } from '../shared/i18n/types';
import type { CsatAnswer, Language } from '../shared/types';
import { Face } from './Face';

interface Props {
  question: string;
  answer: CsatAnswer;
  language: Language;
  strings: CsatStrings;
}

/** A stored answer, read-only: thanks, the chosen face with its name, and the comment as text. */
export function CsatThanks({ question, answer, language, strings }: Props) {
  return (
    <>
      <p class="cs-n">{question}</p>
      <p class="cs-q">{strings.thanks}</p>
      <p class="cs-a">
        <Face score={answer.score} />
        {strings.yourAnswer(scoreLabel(answer.score, language))}
      </p>
      {answer.comment && <p class="cs-c">{answer.comment}</p>}
    </>
  );
}
