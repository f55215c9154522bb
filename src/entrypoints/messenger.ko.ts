// messenger.ko.js: the messenger's strings in Korean, imported by messenger.js when the customer's language is ko.
export { messenger as strings } from '../shared/i18n/ko';
