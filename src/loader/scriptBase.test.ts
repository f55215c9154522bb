import { afterEach, describe, expect, it } from 'vitest';
import { scriptBase } from './scriptBase';

/** Makes `document.currentScript` answer `script` (null: as after the script's first task). */
function setCurrentScript(script: HTMLScriptElement | null) {
  Object.defineProperty(document, 'currentScript', { configurable: true, get: () => script });
}

function scriptWithSrc(src: string, attach = false): HTMLScriptElement {
  const script = document.createElement('script');
  // A type the test DOM does not run, so only the src attribute matters.
  script.type = 'text/plain';
  script.src = src;
  if (attach) document.head.appendChild(script);
  return script;
}

afterEach(() => {
  setCurrentScript(null);
  document.head.querySelectorAll('script').forEach((script) => script.remove());
});

describe('scriptBase', () => {
  it('talks to the origin when sdk.js is served at the root', () => {
    setCurrentScript(scriptWithSrc('https://example.com/sdk.js'));
    expect(scriptBase()).toEqual({ dir: 'https://example.com/', api: 'https://example.com' });
  });

  it('keeps the path prefix of an sdk.js served under one', () => {
    setCurrentScript(scriptWithSrc('https://example.com/chat/sdk.js'));
    expect(scriptBase()).toEqual({ dir: 'https://example.com/chat/', api: 'https://example.com/chat' });
  });

  it('drops the query string and fragment of the script URL', () => {
    setCurrentScript(scriptWithSrc('https://example.com/chat/sdk.js?v=3#boot'));
    expect(scriptBase()).toEqual({ dir: 'https://example.com/chat/', api: 'https://example.com/chat' });
  });

  it('finds the last sdk.js script tag by name when currentScript is missing', () => {
    setCurrentScript(null);
    scriptWithSrc('https://cdn.example/other.js', true);
    scriptWithSrc('https://old.example/sdk.js', true);
    scriptWithSrc('https://example.com/support/chat/sdk.js?v=2', true);
    scriptWithSrc('https://example.com/not-sdk.js', true);
    expect(scriptBase()).toEqual({ dir: 'https://example.com/support/chat/', api: 'https://example.com/support/chat' });
  });

  it("falls back to the page's origin when no script names sdk.js", () => {
    setCurrentScript(null);
    scriptWithSrc('https://cdn.example/bundle.js', true);
    expect(scriptBase()).toEqual({ dir: location.origin + '/', api: location.origin });
  });
});
