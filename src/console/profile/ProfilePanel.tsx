import { useSignal } from '@preact/signals';
import { useConsole } from '../context';
import { profileRows } from '../model/profileRows';
import { ErrorText } from '../shell/ErrorText';
import { AssigneeSelect } from './AssigneeSelect';
import { CustomerProfile } from './CustomerProfile';
import { DisplaySettingsDialog } from './DisplaySettingsDialog';
import { ProfileField } from './ProfileField';

/**
 * The open chat's profile: each shown field's name and value, priority/tags/description editable
 * in place, and the display settings that choose the fields for every chat; the customer's own
 * profile under it.
 */
export function ProfilePanel() {
  const c = useConsole();
  const t = c.t.value;
  const { chatView, schema } = c;
  const chat = chatView.chat.value;
  const dialog = useSignal(false);
  const rows = chat ? profileRows(schema.builtIns.value, schema.fields.value, schema.hidden.value, chat.profile, c.language.value.value) : [];
  return (
    <aside class="profile" aria-labelledby="profile-title">
      <div class="profile-head">
        <h2 id="profile-title">{t.profile}</h2>
        <button type="button" class="btn quiet" onClick={() => (dialog.value = true)}>
          {t.displaySettings}
        </button>
      </div>
      <ErrorText error={chatView.editError.value} />
      {chat && (
        <dl class="fields">
          <AssigneeSelect chat={chat} />
          {rows.map((row) => (
            <ProfileField key={row.key} row={row} />
          ))}
        </dl>
      )}
      {chat && <CustomerProfile />}
      {dialog.value && <DisplaySettingsDialog onClose={() => (dialog.value = false)} />}
    </aside>
  );
}
