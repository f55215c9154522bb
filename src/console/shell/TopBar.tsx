import { useConsole } from '../context';
import { LanguageSelect } from './LanguageSelect';
import { LiveStatus } from './LiveStatus';
import { Nav } from './Nav';

/** The banner: product name, the page links, connection state, language and sign-out. */
export function TopBar() {
  const c = useConsole();
  const t = c.t.value;
  return (
    <header class="top">
      <span class="brand">{t.appName}</span>
      <Nav />
      <div class="top-end">
        <LiveStatus />
        <label class="notify">
          <input type="checkbox" role="switch" checked={c.notices.enabled.value} onChange={() => void c.notices.toggle()} />
          {t.notifications}
        </label>
        <LanguageSelect />
        {c.team.me.value && <span class="me">{t.signedInAs(c.team.me.value.name)}</span>}
        <button type="button" class="btn quiet" onClick={() => void c.signOut()}>
          {t.signOut}
        </button>
      </div>
    </header>
  );
}
