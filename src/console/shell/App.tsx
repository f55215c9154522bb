import { useEffect, useRef } from 'preact/hooks';
import { useConsole } from '../context';
import { InboxPage } from '../inbox/InboxPage';
import { SettingsPage } from '../settings/SettingsPage';
import { StatsPage } from '../stats/StatsPage';
import { Announcer } from './Announcer';
import { ErrorBoundary } from './ErrorBoundary';
import { SignIn } from './SignIn';
import { TopBar } from './TopBar';

const PAGES = { inbox: InboxPage, settings: SettingsPage, stats: StatsPage };

/** The console: the sign-in until a token is held, then the top bar and the routed page. */
export function App() {
  const c = useConsole();
  const t = c.t.value;
  const signedIn = !!c.session.token.value;
  const { page } = c.router.route.value;
  // After a page change, start reading (and tabbing) from the new page, not the old link.
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (signedIn && shown.current && shown.current !== page) c.win.document.getElementById('main')?.focus();
    shown.current = signedIn ? page : null;
  }, [page, signedIn]);
  if (!signedIn) return <SignIn />;
  const Page = PAGES[page];
  const skip = (event: MouseEvent) => {
    // A plain #main link would be taken for a route.
    event.preventDefault();
    c.win.document.getElementById('main')?.focus();
  };
  return (
    <div class="app">
      <a class="skip" href="#main" onClick={skip}>
        {t.skip}
      </a>
      <TopBar />
      <main id="main" tabIndex={-1} class={`page page-${page}`}>
        <ErrorBoundary key={page} fallback={t.failed}>
          <Page />
        </ErrorBoundary>
      </main>
      <Announcer />
    </div>
  );
}
