import { useConsole } from '../context';
import { formatUserValue } from '../format/formatUserValue';

/** The customer's own profile under the chat's: every key the SDK wrote (boot, updateUser), as stored. */
export function CustomerProfile() {
  const c = useConsole();
  const entries = Object.entries(c.chatView.customerProfile.value);
  if (!entries.length) return null;
  return (
    <section aria-labelledby="customer-profile-title">
      <h3 id="customer-profile-title" class="profile-sub">
        {c.t.value.customerProfile}
      </h3>
      <dl class="fields">
        {entries.map(([key, value]) => (
          <div class="field" key={key}>
            <dt>{key}</dt>
            <dd>{formatUserValue(value, c.language.value.value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
