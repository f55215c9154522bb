// survey.js: the survey form, imported by messenger.js when a thread first holds a survey; it renders with messenger.js's Preact.
export * from '../csat/index';
