import type { Signal } from '@preact/signals';
import { useConsole } from '../context';
import type { NameDraft } from '../model/createFieldEditor';

/** A field's display name in Korean, English and Japanese, edited in the given signal. */
export function NameInputs({ names }: { names: Signal<NameDraft> }) {
  const { t } = useConsole();
  return (
    <>
      {(['ko', 'en', 'ja'] as const).map((language) => (
        <label key={language} class="stack">
          <span>{t.value.names[language]}</span>
          <input
            lang={language}
            maxLength={100}
            value={names.value[language]}
            onInput={(event) => (names.value = { ...names.value, [language]: event.currentTarget.value })}
          />
        </label>
      ))}
    </>
  );
}
