import { charLength, keepFlatValues, type FlatRule } from '../shared/checkFlatValues';
import { matchLanguage } from '../shared/matchLanguage';
import { LIMITS } from '../shared/limits';
import { doc, win } from '../browser/env';

/**
 * The commands' arguments, read after Channel Talk's rule: a value its SDK accepts never stops a
 * command. A rule returns the value to use (normalised: a numeric memberId becomes its decimal
 * string, a language tag the closest language), or `undefined` to leave it out — with a warning
 * naming it and what was done, unless JSON would have left it out too — or refuses a real mistake
 * with a sentence naming the argument and the rule: the text of the Error the callback receives.
 */
type Rule = (value: unknown, name: string, warn: (message: string) => void) => unknown;

/** A refusal travels as a thrown `Refusal` up to validateArgs, which returns its message. */
interface Refusal {
  refused: string;
}

function refuse(message: string): never {
  throw { refused: message } satisfies Refusal;
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (min: number, max: number): Rule => (value, name) =>
  typeof value === 'string' && charLength(value) >= min && charLength(value) <= max ? value : refuse(`${name} must be a string of ${min} to ${max} characters`);

const appearance: Rule = (value, name) =>
  value === null || ['light', 'dark', 'system'].indexOf(value as string) >= 0 ? value : refuse(`${name} must be one of 'light', 'dark', 'system' or null`);

const bool: Rule = (value, name) => (typeof value === 'boolean' ? value : refuse(`${name} must be true or false`));

const stringList: Rule = (value, name) => {
  if (!Array.isArray(value) || value.length > LIMITS.tags) refuse(`${name} must be an array of at most ${LIMITS.tags} strings`);
  const bad = value.findIndex((tag) => typeof tag !== 'string' || !tag.trim() || charLength(tag) > LIMITS.tag);
  return bad < 0 ? value : refuse(`${name}[${bad}] must be a non-empty string of at most ${LIMITS.tag} characters`);
};

const unstorable = (name: string, warn: (message: string) => void) => warn(`${name} is not a value Sangdam can store; left out`);

const object: Rule = (value, name) => (isPlainObject(value) ? value : refuse(`${name} must be an object`));

/** A flat object of values (limits in LIMITS): those that cannot be stored are left out, each with a warning. */
const flat = (rule: FlatRule): Rule => (value, name, warn) =>
  keepFlatValues(object(value, name, warn) as Record<string, unknown>, rule, (key) => unstorable(`${name}.${key}`, warn));

const userProfile = flat({ maxKeys: LIMITS.profileKeys, lists: true });
const pageMetadata = flat({ maxKeys: LIMITS.pageMetadataKeys });

/** `null`, Channel Talk's "reset the whole value", is not done here: the value stays, and we say so. */
const noReset = (rule: Rule): Rule => (value, name, warn) =>
  value === null ? warn(`${name}: null (a reset) is not supported; left unchanged`) : rule(value, name, warn);

/**
 * memberId, memberHash: empty is an anonymous visitor, a number its decimal string (NaN and
 * Infinity are left out). An overlong string is refused: dropping it would boot a member as a stranger.
 */
const identity = (max: number): Rule => (value, name, warn) =>
  value === '' || value === null
    ? undefined
    : Number.isFinite(value)
      ? String(value)
      : typeof value === 'number'
        ? unstorable(name, warn)
        : text(1, max)(value, name, warn);

const language: Rule = (value, name) =>
  typeof value === 'string' ? matchLanguage(value) : value === null ? undefined : refuse(`${name} must be a language tag like 'en-US'`);

/** The absolute http(s) URL a string stands for (relative ones resolved against the page), if any. */
export function resolveUrl(value: string, base?: string): string | undefined {
  try {
    const url = new URL(value, base);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const apiBase: Rule = (value, name) =>
  (typeof value === 'string' && resolveUrl(value)) || refuse(`${name} must be an absolute http(s) URL`);

/** setPage's page, resolved when it is called (a single-page app moves on): always an absolute URL. */
const page: Rule = (value, name, warn) =>
  (typeof value === 'string' && charLength(value) <= LIMITS.url && resolveUrl(value, win && win.location.href)) ||
  warn(`${name} '${value}' is not an http(s) URL of at most ${LIMITS.url} characters; the page stays as it was`);

/** A selector the page cannot query is left out: the default launcher shows instead of no widget. */
const selector: Rule = (value, name, warn) => {
  try {
    doc!.createDocumentFragment().querySelector(value as string);
    if (typeof value === 'string' && value) return value;
  } catch {
    /* left out below */
  }
  return warn(`${name} '${value}' is not a CSS selector; the default launcher shows instead`);
};

const fn: Rule = (value, name) => (typeof value === 'function' ? value : refuse(`${name} must be a function`));

/**
 * An options object: each known key read by its rule, `undefined` values dropped as JSON would,
 * unknown keys refused — or, with `lenient`, ignored with a warning (Channel Talk has options we lack).
 */
const fields = (rules: Record<string, Rule>, lenient?: boolean, required?: string): Rule => (value, name, warn) => {
  if (!isPlainObject(value)) refuse(`${name} must be an object`);
  if (required && value[required] === undefined) refuse(`${name}.${required} is required`);
  const read: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    // A boot option given as null means "not given" (plain-JS configs write it so); updateUser's
    // nulls are resets, which its rules answer.
    if (value[key] === undefined || (lenient && value[key] === null)) continue;
    const known = Object.prototype.hasOwnProperty.call(rules, key);
    if (!known && !lenient) refuse(`${name}.${key} is not a user field (allowed: ${Object.keys(rules).join(', ')})`);
    const result = known ? rules[key](value[key], `${name}.${key}`, warn) : warn(`${name}.${key} is not an option Sangdam knows; ignored`);
    if (result !== undefined) read[key] = result;
  }
  return read;
};

const BOOT = fields(
  {
    pluginKey: text(1, LIMITS.pluginKey),
    memberId: identity(LIMITS.memberId),
    memberHash: identity(LIMITS.secret),
    profile: (v, n, w) => (v === null ? undefined : userProfile(v, n, w)),
    language,
    appearance,
    customLauncherSelector: selector,
    hideChannelButtonOnBoot: bool,
    hidePopup: bool,
    zIndex: (v, n) => (Number.isFinite(v) ? Math.round(v as number) : refuse(`${n} must be a number`)),
    trackDefaultEvent: bool,
    trackUtmSource: bool,
    unsubscribe: bool,
    unsubscribeEmail: bool,
    unsubscribeTexting: bool,
    apiBase,
    nonce: text(1, 200),
    pageMetadata: (v, n, w) => (v === false ? v : pageMetadata(v, n, w)),
  },
  true,
  'pluginKey',
);

const USER = fields({
  language,
  profile: noReset(userProfile),
  profileOnce: userProfile,
  tags: noReset(stringList),
  unsubscribeEmail: bool,
  unsubscribeTexting: bool,
});

/**
 * Chat-profile values: the profile tools check them against the channel's schema (updateProfile
 * before anything travels, setPage when the chat starts); `undefined` ones are dropped as JSON would.
 */
const chatProfile: Rule = (value, name, warn) => {
  const read = { ...(object(value, name, warn) as Record<string, unknown>) };
  for (const key of Object.keys(read)) if (read[key] === undefined) delete read[key];
  return read;
};

/**
 * The rule for each positional argument of each command that takes arguments; a name ending in
 * `?` marks an argument that may be left out (or given as `null`).
 */
const ARGS: Record<string, [string, Rule][]> = {
  boot: [['option', BOOT]],
  openChat: [
    // An id no chat can have opens the messenger's home, as for an unknown id; an overlong message is cut.
    ['chatId?', (v) => String(v).slice(0, 100)],
    ['message?', (v) => (typeof v === 'string' ? v.slice(0, LIMITS.messageText) : undefined)],
  ],
  track: [['eventName', text(1, LIMITS.eventName)], ['properties?', flat({ maxKeys: LIMITS.eventProperties })]],
  updateUser: [['user', USER]],
  addTags: [['tags', stringList]],
  removeTags: [['tags', stringList]],
  setPage: [['page', page], ['chatProfile?', chatProfile]],
  setAppearance: [['appearance', appearance]],
  updateProfile: [['chatProfile', chatProfile]],
};

/**
 * Reads a command's arguments in place (normalised copies; the caller's objects are left alone)
 * and returns the first real mistake as a sentence, or undefined.
 * @example validateArgs('boot', [{ pluginKey: 'k', memberId: 42 }], warn) // undefined; memberId is now '42'
 */
export function validateArgs(command: string, args: unknown[], warn: (message: string) => void): string | undefined {
  const rules = ARGS[command] || (/^on[A-Z]/.test(command) ? [['callback', fn] as [string, Rule]] : []);
  try {
    rules.forEach(([name, rule], i) => {
      const optional = name.endsWith('?');
      if (optional && args[i] == null) args[i] = undefined;
      else args[i] = rule(args[i], optional ? name.slice(0, -1) : name, (message) => warn(`${command}: ${message}`));
    });
    return undefined;
  } catch (error) {
    if (!error || !(error as Refusal).refused) throw error;
    return `${command}: ${(error as Refusal).refused}`;
  }
}
