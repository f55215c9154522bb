// messenger.en.js: the panel's strings in English, loaded when the customer's language is en.
export { messenger as strings } from '../../shared/i18n/en';
