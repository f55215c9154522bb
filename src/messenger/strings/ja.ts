// messenger.ja.js: the panel's strings in Japanese, loaded when the customer's language is ja.
export { messenger as strings } from '../../shared/i18n/ja';
