import type { ChatProfile } from '../shared/types';
import { normalizeKey, validateProfile, type CustomField, type FieldType } from '../shared/profile';
import { readPageUrl } from './readPageUrl';
import { readProduct } from './readProduct';
import { readSource } from './readSource';

export interface CaptureInput {
  /** The page given to setPage, if any. */
  page?: string;
  /** Values given to setPage and updateProfile: they win over what is read from the page. */
  explicit: ChatProfile;
  /** The boot option: `false` turns metadata capture off; an object maps keys to sources (null drops one). */
  pageMetadata?: false | Record<string, unknown>;
  fields: readonly CustomField[];
}

export interface Capture {
  profile: ChatProfile;
  /** What was left out, and why: keys the channel does not have, values of the wrong type. */
  dropped: string[];
}

/** Page text read into a typed field: numbers and booleans when the text is unambiguous. */
function coerce(text: string, type: FieldType | undefined): unknown {
  if (type === 'Number' && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (type === 'Boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/**
 * The profile a new chat starts with, read when the chat is created (so single-page apps get the
 * page the customer is on now): `source.page`, the product metadata, then the explicit values.
 * Only keys in the channel's schema are kept; the rest are reported in `dropped`, never sent.
 */
export function capturePage(doc: Document, input: CaptureInput): Capture {
  const candidate: Record<string, unknown> = { 'source.page': readPageUrl(doc, input.page) };
  if (input.pageMetadata !== false) {
    Object.assign(candidate, readProduct(doc));
    const mapping = input.pageMetadata || {};
    for (const rawKey of Object.keys(mapping)) {
      const key = normalizeKey(rawKey);
      const source = mapping[rawKey];
      delete candidate[key];
      const text = typeof source === 'string' && source ? readSource(doc, source) : undefined;
      if (text !== undefined) candidate[key] = coerce(text, input.fields.find((f) => f.key === key)?.type);
    }
  }
  for (const key of Object.keys(input.explicit)) candidate[normalizeKey(key)] = input.explicit[key];

  const profile: ChatProfile = {};
  const dropped: string[] = [];
  for (const key of Object.keys(candidate)) {
    if (candidate[key] === undefined) continue;
    const check = validateProfile({ [key]: candidate[key] }, input.fields.filter((f) => !f.archived), 'sdk');
    if (check.ok) Object.assign(profile, check.profile);
    else dropped.push(check.message);
  }
  return { profile, dropped };
}
