import { render } from 'preact';
import { ConsoleContext } from './context';
import { createConsole, type ConsoleDeps } from './model/createConsole';
import { App } from './shell/App';
import { addStyles, consoleStyles } from './styles';

/**
 * Renders the console into `container` and starts it; returns the function that takes it all
 * down again (effects, socket, listeners, styles). Tests pass their own fetch and WebSocket.
 * @example const stop = mountConsole(document.getElementById('app')!, { window })
 */
export function mountConsole(container: Element, deps: ConsoleDeps) {
  const model = createConsole(deps);
  const removeStyles = addStyles(deps.window.document, consoleStyles);
  const stop = model.start();
  render(
    <ConsoleContext.Provider value={model}>
      <App />
    </ConsoleContext.Provider>,
    container,
  );
  return {
    model,
    destroy() {
      render(null, container);
      stop();
      removeStyles();
    },
  };
}
