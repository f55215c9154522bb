import type { UserSummary } from '../../shared/managerApi';
import { useConsole } from '../context';

/**
 * The member id the site gave the customer; one that came without a valid memberHash is marked
 * "(unverified)", with why spelled out for a screen reader and on hover.
 */
export function MemberId({ user }: { user: UserSummary }) {
  const t = useConsole().t.value;
  if (!user.memberId) return null;
  return (
    <p class="member-id">
      {t.memberId}: {user.memberId}
      {user.memberVerified === false && (
        <span class="unverified" title={t.unverifiedHint}>
          {t.unverified}
          <span class="vh"> {t.unverifiedHint}</span>
        </span>
      )}
    </p>
  );
}
