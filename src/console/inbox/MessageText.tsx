import { linkify } from '../../shared/linkify';

/** Message text as text nodes and http(s)/mailto links; nothing in it is ever parsed as HTML. */
export function MessageText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((segment) =>
        segment.href ? (
          <a href={segment.href} target="_blank" rel="noopener noreferrer nofollow">
            {segment.text}
          </a>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
