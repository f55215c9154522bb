/* Sangdam snippet: paste before </body>. Calls made before sdk.js arrives are queued and replayed in order. */
(function () {
  var w = window;
  if (w.ChannelIO) {
    return w.console && w.console.warn('ChannelIO snippet included twice; the first one stays.');
  }
  var ch = function () {
    ch.c(arguments);
  };
  ch.q = [];
  ch.c = function (args) {
    ch.q.push(args);
  };
  w.ChannelIO = ch;
  function load() {
    if (w.ChannelIOInitialized) return;
    w.ChannelIOInitialized = true;
    var s = document.createElement('script');
    s.async = true;
    s.src = '__SDK_URL__';
    (document.head || document.body).appendChild(s);
  }
  if (document.readyState === 'complete') load();
  else {
    w.addEventListener('DOMContentLoaded', load);
    w.addEventListener('load', load);
  }
})();
