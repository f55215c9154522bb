// The satisfaction survey form, apart from the messenger so the survey's link page renders it too.
export { CsatForm, type CsatFormProps, type PendingChoice } from './CsatForm';
export { csatFormCss } from './csatForm.css';
export { csatStrings } from './csatStrings';
