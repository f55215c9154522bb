// messenger.en.js: the messenger's strings in English, imported by messenger.js when the customer's language is en.
export { messenger as strings } from '../shared/i18n/en';
