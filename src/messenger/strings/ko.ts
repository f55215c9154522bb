// messenger.ko.js: the panel's strings in Korean, loaded when the customer's language is ko.
export { messenger as strings } from '../../shared/i18n/ko';
