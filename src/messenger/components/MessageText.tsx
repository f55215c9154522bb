import { linkify } from '../../shared/linkify';
import { useMessenger } from '../context';
import { guard } from '../../browser/report';

/** Message text as text nodes and safe links; nothing in it is ever parsed as HTML. */
export function MessageText({ text }: { text: string }) {
  const { urlClicked } = useMessenger();
  const onClick = guard((event: MouseEvent) => {
    const href = (event.currentTarget as HTMLAnchorElement).getAttribute('href');
    if (href && urlClicked(href)) event.preventDefault();
  });
  return (
    <>
      {linkify(text).map((s) =>
        s.href ? (
          <a href={s.href} target="_blank" rel="noopener noreferrer nofollow" onClick={onClick}>
            {s.text}
          </a>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
