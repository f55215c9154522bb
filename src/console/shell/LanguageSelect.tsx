import { useConsole } from '../context';
import { LANGUAGES, stringsFor, type ConsoleLanguage } from '../i18n';

/** Switches the console between Korean, English and Japanese; each option is named in its own language. */
export function LanguageSelect() {
  const c = useConsole();
  return (
    <label class="lang">
      <span class="sr">{c.t.value.language}</span>
      <select value={c.language.value.value} onChange={(event) => c.language.choose(event.currentTarget.value as ConsoleLanguage)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {stringsFor(language).languageName}
          </option>
        ))}
      </select>
    </label>
  );
}
