import { beforeEach, describe, expect, it } from 'vitest';
import type { CustomField } from '../shared/profile';
import { capturePage } from './capturePage';

const field = (key: string, type: CustomField['type'] = 'String', archived = false): CustomField => ({ key, type, names: {}, order: 0, archived });
const FIELDS = [field('profile.productName'), field('profile.productId'), field('profile.price', 'Number'), field('profile.brand'), field('profile.old', 'String', true)];

const page = (head: string, body = '') => {
  document.head.innerHTML = head;
  document.body.innerHTML = body;
};
const capture = (input: Partial<Parameters<typeof capturePage>[1]> = {}) => capturePage(document, { explicit: {}, fields: FIELDS, ...input });

beforeEach(() => page(''));

describe('capturePage', () => {
  it('records the location without fragment or credentials when there is no setPage or canonical', () => {
    history.replaceState(null, '', '/products/42?color=blue#reviews');
    expect(capture().profile['source.page']).toBe(`${location.origin}/products/42?color=blue`);
  });

  it('prefers the canonical URL, and setPage over both', () => {
    page('<link rel="canonical" href="https://shop.test/p/linen-shirt">');
    expect(capture().profile['source.page']).toBe('https://shop.test/p/linen-shirt');
    expect(capture({ page: '/checkout' }).profile['source.page']).toBe('/checkout');
  });

  it('reads the product from schema.org JSON-LD, inside @graph too', () => {
    page(`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
      {"@type":"Product","name":" Linen\\n shirt ","sku":"LS-042"}]}</script>`);
    expect(capture().profile).toMatchObject({ 'profile.productName': 'Linen shirt', 'profile.productId': 'LS-042' });
  });

  it('falls back to productID, then to Open Graph product tags, then to data attributes, value by value', () => {
    page(`<script type="application/ld+json">{"@type":"Product","productID":"P-7"}</script>
      <meta property="og:type" content="product"><meta property="og:title" content="Wool scarf">`);
    expect(capture().profile).toMatchObject({ 'profile.productName': 'Wool scarf', 'profile.productId': 'P-7' });
    page('<meta property="og:type" content="product.item"><meta property="og:title" content="Cap"><meta property="product:retailer_item_id" content="C-1">');
    expect(capture().profile).toMatchObject({ 'profile.productName': 'Cap', 'profile.productId': 'C-1' });
    page('', '<article data-sangdam-product-name="Mug" data-sangdam-product-id="M-9"></article>');
    expect(capture().profile).toMatchObject({ 'profile.productName': 'Mug', 'profile.productId': 'M-9' });
  });

  it('ignores og:title on a page that is not a product, and broken JSON-LD', () => {
    page('<meta property="og:type" content="article"><meta property="og:title" content="Blog post"><script type="application/ld+json">{oops</script>');
    expect(capture().profile['profile.productName']).toBeUndefined();
  });

  it('maps other sources with pageMetadata, typed by the field, and drops a default mapped to null', () => {
    page(`<script type="application/ld+json">{"@type":"Product","name":"Shirt","sku":"S1","brand":{"name":"Maison Lin"},"offers":[{"price":"59.00"}]}</script>`,
      '<span id="p" data-price="61.5">€61.50</span>');
    const { profile } = capture({ pageMetadata: { brand: 'jsonld:brand.name', price: 'selector:#p@data-price', productId: null } });
    expect(profile).toMatchObject({ 'profile.brand': 'Maison Lin', 'profile.price': 61.5, 'profile.productName': 'Shirt' });
    expect(profile['profile.productId']).toBeUndefined();
    expect(capture({ pageMetadata: { price: 'jsonld:offers.price' } }).profile['profile.price']).toBe(59);
  });

  it('turns metadata capture off with pageMetadata: false but still records the page', () => {
    page('<script type="application/ld+json">{"@type":"Product","name":"Shirt"}</script>');
    const { profile } = capture({ pageMetadata: false });
    expect(Object.keys(profile)).toEqual(['source.page']);
  });

  it('lets explicit values win over captured ones', () => {
    page('<script type="application/ld+json">{"@type":"Product","name":"Shirt","sku":"S1"}</script>');
    expect(capture({ explicit: { productName: 'Linen shirt (set by the app)' } }).profile['profile.productName']).toBe('Linen shirt (set by the app)');
  });

  it('keeps only keys of the schema and reports the others instead of sending them', () => {
    const { profile, dropped } = capture({ explicit: { coupon: 'X', old: 'y', price: 'cheap' } });
    expect(Object.keys(profile)).toEqual(['source.page']);
    expect(dropped).toEqual([
      "profile.coupon: is not a field of this channel's chat profile",
      "profile.old: is not a field of this channel's chat profile",
      'profile.price: must be a finite number (Number field)',
    ]);
  });

  it('treats page text as text: markup in JSON-LD stays literal and long values are bounded', () => {
    page(`<script type="application/ld+json">{"@type":"Product","name":"<img src=x onerror=alert(1)>${'x'.repeat(2000)}"}</script>`);
    const name = capture().profile['profile.productName'] as string;
    expect(name.startsWith('<img src=x onerror=alert(1)>')).toBe(true);
    expect(name.length).toBe(1000);
  });
});
