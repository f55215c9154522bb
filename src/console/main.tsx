/** The manager console's entry, served at /console: renders into `<div id="app">`. */
import { mountConsole } from './mountConsole';

const container = document.getElementById('app');
if (container) mountConsole(container, { window });
