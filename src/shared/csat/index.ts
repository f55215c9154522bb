export * from './scale';
export * from './settings';
export * from './surveyApplies';
export * from './surveyHoldsChat';
export * from './surveyProgress';
