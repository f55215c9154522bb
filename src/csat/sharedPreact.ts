import { useSignal } from '../browser/trackSignals';
import { Fragment } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { jsx, jsxs } from 'preact/jsx-runtime';

/**
 * Every Preact export the survey form uses. The messenger hands it its own through `adoptPreact`
 * when it loads survey.js: one Preact per panel, or hooks and signals would not work across them.
 */
export const preactRuntime = { Fragment, jsx, jsxs, useLayoutEffect, useRef, useSignal };

/**
 * Where the form is bundled with the Preact it renders with (the link page, the npm build, the
 * tests), this does nothing. survey.js is built without Preact: its Preact imports are bound to
 * the runtime given here (rollup.config.mjs), so it must be called before the form renders.
 * @example const survey = await loadSurvey(); survey.adoptPreact(preactRuntime)
 */
export function adoptPreact(_runtime: typeof preactRuntime): void {}
