import { LIMITS } from '../shared/types';

/**
 * Argument checks for the commands. Each returns `undefined` when the arguments are fine, or a
 * sentence naming the argument and the rule — the text of the Error the callback receives.
 */
type Check = (value: unknown, name: string) => string | undefined;

const LANGUAGES = ['ko', 'en', 'ja'];
const APPEARANCES = ['light', 'dark', 'system'];

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optional = (check: Check): Check => (value, name) => (value === undefined ? undefined : check(value, name));

const text = (min: number, max: number): Check => (value, name) =>
  typeof value === 'string' && value.length >= min && value.length <= max
    ? undefined
    : `${name} must be a string of ${min} to ${max} characters`;

const oneOf = (values: string[], nullable = false): Check => (value, name) =>
  values.indexOf(value as string) >= 0 || (nullable && value === null)
    ? undefined
    : `${name} must be one of ${values.map((v) => `'${v}'`).join(', ')}${nullable ? ' or null' : ''}`;

const bool: Check = (value, name) => (typeof value === 'boolean' ? undefined : `${name} must be true or false`);

const stringList: Check = (value, name) => {
  if (!Array.isArray(value) || value.length > LIMITS.tags) return `${name} must be an array of at most ${LIMITS.tags} strings`;
  const bad = value.findIndex((tag) => typeof tag !== 'string' || !tag.trim() || tag.length > LIMITS.tag);
  return bad < 0 ? undefined : `${name}[${bad}] must be a non-empty string of at most ${LIMITS.tag} characters`;
};

/** A flat object of strings, finite numbers, booleans or null: the shape of a user profile or event properties. */
const flatObject: Check = (value, name) => {
  if (!isPlainObject(value)) return `${name} must be an object`;
  const keys = Object.keys(value);
  if (keys.length > 100) return `${name} must have at most 100 keys`;
  for (const key of keys) {
    const v = value[key];
    if (!key || key.length > 100) return `${name} keys must be 1 to 100 characters`;
    if (typeof v === 'string' ? v.length > LIMITS.profileValue : !(v === null || typeof v === 'boolean' || Number.isFinite(v)))
      return `${name}.${key} must be a string of at most ${LIMITS.profileValue} characters, a finite number, a boolean or null`;
  }
  return undefined;
};

const url: Check = (value, name) => {
  try {
    if (typeof value === 'string' && /^https?:$/.test(new URL(value).protocol)) return undefined;
  } catch {
    /* reported below */
  }
  return `${name} must be an absolute http(s) URL`;
};

const selector: Check = (value, name) => {
  if (typeof value !== 'string' || !value) return `${name} must be a CSS selector string`;
  try {
    document.createDocumentFragment().querySelector(value);
    return undefined;
  } catch {
    return `${name} is not a valid CSS selector: ${value}`;
  }
};

const fn: Check = (value, name) => (typeof value === 'function' ? undefined : `${name} must be a function`);

function checkFields(value: unknown, name: string, rules: Record<string, Check>, required: string[] = []): string | undefined {
  if (!isPlainObject(value)) return `${name} must be an object`;
  for (const key of required) if (value[key] === undefined) return `${name}.${key} is required`;
  for (const key of Object.keys(value)) {
    const rule = rules[key];
    const error = rule ? optional(rule)(value[key], `${name}.${key}`) : undefined;
    if (error) return error;
  }
  return undefined;
}

const BOOT_RULES: Record<string, Check> = {
  pluginKey: text(1, 100),
  memberId: text(1, LIMITS.memberId),
  memberHash: text(1, 256),
  profile: flatObject,
  language: oneOf(LANGUAGES),
  appearance: oneOf(APPEARANCES, true),
  customLauncherSelector: selector,
  hideChannelButtonOnBoot: bool,
  zIndex: (v, n) => (Number.isInteger(v) ? undefined : `${n} must be an integer`),
  trackDefaultEvent: bool,
  trackUtmSource: bool,
  apiBase: url,
  nonce: text(1, 200),
  pageMetadata: (v, n) => (v === false ? undefined : flatObject(v, n)),
};

/** Boot option keys we know; others (Channel Talk has more) are ignored with a warning. */
export const BOOT_KEYS = Object.keys(BOOT_RULES);

const USER_RULES: Record<string, Check> = {
  language: oneOf(LANGUAGES),
  profile: flatObject,
  profileOnce: flatObject,
  tags: stringList,
  unsubscribeEmail: bool,
  unsubscribeTexting: bool,
};

const chatProfile: Check = (value, name) => {
  if (!isPlainObject(value)) return `${name} must be an object`;
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (Array.isArray(v) ? stringList(v, `${name}.${key}`) : flatObject({ [key]: v }, name))
      return `${name}.${key} must be a string, a finite number, a boolean, an array of strings or null`;
  }
  return undefined;
};

/**
 * The rule for each positional argument of each command that takes arguments; a name ending in
 * `?` marks an argument that may be left out.
 */
const ARGS: Record<string, [string, Check][]> = {
  boot: [['option', (v, n) => checkFields(v, n, BOOT_RULES, ['pluginKey'])]],
  openChat: [
    ['chatId?', (v, n) => (v === null || typeof v === 'number' || (typeof v === 'string' && v.length <= 100) ? undefined : `${n} must be a chat id`)],
    ['message?', (v, n) => (v === null ? undefined : text(0, LIMITS.messageText)(v, n))],
  ],
  track: [['eventName', text(1, LIMITS.eventName)], ['properties?', flatObject]],
  updateUser: [
    ['user', (v, n) => {
      const unknown = isPlainObject(v) && Object.keys(v).find((key) => !USER_RULES[key]);
      return unknown ? `${n}.${unknown} is not a user field (allowed: ${Object.keys(USER_RULES).join(', ')})` : checkFields(v, n, USER_RULES);
    }],
  ],
  addTags: [['tags', stringList]],
  removeTags: [['tags', stringList]],
  setPage: [['page', text(1, LIMITS.url)], ['chatProfile?', chatProfile]],
  setAppearance: [['appearance', oneOf(APPEARANCES, true)]],
  updateProfile: [['chatProfile', chatProfile]],
};

/** Checks a command's arguments; returns the first problem as a sentence, or undefined. */
export function validateArgs(command: string, args: unknown[]): string | undefined {
  const rules = ARGS[command] || (/^on[A-Z]/.test(command) ? [['callback', fn] as [string, Check]] : []);
  for (let i = 0; i < rules.length; i++) {
    const [name, check] = rules[i];
    const optionalArg = name.endsWith('?');
    if (optionalArg && args[i] === undefined) continue;
    const error = check(args[i], optionalArg ? name.slice(0, -1) : name);
    if (error) return `${command}: ${error}`;
  }
  return undefined;
}
