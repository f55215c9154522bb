// The satisfaction survey form: survey.js, which the messenger loads when a thread shows a survey.
// The survey's link page renders the same form; ThreadSurvey wires it to the messenger's model.
export { CsatForm, type CsatFormProps, type PendingChoice } from './CsatForm';
export { csatFormCss } from './csatForm.css';
export { csatStrings } from './csatStrings';
export { ThreadSurvey } from './ThreadSurvey';
export { adoptPreact } from './sharedPreact';
