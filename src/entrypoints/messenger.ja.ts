// messenger.ja.js: the messenger's strings in Japanese, imported by messenger.js when the customer's language is ja.
export { messenger as strings } from '../shared/i18n/ja';
