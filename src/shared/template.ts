/**
 * Personalisation variables in survey questions and manager replies (SPEC §2.5).
 *
 * Syntax, exactly:
 * - `{{name}}` or `{{name|fallback}}`; spaces around the name and the fallback are ignored
 *   (`{{ user.name | 고객 }}` is `{{user.name|고객}}`).
 * - A name is dot-separated words, each a letter then letters, digits or `_`
 *   (`user.name`, `profile.productName`, `source.page`), at most `TEMPLATE_LIMITS.name` characters.
 * - `user.name` is the customer's name and `user.<key>` a key of the customer's profile (free-form,
 *   so any well-formed key is accepted); every other name is a chat-profile key and must be known.
 * - The fallback is plain text of at most `TEMPLATE_LIMITS.fallback` characters, without `{`/`}`.
 * - `\{{` is a literal `{{`; a lone `{` or `}` is text. A `{{` that is not a well-formed variable is
 *   refused by `checkTemplate` (and kept as text by `renderTemplate`).
 * - At most `TEMPLATE_LIMITS.variables` variables in one template.
 *
 * Rendering inserts values as text: nothing here produces or interprets markup.
 */

import { formatDatetime } from './formatDatetime';

export const TEMPLATE_LIMITS = { variables: 20, name: 70, fallback: 100 } as const;

export type TemplatePart = { type: 'text'; text: string } | { type: 'variable'; name: string; fallback: string | null };

/** One value a variable can take; null, undefined, '' and [] count as missing. */
export type TemplateValue = string | number | boolean | Date | readonly (string | number)[] | null | undefined;

const NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;
const USER_KEY = /^user\.[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

interface Parsed {
  parts: TemplatePart[];
  problems: string[];
}

function parse(template: string): Parsed {
  const parts: TemplatePart[] = [];
  const problems: string[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    if (template.startsWith('\\{{', i)) {
      text += '{{';
      i += 3;
      continue;
    }
    if (!template.startsWith('{{', i)) {
      text += template[i];
      i += 1;
      continue;
    }
    const end = template.indexOf('}}', i + 2);
    const body = end === -1 ? null : template.slice(i + 2, end);
    const problem = body === null ? 'is not closed with }}' : bodyProblem(body);
    if (problem) {
      problems.push(`${excerpt(template, i, end)} ${problem} (write \\{{ for literal braces)`);
      text += '{{';
      i += 2;
      continue;
    }
    const bar = body!.indexOf('|');
    const name = (bar === -1 ? body! : body!.slice(0, bar)).trim();
    const fallback = bar === -1 ? null : body!.slice(bar + 1).trim();
    if (text) parts.push({ type: 'text', text });
    text = '';
    parts.push({ type: 'variable', name, fallback });
    i = end + 2;
  }
  if (text) parts.push({ type: 'text', text });
  const count = parts.filter((part) => part.type === 'variable').length;
  if (count > TEMPLATE_LIMITS.variables) problems.push(`has ${count} variables, more than ${TEMPLATE_LIMITS.variables}`);
  return { parts, problems };
}

function bodyProblem(body: string): string | null {
  const bar = body.indexOf('|');
  const name = (bar === -1 ? body : body.slice(0, bar)).trim();
  if (!name) return 'has no variable name';
  if (name.length > TEMPLATE_LIMITS.name) return `has a name longer than ${TEMPLATE_LIMITS.name} characters`;
  if (!NAME.test(name)) return 'is not a variable name (words of letters, digits or _ joined by dots)';
  if (bar === -1) return null;
  const fallback = body.slice(bar + 1).trim();
  if (/[{}]/.test(fallback)) return 'has a fallback with { or }';
  if (Array.from(fallback).length > TEMPLATE_LIMITS.fallback) return `has a fallback longer than ${TEMPLATE_LIMITS.fallback} characters`;
  return null;
}

const excerpt = (template: string, start: number, end: number): string => {
  const shown = end === -1 ? template.slice(start, start + 20) : template.slice(start, end + 2);
  return shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
};

/** The template as text and variable parts; malformed braces stay text. */
export const parseTemplate = (template: string): TemplatePart[] => parse(template).parts;

/** The variable names a template uses, in order, each once. */
export const templateVariables = (template: string): string[] => [
  ...new Set(parseTemplate(template).flatMap((part) => (part.type === 'variable' ? [part.name] : []))),
];

/** Whether a text holds anything a template renders differently (a variable or an escape). */
export const isTemplate = (text: string): boolean => text.includes('{{');

/**
 * What is wrong with a template, one sentence per problem; empty when it can be saved.
 * `knownKeys` are the chat-profile keys of the channel (built-ins and custom fields); `user.name`
 * and any well-formed `user.<key>` are always accepted.
 * @example checkTemplate('{{profile.nope}}', ['source.page']) // ['unknown variable {{profile.nope}}']
 */
export function checkTemplate(template: string, knownKeys: Iterable<string>): string[] {
  const { parts, problems } = parse(template);
  const known = new Set(knownKeys);
  for (const name of new Set(parts.flatMap((part) => (part.type === 'variable' ? [part.name] : [])))) {
    if (!USER_KEY.test(name) && !known.has(name)) problems.push(`unknown variable {{${name}}}`);
  }
  return problems;
}

/** How values are written: Datetimes on the wall clock of `timeZone` (an IANA name; UTC when left out). */
export interface RenderOptions {
  timeZone?: string;
}

/** A value as text: lists joined with ', ', date-times as `YYYY-MM-DD HH:mm` in the time zone; '' when missing. */
export function formatTemplateValue(value: TemplateValue, { timeZone = 'UTC' }: RenderOptions = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? '' : formatDatetime(ms, timeZone).slice(0, 16);
  }
  return value.map((item) => formatTemplateValue(item)).filter(Boolean).join(', ');
}

/**
 * The template as plain text: each variable replaced by its value (`values` keyed by the full
 * name, e.g. `user.name`, `profile.productName`), or its fallback when missing, or nothing.
 * Date-times are written in `options.timeZone` (the channel's, from its operating hours).
 * @example renderTemplate('안녕하세요 {{user.name|고객}}님', {}) // '안녕하세요 고객님'
 */
export function renderTemplate(template: string, values: Readonly<Record<string, TemplateValue>>, options: RenderOptions = {}): string {
  return parseTemplate(template)
    .map((part) => {
      if (part.type === 'text') return part.text;
      const value = Object.hasOwn(values, part.name) ? formatTemplateValue(values[part.name], options) : '';
      return value || (part.fallback ?? '');
    })
    .join('');
}
