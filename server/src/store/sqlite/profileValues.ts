/**
 * How a chat's profile values are read in SQL where statistics and chat lists must agree: the
 * figure a manager clicks and the inbox it opens count the very same chats.
 */

/** The product a chat is about: its name, else its id (empty text counts as missing). */
export const PRODUCT_VALUE = `COALESCE(
  NULLIF(json_extract(c.profile, '$."profile.productName"'), ''),
  NULLIF(json_extract(c.profile, '$."profile.productId"'), ''))`;

export const SOURCE_PAGE_VALUE = `json_extract(c.profile, '$."source.page"')`;

/**
 * The JSON path of a profile key, bound as a parameter. Keys are built-in names or `profile.` +
 * letters, digits and _ (CUSTOM_KEY), so quoting them makes a safe path.
 */
export const profilePath = (key: string): string => `$."${key}"`;

/**
 * The rows `(value)` of one profile key of chat `c`: a List's items each, or a String's value.
 * `json_each` yields a lone row for a scalar, so one condition serves both types.
 */
export const VALUES_OF = (path: string) => `json_each(c.profile, ${path})`;
