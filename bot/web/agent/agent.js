// The agent inbox page: log in, list handoffs live (Server-Sent Events), open one, take it, write to the user, hand
// the user back to the bot at a step, or close it. Every text from a user or the API goes in with textContent only.
(function () {
  'use strict';
  var state = { csrf: null, agent: null, selected: null, detail: null, events: null, rows: [] };
  var $ = function (id) { return document.getElementById(id); };

  function show(id, on) { $(id).hidden = !on; }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function setStatus(text) { $('status').textContent = text || ''; }
  function minutes(seconds) { return seconds < 60 ? 'under a minute' : Math.round(seconds / 60) + ' min'; }

  function api(method, path, body) {
    var headers = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (state.csrf && method !== 'GET') headers['x-csrf-token'] = state.csrf;
    return fetch(path, { method: method, headers: headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (res) {
        return res.text().then(function (text) {
          var data = text ? JSON.parse(text) : {};
          if (res.status === 401 && path !== '/agent/api/login') loggedOut();
          if (!res.ok) throw new Error((data.error && data.error.message) || 'HTTP ' + res.status);
          return data;
        });
      });
  }
  var enc = encodeURIComponent;

  // ------------------------------------------------------------ login
  function loggedOut() {
    state.csrf = null; state.agent = null; state.selected = null;
    if (state.events) { state.events.close(); state.events = null; }
    show('inbox', false); show('logout', false); show('login', true);
    $('who').textContent = '';
    api('GET', '/agent/api/config').then(function (cfg) {
      var methods = cfg.methods || [];
      show('user-fields', methods.indexOf('password') >= 0);
      show('token-fields', methods.indexOf('token') >= 0);
      show('login-or', methods.length > 1);
    });
  }
  function loggedIn(session) {
    state.csrf = session.csrf; state.agent = session.agent;
    $('who').textContent = session.agent.name + (session.agent.tenant ? ' · ' + session.agent.tenant : '');
    show('login', false); show('logout', true); show('inbox', true);
    listen(); loadQueue();
  }
  $('login-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var token = $('token').value;
    var body = token ? { token: token, name: $('agent-name').value } : { username: $('username').value, password: $('password').value };
    $('login-error').textContent = '';
    api('POST', '/agent/api/login', body).then(function (session) {
      $('token').value = ''; $('password').value = '';
      loggedIn(session);
    }, function (err) { $('login-error').textContent = err.message; });
  });
  $('logout').addEventListener('click', function () { api('POST', '/agent/api/logout').then(loggedOut, loggedOut); });

  // ------------------------------------------------------------ live events
  function listen() {
    if (state.events) state.events.close();
    var source = new EventSource('/agent/api/events');
    state.events = source;
    source.addEventListener('ready', function () { setStatus('live'); loadQueue(); });
    source.addEventListener('queue', function (e) {
      var event = JSON.parse(e.data);
      loadQueue();
      if (event.conversationKey === state.selected) select(state.selected);
    });
    source.addEventListener('message', function (e) {
      var event = JSON.parse(e.data);
      if (event.conversationKey === state.selected) addLine(event.entry);
    });
    source.onerror = function () {
      setStatus('reconnecting…');
      // A closed stream after an expired login: check it, and go back to the login form if so.
      if (source.readyState === EventSource.CLOSED) api('GET', '/agent/api/session').then(function () { setTimeout(listen, 3000); }, function () {});
    };
  }

  // ------------------------------------------------------------ queue
  function rowMeta(h) {
    var where = h.state === 'active' ? 'with ' + h.agent.name : h.position ? '#' + h.position + ' in queue' : h.state;
    var parts = [h.reason.replace(/_/g, ' '), h.channel, where, 'waiting ' + minutes(h.waitingSeconds)];
    if (h.hub) parts.push('hub: ' + h.hub); // a Bot Framework hub (Omnichannel, …) answered handoff.initiate
    return parts.join(' · ');
  }
  function loadQueue() {
    return api('GET', '/agent/api/handoffs').then(function (data) {
      state.rows = data.handoffs;
      var list = $('queue-list');
      list.textContent = '';
      data.handoffs.forEach(function (h) {
        var item = el('li', 'queue__item' + (h.conversationKey === state.selected ? ' is-selected' : ''));
        item.setAttribute('data-key', h.conversationKey);
        item.setAttribute('data-state', h.state);
        var button = el('button', 'queue__open');
        button.type = 'button';
        button.appendChild(el('strong', null, h.user.name || h.user.id));
        button.appendChild(el('span', 'muted', rowMeta(h)));
        if (h.openedWhileUnavailable) button.appendChild(el('span', 'tag', 'arrived while closed'));
        button.addEventListener('click', function () { select(h.conversationKey); });
        item.appendChild(button);
        list.appendChild(item);
      });
      $('count').textContent = data.handoffs.length ? '(' + data.handoffs.length + ')' : '';
      show('queue-empty', data.handoffs.length === 0);
      if (state.selected && !data.handoffs.some(function (h) { return h.conversationKey === state.selected; })) clearDetail();
    }, function () {});
  }

  // ------------------------------------------------------------ one conversation
  function clearDetail() { state.selected = null; state.detail = null; show('detail-body', false); show('detail-empty', true); }
  function addLine(entry) {
    var who = entry.from === 'agent' ? (entry.name || 'Agent') : entry.from === 'user' ? (entry.name || 'User') : entry.from === 'bot' ? 'Bot' : 'System';
    var item = el('li', 'line line--' + entry.from);
    item.appendChild(el('span', 'line__who', who));
    // Bot lines carry the chat's markdown; the inbox shows them as plain text, without the bold markers.
    item.appendChild(el('span', 'line__text', entry.from === 'bot' ? entry.text.replace(/\*\*/g, '') : entry.text));
    $('transcript').appendChild(item);
    item.scrollIntoView({ block: 'nearest' });
  }
  function renderDetail(h) {
    var mine = h.state === 'active' && state.agent && h.agent && h.agent.id === state.agent.id;
    $('d-title').textContent = h.user.name || h.user.id;
    // The user's language first: the summary and transcript are in it.
    $('d-meta').textContent = rowMeta(h) + (h.language ? ' · language: ' + h.language : '') + (h.locale ? ' · ' + h.locale : '');
    var summary = $('d-summary'); summary.textContent = '';
    h.packet.summary.forEach(function (line) { summary.appendChild(el('li', null, line)); });
    if (!h.packet.summary.length) summary.appendChild(el('li', 'muted', 'Nothing yet: the user asked for a person first.'));
    var facts = $('d-facts'); facts.textContent = '';
    Object.keys(h.packet.facts).forEach(function (k) { facts.appendChild(el('dt', null, k)); facts.appendChild(el('dd', null, h.packet.facts[k])); });
    $('d-last').textContent = h.packet.lastUserWords ? 'Last words: “' + h.packet.lastUserWords + '”' : '';
    var step = $('step'); step.textContent = '';
    step.appendChild(el('option', null, '(no step: the bot just takes over)')).value = '';
    h.handBackSteps.forEach(function (s) { step.appendChild(el('option', null, s.title)).value = s.id; });
    $('transcript').textContent = '';
    h.transcript.forEach(addLine);
    $('take').hidden = h.state === 'active';
    $('message').disabled = $('send').disabled = !mine;
    $('message').placeholder = mine ? 'Write to the user…' : 'Take the conversation to write to the user';
    show('detail-empty', false); show('detail-body', true);
  }
  function select(key) {
    state.selected = key;
    Array.prototype.forEach.call(document.querySelectorAll('.queue__item'), function (li) { li.classList.toggle('is-selected', li.getAttribute('data-key') === key); });
    return api('GET', '/agent/api/handoffs/' + enc(key)).then(function (data) { if (state.selected === key) renderDetail(data.handoff); }, function (err) { $('detail-error').textContent = err.message; });
  }
  function act(path, body) {
    $('detail-error').textContent = '';
    return api('POST', '/agent/api/handoffs/' + enc(state.selected) + path, body).catch(function (err) { $('detail-error').textContent = err.message; throw err; });
  }
  $('take').addEventListener('click', function () { act('/take').then(function () { select(state.selected); loadQueue(); }); });
  $('hand-back').addEventListener('click', function () { act('/hand-back', $('step').value ? { stepId: $('step').value } : {}).then(clearDetail).then(loadQueue); });
  $('close').addEventListener('click', function () { act('/close').then(clearDetail).then(loadQueue); });
  $('composer').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = $('message').value.trim();
    if (!text) return;
    act('/messages', { text: text }).then(function () { $('message').value = ''; }, function () {});
  });
  $('message').addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); $('composer').requestSubmit(); }
  });
  setInterval(function () { if (state.agent) loadQueue(); }, 30000);

  api('GET', '/agent/api/session').then(loggedIn, function () {});
})();
