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
        <LanguageSelect />
        <button type="button" class="btn quiet" onClick={c.session.signOut}>
          {t.signOut}
        </button>
      </div>
    </header>
  );
}
