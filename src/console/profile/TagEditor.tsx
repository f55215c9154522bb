import { LIMITS, type ProfileValue } from '../../shared/types';
import { useConsole } from '../context';
import { ChipsInput } from '../shell/ChipsInput';

/** The chat's tags as chips, saved with every change. */
export function TagEditor({ labelledBy, value }: { labelledBy: string; value: ProfileValue | undefined }) {
  const c = useConsole();
  const tags = Array.isArray(value) ? value : [];
  return (
    <ChipsInput
      labelledBy={labelledBy}
      values={tags}
      maxLength={LIMITS.chatListItem}
      onChange={(next) => void c.chatView.edit({ tags: next.length ? next : null })}
    />
  );
}
