// e2e setup file: a test fails when any page of the browsers it drove (launchBrowser) logged a
// console error or threw an uncaught error — a hydration mismatch, a failed request, a broken
// script — unless the test said it expects it (expectBrowserErrors). Errors logged in a
// `beforeAll` count against the file's first test.
import { afterEach, expect } from 'vitest';
import { takeBrowserErrors } from './browser';

afterEach(() => {
  expect(takeBrowserErrors(), 'errors in the browser console').toEqual([]);
});
