// The satisfaction survey form: survey.js, which the messenger loads when a thread shows a survey.
// The survey's link page renders the same form. The messenger's answer box comes with it, and
// ThreadSurvey wires the form to the messenger's model.
export { CsatForm, type CsatFormProps, type PendingChoice } from './CsatForm';
export { csatFormCss } from './csatForm.css';
export { csatStrings } from './csatStrings';
export { adoptPreact } from './sharedPreact';
export { createAnswerBox } from './createAnswerBox';
export { ThreadSurvey } from './ThreadSurvey';
