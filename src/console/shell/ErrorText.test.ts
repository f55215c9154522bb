import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/createApi';
import { stringsFor } from '../i18n';
import { errorMessage } from './ErrorText';

describe('refusals in the manager language', () => {
  it('says a refusal with a known code in the console language, and gives the server sentence otherwise', () => {
    const forbidden = new ApiError(403, 'forbidden', 'PUT /api/manager/goal: only an owner may change accounts and settings');
    expect(errorMessage(forbidden, stringsFor('ko'))).toBe('소유자만 할 수 있어요.');
    expect(errorMessage(forbidden, stringsFor('ja'))).toBe('オーナーのみが行えます。');
    expect(errorMessage(new ApiError(409, 'last_owner', 'role: …'), stringsFor('en'))).toMatch(/at least one owner/);
    const invalid = new ApiError(400, 'invalid_request', 'profile.seats: must be a finite number (Number field)');
    expect(errorMessage(invalid, stringsFor('ko'))).toBe('profile.seats: must be a finite number (Number field)');
    expect(errorMessage(new ApiError(0, 'network', 'fetch failed'), stringsFor('en'))).toBe('Could not reach the server.');
  });
});
