/**
 * Reads one piece of page metadata named by a source string:
 * - `jsonld:<path>`   a property of the page's schema.org Product JSON-LD (`jsonld:brand.name`)
 * - `meta:<name>`     the content of `<meta property=name>` or `<meta name=name>` (`meta:og:title`)
 * - `selector:<css>`  the text of the first matching element, or `selector:<css>@<attribute>`
 * Whatever is read is untrusted text: whitespace is collapsed and the length bounded.
 */
const MAX_TEXT = 1000;
const PRODUCT_TYPES = ['Product', 'IndividualProduct', 'ProductGroup', 'ProductModel'];

const clean = (value: unknown): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  return text || undefined;
};

function isProduct(node: Record<string, unknown>): boolean {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).some((t) => PRODUCT_TYPES.indexOf(t as string) >= 0);
}

/** The first Product in the page's JSON-LD, looking into arrays, `@graph` and `mainEntity`. */
export function findProduct(doc: Document): Record<string, unknown> | undefined {
  const visit = (node: unknown, depth: number): Record<string, unknown> | undefined => {
    if (!node || typeof node !== 'object' || depth > 6) return undefined;
    if (Array.isArray(node)) {
      for (const item of node) {
        const found = visit(item, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    const obj = node as Record<string, unknown>;
    return isProduct(obj) ? obj : visit(obj['@graph'], depth + 1) || visit(obj.mainEntity, depth + 1);
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      const found = visit(JSON.parse(scripts[i].textContent || ''), 0);
      if (found) return found;
    } catch {
      /* a broken JSON-LD block is the page's problem, not a reason to fail */
    }
  }
  return undefined;
}

function readPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => {
    const value = Array.isArray(node) ? node[0] : node;
    return value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }, obj);
}

export function readMeta(doc: Document, name: string): string | undefined {
  const escaped = name.replace(/["\\]/g, '\\$&');
  const meta = doc.querySelector<HTMLMetaElement>(`meta[property="${escaped}"],meta[name="${escaped}"]`);
  return meta ? clean(meta.content) : undefined;
}

/** Reads a source string; undefined when the page has nothing there or the source is malformed. */
export function readSource(doc: Document, source: string): string | undefined {
  const colon = source.indexOf(':');
  const kind = source.slice(0, colon);
  const rest = source.slice(colon + 1);
  if (kind === 'jsonld') return clean(readPath(findProduct(doc), rest));
  if (kind === 'meta') return readMeta(doc, rest);
  if (kind === 'selector') {
    const at = rest.lastIndexOf('@');
    const selector = at > 0 ? rest.slice(0, at) : rest;
    try {
      const element = doc.querySelector(selector);
      if (!element) return undefined;
      return clean(at > 0 ? element.getAttribute(rest.slice(at + 1)) : element.textContent);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
