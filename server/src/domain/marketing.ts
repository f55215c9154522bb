/**
 * `source.marketing.*` (SPEC §2.5), read from the UTM parameters of the page a chat started on:
 * `utm_campaign` names the campaign, else `utm_source`. Computed on the server so the boot bundle
 * stays small; `source.page` is already bounded, so the values are too.
 */
import type { ChatProfile } from '../../../src/shared/types.ts';

export function marketingOf(page: unknown): ChatProfile {
  if (typeof page !== 'string') return {};
  let params: URLSearchParams;
  try {
    params = new URL(page).searchParams;
  } catch {
    return {};
  }
  if (![...params.keys()].some((key) => key.startsWith('utm_'))) return {};
  const id = params.get('utm_campaign') || params.get('utm_source');
  return id ? { 'source.marketing.type': 'utm', 'source.marketing.id': id } : { 'source.marketing.type': 'utm' };
}
