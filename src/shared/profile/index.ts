export * from './fields';
export * from './validateValue';
export * from './validateProfile';
