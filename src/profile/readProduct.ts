import { findProduct, readMeta } from './readSource';

const pick = (...values: unknown[]): string | undefined => {
  for (const value of values) {
    if (typeof value === 'string' || typeof value === 'number') {
      const text = String(value).replace(/\s+/g, ' ').trim().slice(0, 1000);
      if (text) return text;
    }
  }
  return undefined;
};

/**
 * The product on the page, each value from the first place that has it: schema.org Product JSON-LD
 * (`name`, `sku` or `productID`), else Open Graph product tags (`og:title` when `og:type` is a
 * product, `product:retailer_item_id`), else `data-sangdam-product-name` / `data-sangdam-product-id`.
 */
export function readProduct(doc: Document): { 'profile.productName'?: string; 'profile.productId'?: string } {
  const product = findProduct(doc) || {};
  const isOgProduct = /^product/.test(readMeta(doc, 'og:type') || '');
  const data = (name: string) => {
    const element = doc.querySelector(`[data-sangdam-product-${name}]`);
    return element ? element.getAttribute(`data-sangdam-product-${name}`) : undefined;
  };
  const name = pick(product.name, isOgProduct && readMeta(doc, 'og:title'), data('name'));
  const id = pick(product.sku, product.productID, isOgProduct && readMeta(doc, 'product:retailer_item_id'), data('id'));
  return { ...(name && { 'profile.productName': name }), ...(id && { 'profile.productId': id }) };
}
