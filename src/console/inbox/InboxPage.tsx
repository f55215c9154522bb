import { useConsole } from '../context';
import { ProfilePanel } from '../profile/ProfilePanel';
import { ChatList } from './ChatList';
import { ChatPane } from './ChatPane';
import { FigureFilters } from './FigureFilters';
import { InboxFilters } from './InboxFilters';

/** The inbox: filters and chats on the left, the open chat in the middle, its profile beside it. */
export function InboxPage() {
  const c = useConsole();
  const t = c.t.value;
  const open = !!c.router.route.value.chatId;
  return (
    <div class={open ? 'inbox open' : 'inbox'}>
      <section class="list-pane" aria-labelledby="inbox-title">
        {/* Takes the focus when the last figure filter is removed. */}
        <h1 id="inbox-title" tabIndex={-1}>
          {t.inbox}
        </h1>
        <InboxFilters />
        <FigureFilters />
        <ChatList />
      </section>
      {open ? (
        <>
          <ChatPane />
          <ProfilePanel />
        </>
      ) : (
        <p class="placeholder">{t.selectChat}</p>
      )}
    </div>
  );
}
