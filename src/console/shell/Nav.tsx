import { useConsole } from '../context';
import type { Page } from '../model/createRouter';

const LINKS: { page: Page; href: string }[] = [
  { page: 'inbox', href: '#/inbox' },
  { page: 'stats', href: '#/stats' },
  { page: 'settings', href: '#/settings' },
];

/** The main navigation; the current page is marked for assistive technology too. */
export function Nav() {
  const c = useConsole();
  const t = c.t.value;
  const current = c.router.route.value.page;
  return (
    <nav aria-label={t.mainNav}>
      <ul class="nav">
        {LINKS.map((link) => (
          <li key={link.page}>
            <a href={link.href} aria-current={link.page === current ? 'page' : undefined}>
              {t[link.page]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
