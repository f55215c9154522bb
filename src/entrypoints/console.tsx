/** The manager console's entry, served at /console: renders into `<div id="app">`. */
import { mountConsole } from '../console/mountConsole';

// The server is where this bundle came from: behind a proxy under a path prefix, that is the
// prefix (https://example.com/chat/console.js → https://example.com/chat), not the page's origin.
const base = new URL('.', import.meta.url).href.slice(0, -1);
const container = document.getElementById('app');
if (container) mountConsole(container, { window, base });
