import { SCALES, scaleOptions } from '../../shared/csat/scale';
import type { CsatSettings } from '../../shared/csat/settings';
import { useConsole } from '../context';
import { guard } from '../../browser/report';
import { ChipsInput } from '../shell/ChipsInput';
import { ErrorText } from '../shell/ErrorText';
import { SurveyConditions } from './SurveyConditions';
import { SaveRow } from './SaveRow';

const HOURS = ['any', 'inside', 'outside'] as const;

/** The survey rule: on/off, scale, required, comment (and whether it is required), questions in ko/en/ja and the filters. */
export function CsatRuleForm() {
  const c = useConsole();
  const t = c.t.value;
  const { csatRule } = c;
  const rule = csatRule.draft.value;
  const language = c.language.value.value;
  const set = (patch: Partial<CsatSettings>) => csatRule.update((current) => ({ ...current, ...patch }));
  const setFilters = (patch: Partial<CsatSettings['filters']>) => csatRule.update((current) => ({ ...current, filters: { ...current.filters, ...patch } }));
  const setQuestion = (lang: 'ko' | 'en' | 'ja', text: string) =>
    csatRule.update((current) => ({ ...current, questions: { ...current.questions, [lang]: text } }));
  const onSubmit = guard((event: Event) => {
    event.preventDefault();
    return csatRule.save();
  });

  return (
    <section class="card" aria-labelledby="csat-title">
      <h2 id="csat-title">{t.csatTitle}</h2>
      {!rule ? (
        csatRule.status.value === 'error' ? <ErrorText error={csatRule.error.value} /> : <p>{t.loading}</p>
      ) : (
        <form class="form" onSubmit={onSubmit}>
          {rule.problems && rule.problems.length > 0 && (
            <div class="err" role="alert" aria-labelledby="csat-problems">
              <strong id="csat-problems">{t.ruleProblemsTitle}</strong>
              <ul>
                {rule.problems.map((problem) => (
                  <li key={problem.key}>{t.ruleProblem(problem.key)}</li>
                ))}
              </ul>
            </div>
          )}
          <label class="check">
            <input type="checkbox" checked={rule.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} />
            {t.enabled}
          </label>
          <fieldset>
            <legend>{t.scale}</legend>
            {SCALES.map((scale) => (
              <label key={scale} class="check">
                <input type="radio" name="scale" value={scale} checked={rule.scale === scale} onChange={() => set({ scale })} />
                {t.scaleName(scale)} <span class="hint">({scaleOptions(scale, language).map((o) => o.label).join(' · ')})</span>
              </label>
            ))}
          </fieldset>
          <label class="check">
            <input type="checkbox" checked={rule.required} onChange={(e) => set({ required: e.currentTarget.checked })} />
            {t.required}
          </label>
          <label class="check">
            <input type="checkbox" checked={rule.comment} onChange={(e) => set({ comment: e.currentTarget.checked })} />
            {t.askComment}
          </label>
          <label class="check">
            <input
              type="checkbox"
              role="switch"
              checked={rule.comment && rule.commentRequired}
              disabled={!rule.comment}
              aria-describedby="comment-required-hint"
              onChange={(e) => set({ commentRequired: e.currentTarget.checked })}
            />
            {t.commentRequired} <span class="hint" id="comment-required-hint">({t.commentRequiredHint})</span>
          </label>
          <fieldset class="grid">
            <legend>{t.question}</legend>
            {(['ko', 'en', 'ja'] as const).map((lang) => (
              <label key={lang} class="stack">
                <span>{t.languages[lang]}</span>
                <input lang={lang} maxLength={200} value={rule.questions[lang]} onInput={(e) => setQuestion(lang, e.currentTarget.value)} />
              </label>
            ))}
          </fieldset>
          <SurveyConditions />
          <div class="stack">
            <span id="include-tags">{t.includeTags}</span>
            <ChipsInput labelledBy="include-tags" values={rule.filters.includeTags} onChange={(includeTags) => setFilters({ includeTags })} />
          </div>
          <div class="stack">
            <span id="exclude-tags">{t.excludeTags}</span>
            <ChipsInput labelledBy="exclude-tags" values={rule.filters.excludeTags} onChange={(excludeTags) => setFilters({ excludeTags })} />
          </div>
          <label class="stack">
            <span>{t.hoursFilter}</span>
            <select value={rule.filters.operatingHours} onChange={(e) => setFilters({ operatingHours: e.currentTarget.value as (typeof HOURS)[number] })}>
              {HOURS.map((option) => (
                <option key={option} value={option}>
                  {t.hoursOptions[option]}
                </option>
              ))}
            </select>
          </label>
          <SaveRow form={csatRule} />
        </form>
      )}
    </section>
  );
}
