/**
 * `window.ChannelIO` as Channel Talk's loader declares it, for code that calls it directly
 * (`window.ChannelIO('boot', …)`). Shipped with the package's declarations only: inside the SDK,
 * `window.ChannelIO` may be missing, and the code says so.
 */
declare global {
  interface Window {
    /** What the snippet or `loadScript` installs: `ChannelIO('boot', option)`. */
    ChannelIO: {
      (...args: any[]): unknown;
      c?: (...args: any[]) => void;
      q?: ArrayLike<unknown>[];
    };
    ChannelIOInitialized?: boolean;
  }
}
export {};
