// The chat page's script: gets a Direct Line token (kept in sessionStorage so a reload resumes the conversation)
// and renders Microsoft Web Chat into #webchat. No inline script: the CSP nonce is read from this script element.
(function () {
  'use strict';
  var STORAGE_KEY = 'helpdesk-chat/v1';
  var script = document.currentScript;
  var nonce = (script && script.nonce) || undefined;
  var body = document.body;
  var params = new URLSearchParams(window.location.search);
  var accent = /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(params.get('color') || '') ? params.get('color') : null;
  var statusEl = document.getElementById('chat-status');
  // The locale the page was opened with (embed.js data-locale, ?locale=), else the browser's: Web Chat's words follow
  // it, and the bot gets it on the conversation's start and on every message (activity.locale).
  var locale = body.getAttribute('data-locale') || navigator.language || 'en-US';

  if (accent) document.documentElement.style.setProperty('--accent', accent);
  var accentColor = accent || getComputedStyle(document.documentElement).getPropertyValue('--accent').trim() || '#0a5bd3';

  function load() {
    try { return JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) || 'null'); } catch (e) { return null; }
  }
  function save(session) {
    try { window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session)); } catch (e) { /* private mode: no resume */ }
  }
  function forget() {
    try { window.sessionStorage.removeItem(STORAGE_KEY); } catch (e) { /* nothing to forget */ }
  }
  function setStatus(state) {
    if (statusEl) statusEl.setAttribute('data-state', state);
  }

  // A saved conversation is resumed while its token has a minute left; otherwise a new one starts.
  function session() {
    var saved = load();
    if (saved && saved.token && saved.conversationId && saved.expiresAt - Date.now() > 60000) {
      return Promise.resolve(Object.assign({ resumed: true }, saved));
    }
    return fetch(body.getAttribute('data-token-url'), { method: 'POST', headers: { accept: 'application/json' } })
      .then(function (res) {
        if (!res.ok) throw new Error('token ' + res.status);
        return res.json();
      })
      .then(function (t) {
        var fresh = {
          token: t.token, conversationId: t.conversationId, userId: t.userId, domain: t.domain,
          ttl: t.expiresIn, expiresAt: Date.now() + t.expiresIn * 1000,
        };
        save(fresh);
        return fresh;
      });
  }

  function styleOptions() {
    return {
      accent: accentColor,
      backgroundColor: '#f7f8fa',
      primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
      bubbleBackground: '#ffffff', bubbleTextColor: '#1c2430', bubbleBorderColor: '#dfe3e8', bubbleBorderWidth: 1,
      bubbleBorderRadius: 16,
      bubbleFromUserBackground: accentColor, bubbleFromUserTextColor: '#ffffff', bubbleFromUserBorderWidth: 0,
      bubbleFromUserBorderRadius: 16,
      bubbleMaxWidth: 560, bubbleMinHeight: 40,
      suggestedActionLayout: 'flow', suggestedActionBorderRadius: 18, suggestedActionBackgroundColor: '#ffffff',
      suggestedActionBorderColor: accentColor, suggestedActionTextColor: accentColor, suggestedActionHeight: 36,
      cardEmphasisBackgroundColor: '#eef3fb', hideUploadButton: true, sendBoxHeight: 56,
      sendBoxBackground: '#ffffff', sendBoxButtonColor: accentColor, timestampColor: '#59636e',
      transcriptVisualKeyboardIndicatorColor: accentColor, paddingRegular: 12,
    };
  }

  function start(s) {
    var options = {
      token: s.token, domain: s.domain || window.location.origin + '/v3/directline', webSocket: params.get('transport') !== 'polling',
      // Without it the conversation's start (and so the welcome) comes with no locale (Web Chat issues 2930, 4039).
      conversationStartProperties: { locale: locale },
    };
    if (s.resumed) options.conversationId = s.conversationId; // GET /conversations/:id: new streamUrl, history replayed
    var directLine = window.WebChat.createDirectLine(options);
    var online = false;
    directLine.connectionStatus$.subscribe(function (status) {
      // 2 Online, 3 ExpiredToken, 4 FailedToConnect, 5 Ended (botframework-directlinejs ConnectionStatus)
      if (status === 2) { online = true; setStatus('online'); }
      else if (status >= 3) setStatus('offline');
      if (s.resumed && !online && status >= 3) { forget(); window.location.reload(); } // stale conversation: start afresh
    });
    // Web Chat refreshes the token every 15 minutes: keep the newest, so a reload resumes with a valid one.
    function persist() {
      if (directLine.token && directLine.token !== s.token) {
        s.token = directLine.token;
        s.expiresAt = Date.now() + (s.ttl || 1800) * 1000;
        save({ token: s.token, conversationId: s.conversationId, userId: s.userId, domain: s.domain, ttl: s.ttl, expiresAt: s.expiresAt });
      }
    }
    directLine.activity$.subscribe(persist);
    window.addEventListener('pagehide', persist);
    window.WebChat.renderWebChat({
      directLine: directLine,
      userID: s.userId,
      locale: locale,
      nonce: nonce,
      styleOptions: styleOptions(),
    }, document.getElementById('webchat'));
    window.helpdeskChat = { directLine: directLine, conversationId: s.conversationId }; // for tests and debugging
  }

  // Inside the embed iframe, the close button asks the launcher (embed.js) on the host page to close the panel.
  var closeButton = document.getElementById('chat-close');
  if (closeButton && body.classList.contains('embed') && window.parent !== window) {
    closeButton.hidden = false;
    closeButton.addEventListener('click', function () { window.parent.postMessage({ type: 'helpdesk-chat:close' }, '*'); });
  }

  session().then(start, function () { setStatus('offline'); });
})();
