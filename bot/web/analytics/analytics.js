// The analytics dashboard: outcome cards with their definitions, trends (Chart.js), per flow, the step funnel drawn on
// the flow (dagre lays it out, SVG draws it), CSAT, the unrecognized inbox, and drill-down from any number to its
// sessions and their redacted transcripts. Every text from the API goes in with textContent only.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var SVG = 'http://www.w3.org/2000/svg';
  var state = { csrf: null, meta: null, summary: null, filter: {}, charts: {} };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = String(text);
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function pct(r) { return r === null || r === undefined ? '—' : (r * 100).toFixed(1) + '%'; }
  function query(extra) {
    var p = new URLSearchParams();
    var f = Object.assign({}, state.filter, extra || {});
    Object.keys(f).forEach(function (k) { if (f[k] !== undefined && f[k] !== '') p.set(k, f[k]); });
    return p.toString();
  }
  function api(method, path, body) {
    var headers = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (state.csrf && method !== 'GET') headers['x-csrf-token'] = state.csrf;
    return fetch(path, { method: method, headers: headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (res) {
        return res.text().then(function (text) {
          var data = text ? JSON.parse(text) : {};
          if (res.status === 401 && path.indexOf('/agent/api/login') < 0) { showLogin(); throw new Error('log in first'); }
          if (!res.ok) throw new Error((data.error && data.error.message) || 'HTTP ' + res.status);
          return data;
        });
      });
  }
  function fail(err) { $('error').textContent = err.message; }

  // ------------------------------------------------------------ login (the agent inbox's)
  function showLogin() { $('dashboard').hidden = true; $('login').hidden = false; }
  $('login-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var token = $('token').value;
    var body = token ? { token: token, name: $('agent-name').value || 'Analyst' } : { username: $('username').value, password: $('password').value };
    api('POST', '/agent/api/login', body).then(function () { $('token').value = ''; $('password').value = ''; start(); },
      function (err) { $('login-error').textContent = err.message; });
  });

  // ------------------------------------------------------------ numbers that drill down
  function number(value, metric, title) {
    var b = el('button', 'num', value);
    b.type = 'button';
    b.dataset.metric = metric;
    b.title = 'Show the sessions behind this number';
    b.addEventListener('click', function () { drill(metric, title || metric); });
    return b;
  }

  var CARDS = [
    ['sessions', 'Sessions', '', null],
    ['engaged', 'Engaged', '', 'engagement'],
    ['resolved_confirmed', 'Resolved, confirmed', 'card--good', 'resolved_confirmed'],
    ['resolved_assumed', 'Resolved, assumed', 'card--soft', 'resolved_assumed'],
    ['escalated', 'Escalated', 'card--warn', 'escalated'],
    ['abandoned', 'Abandoned', 'card--bad', 'abandoned'],
  ];
  function definition(key) {
    var d = (state.meta.definitions || []).filter(function (x) { return x.key === key; })[0];
    return d ? d.text.replace(/\*\*|`/g, '') : '';
  }
  function renderCards(s) {
    var box = clear($('cards'));
    CARDS.forEach(function (c) {
      var card = el('article', 'card ' + c[2]);
      card.dataset.card = c[0];
      card.appendChild(el('div', 'card__label', c[1]));
      var value = el('div', 'card__value');
      value.appendChild(number(s[c[0]], c[0], c[1]));
      if (c[3]) value.appendChild(el('span', 'card__rate', pct(s.rates[c[3]])));
      card.appendChild(value);
      card.appendChild(el('p', 'card__def', definition(c[0])));
      if (c[0] === 'resolved_assumed' && s.awaiting_return) card.appendChild(el('p', 'card__def', s.awaiting_return + ' more awaiting the 72-hour return window; ' + s.in_progress + ' session(s) still in progress.'));
      box.appendChild(card);
    });
    var u = el('article', 'card');
    u.dataset.card = 'unrecognized';
    u.appendChild(el('div', 'card__label', 'Unrecognized rate'));
    var v = el('div', 'card__value', pct(s.rates.unrecognized));
    u.appendChild(v);
    var line = el('p', 'card__def');
    line.appendChild(number(s.unrecognized_messages, 'unrecognized', 'sessions with a message not understood'));
    line.appendChild(document.createTextNode(' of ' + s.user_messages + ' user messages not understood. Unrecognized rate: ' + definition('rates').split('Unrecognized rate: ')[1]));
    u.appendChild(line);
    box.appendChild(u);
    var c = el('article', 'card');
    c.dataset.card = 'csat';
    c.appendChild(el('div', 'card__label', 'CSAT'));
    c.appendChild(el('div', 'card__value', s.csat.mean === null ? '—' : s.csat.mean.toFixed(2)));
    c.appendChild(el('p', 'card__def', s.csat.responses + ' answer(s), response rate ' + pct(s.csat.response_rate) + '. ' + definition('csat')));
    box.appendChild(c);
  }

  // ------------------------------------------------------------ charts (Chart.js)
  function chart(id, config) {
    if (state.charts[id]) state.charts[id].destroy();
    state.charts[id] = new window.Chart($(id), config);
  }
  function renderTrend(s) {
    var days = s.days;
    var series = [['sessions', 'Sessions', '#8e8e93'], ['resolved_confirmed', 'Resolved, confirmed', '#1a9c4b'], ['resolved_assumed', 'Resolved, assumed', '#7cc49a'], ['escalated', 'Escalated', '#e08a00'], ['abandoned', 'Abandoned', '#c62828']];
    chart('trend', {
      type: 'line',
      data: { labels: days.map(function (d) { return d.date; }), datasets: series.map(function (x) { return { label: x[1], data: days.map(function (d) { return d[x[0]]; }), borderColor: x[2], backgroundColor: x[2], tension: 0.2 }; }) },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
  function renderCsat(s) {
    $('csat-line').textContent = s.csat.responses + ' of ' + s.csat.asked + ' asked answered (' + pct(s.csat.response_rate) + '), mean ' + (s.csat.mean === null ? '—' : s.csat.mean);
    chart('csat', {
      type: 'bar',
      data: { labels: ['1', '2', '3', '4', '5'], datasets: [{ label: 'Answers', data: ['1', '2', '3', '4', '5'].map(function (k) { return s.csat.scores[k]; }), backgroundColor: ['#c62828', '#e08a00', '#d4b000', '#7cc49a', '#1a9c4b'] }] },
      options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }

  // ------------------------------------------------------------ tables
  function table(node, head, rows) {
    clear(node);
    var tr = el('tr');
    head.forEach(function (h) { tr.appendChild(el('th', '', h)); });
    node.appendChild(tr);
    rows.forEach(function (r) {
      var row = el('tr');
      r.forEach(function (cell) { var td = el('td'); if (cell instanceof Node) td.appendChild(cell); else td.textContent = String(cell); row.appendChild(td); });
      node.appendChild(row);
    });
  }
  function renderFlows(s) {
    var cols = ['sessions', 'resolved_confirmed', 'resolved_assumed', 'escalated', 'abandoned', 'awaiting_return', 'in_progress'];
    table($('flows'), ['Flow', 'Sessions', 'Confirmed', 'Assumed', 'Escalated', 'Abandoned', 'Awaiting return', 'In progress'], s.flows.map(function (f) {
      return [flowTitle(f.flow)].concat(cols.map(function (c) { return number(f[c], 'flow:' + f.flow + ':' + c, flowTitle(f.flow) + ': ' + c); }));
    }));
  }
  function flowTitle(id) { var f = (state.meta.flows || []).filter(function (x) { return x.id === id; })[0]; return f ? f.title : id; }
  function stepTitle(flow, id) {
    var f = (state.meta.flows || []).filter(function (x) { return x.id === flow; })[0];
    var st = f && f.steps.filter(function (x) { return x.id === id; })[0];
    return st ? st.title : id;
  }
  var STEP_COLS = [['shown', 'Shown'], ['fixed', 'Fixed'], ['not_fixed', 'Not fixed'], ['already_tried', 'Already tried'], ['skipped', 'Skipped'], ['dropped', 'No answer'], ['escalated', 'Escalated here'], ['waiting', 'Waiting']];
  function renderSteps(s) {
    table($('steps'), ['Step'].concat(STEP_COLS.map(function (c) { return c[1]; })), s.steps.map(function (r) {
      return [stepTitle(r.flow, r.step)].concat(STEP_COLS.map(function (c) { return number(r[c[0]], 'step:' + r.flow + ':' + r.step + ':' + c[0], stepTitle(r.flow, r.step) + ': ' + c[1]); }));
    }));
  }
  function renderLists(s) {
    var reasons = clear($('reasons'));
    Object.keys(s.escalations.reasons).sort().forEach(function (k) {
      var li = el('li');
      var n = el('span', 'n');
      n.appendChild(number(s.escalations.reasons[k], 'reason:' + k, 'escalated: ' + k));
      li.appendChild(n);
      li.appendChild(el('span', '', k.replace(/_/g, ' ')));
      reasons.appendChild(li);
    });
    if (!reasons.firstChild) reasons.appendChild(el('li', 'muted', 'No escalations.'));
    var after = clear($('abandoned-after'));
    s.abandoned_after.forEach(function (a) { var li = el('li'); li.appendChild(el('span', 'n', a.sessions)); li.appendChild(el('span', '', a.said)); after.appendChild(li); });
    if (!after.firstChild) after.appendChild(el('li', 'muted', 'No abandoned sessions.'));
  }

  // ------------------------------------------------------------ the flow picture (dagre layout, SVG)
  function renderFlowPicture(s) {
    var box = clear($('flowpic'));
    var flow = (state.meta.flows || [])[0];
    if (s.flows.length) flow = (state.meta.flows || []).filter(function (f) { return f.id === s.flows[0].flow; })[0] || flow;
    if (!flow) return;
    $('flow-name').textContent = flow.title;
    var rows = {};
    s.steps.filter(function (r) { return r.flow === flow.id; }).forEach(function (r) { rows[r.step] = r; });
    var g = new window.dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 30, marginx: 12, marginy: 12 });
    g.setDefaultEdgeLabel(function () { return {}; });
    var W = 330, H = 58;
    flow.steps.forEach(function (st) { g.setNode(st.id, { width: W, height: H, kind: 'step', step: st }); });
    var escalated = 0;
    flow.steps.forEach(function (st) { escalated += (rows[st.id] || { escalated: 0 }).escalated; });
    g.setNode('@escalated', { width: 180, height: 44, kind: 'escalated' });
    flow.steps.forEach(function (st) {
      var r = rows[st.id] || { moved_on: {} };
      var targets = Object.assign({}, r.moved_on);
      if (st.next !== 'escalate' && targets[st.next] === undefined) targets[st.next] = 0;
      Object.keys(targets).forEach(function (to) { if (g.hasNode(to)) g.setEdge(st.id, to, { n: targets[to], kind: 'moved', width: 30, height: 14, labelpos: 'r' }); });
      if (st.next === 'escalate') g.setEdge(st.id, '@escalated', { n: r.escalated || 0, kind: 'escalated', width: 30, height: 14, labelpos: 'r' });
    });
    window.dagre.layout(g);
    var size = g.graph();
    var root = svg('svg', { width: Math.ceil(size.width), height: Math.ceil(size.height), viewBox: '0 0 ' + Math.ceil(size.width) + ' ' + Math.ceil(size.height), role: 'img', 'aria-label': 'The step funnel drawn on the flow' });
    var defs = svg('defs');
    var marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' });
    marker.appendChild(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow' }));
    defs.appendChild(marker);
    root.appendChild(defs);
    g.edges().forEach(function (e) {
      var edge = g.edge(e);
      var group = svg('g', { class: 'edge edge--' + edge.kind });
      var pts = edge.points;
      var d = 'M ' + pts.map(function (p) { return p.x.toFixed(1) + ' ' + p.y.toFixed(1); }).join(' L ');
      group.appendChild(svg('path', { d: d, 'marker-end': 'url(#arrow)' }));
      group.appendChild(svg('text', { x: (edge.x + 4).toFixed(1), y: (edge.y + 4).toFixed(1), 'data-edge': e.v + '>' + e.w }, edge.n + (edge.kind === 'moved' ? ' moved on' : ' escalated')));
      root.appendChild(group);
    });
    g.nodes().forEach(function (id) {
      var n = g.node(id);
      var group = svg('g', { class: 'node node--' + n.kind, transform: 'translate(' + (n.x - n.width / 2).toFixed(1) + ',' + (n.y - n.height / 2).toFixed(1) + ')', 'data-node': id });
      group.appendChild(svg('rect', { width: n.width, height: n.height, rx: 8 }));
      if (n.kind === 'step') {
        var r = rows[id] || { shown: 0, fixed: 0, not_fixed: 0, already_tried: 0, dropped: 0, escalated: 0 };
        group.appendChild(svg('text', { x: 10, y: 18, class: 'title' }, n.step.title.length > 44 ? n.step.title.slice(0, 43) + '…' : n.step.title));
        group.appendChild(svg('text', { x: 10, y: 35, class: 'counts' }, 'shown ' + r.shown + ' · fixed ' + r.fixed));
        group.appendChild(svg('text', { x: 10, y: 50, class: 'counts' }, 'not fixed ' + r.not_fixed + ' · tried ' + r.already_tried + ' · no answer ' + r.dropped + ' · escalated here ' + r.escalated));
        group.addEventListener('click', function () { drill('step:' + flow.id + ':' + id + ':shown', n.step.title + ': shown'); });
      } else {
        group.appendChild(svg('text', { x: 10, y: 19, class: 'title' }, 'Escalated (all steps)'));
        group.appendChild(svg('text', { x: 10, y: 35, class: 'counts' }, escalated + ' session(s)'));
      }
      root.appendChild(group);
    });
    box.appendChild(root);
  }

  // ------------------------------------------------------------ the unrecognized inbox
  function renderInbox(groups) {
    var list = clear($('inbox'));
    $('inbox-empty').hidden = groups.length > 0;
    groups.slice(0, 50).forEach(function (g) {
      var li = el('li');
      li.appendChild(el('strong', '', g.count + '× '));
      li.appendChild(el('span', '', '“' + g.leader + '”'));
      if (g.texts.length > 1) li.appendChild(el('div', 'texts', g.texts.slice(1, 8).map(function (t) { return '“' + t + '”'; }).join(' · ') + (g.texts.length > 8 ? ' …' : '')));
      var actions = el('div', 'actions');
      var select = el('select');
      (state.meta.intents || []).concat([{ name: 'out_of_scope', label: 'None of these (out of scope)' }]).forEach(function (i) {
        var o = el('option', '', i.label + ' (' + i.name + ')'); o.value = i.name; if (i.name === g.suggestion) o.selected = true; select.appendChild(o);
      });
      var add = el('button', '', 'Add to intent'); add.type = 'button';
      add.addEventListener('click', function () { api('POST', '/analytics/api/unrecognized/assign', { texts: g.texts, intent: select.value }).then(loadInbox, fail); });
      var ignore = el('button', '', 'Ignore'); ignore.type = 'button';
      ignore.addEventListener('click', function () { api('POST', '/analytics/api/unrecognized/ignore', { texts: g.texts }).then(loadInbox, fail); });
      actions.appendChild(select); actions.appendChild(add); actions.appendChild(ignore);
      li.appendChild(actions);
      list.appendChild(li);
    });
  }
  function loadInbox() { return api('GET', '/analytics/api/unrecognized?' + query()).then(function (r) { renderInbox(r.groups); }, fail); }

  // ------------------------------------------------------------ drill-down and transcripts
  function drill(metric, title) {
    $('drill').hidden = false;
    $('drill-title').textContent = title;
    $('transcript-box').hidden = true;
    api('GET', '/analytics/api/sessions?' + query({ metric: metric })).then(function (r) {
      $('drill-title').textContent = title + ' (' + r.total + ')';
      table($('drill-table'), ['Started (UTC)', 'Channel', 'Outcome', 'Flow / last step', 'Last thing the bot said', 'CSAT', ''], r.sessions.map(function (s) {
        var open = el('button', 'link', 'transcript'); open.type = 'button';
        open.addEventListener('click', function () { transcript(s); });
        return [s.started_at.replace('T', ' ').slice(0, 16), s.channel, s.outcome.replace(/_/g, ' '), (s.last_step ? stepTitle(s.flow, s.last_step) : s.flow || '—'), s.last_said || '', s.csat === undefined ? '' : s.csat, open];
      }));
      $('drill').scrollIntoView();
    }, fail);
  }
  function transcript(session) {
    api('GET', '/analytics/api/conversations/' + encodeURIComponent(session.conversation)).then(function (r) {
      $('transcript-box').hidden = false;
      $('transcript-title').textContent = 'Conversation ' + r.conversation + ' (this session highlighted; personal data redacted)';
      var list = clear($('transcript'));
      r.transcript.forEach(function (line) {
        var li = el('li', 'line--' + line.from + (line.at >= session.started_at && line.at <= session.last_at ? ' in-session' : ''));
        li.appendChild(el('span', 'from', line.from));
        li.appendChild(el('span', '', line.text));
        list.appendChild(li);
      });
      if (!list.firstChild) list.appendChild(el('li', 'muted', 'No transcript kept (transcripts are kept TRANSCRIPT_RETENTION_DAYS).'));
    }, fail);
  }
  $('drill-close').addEventListener('click', function () { $('drill').hidden = true; });

  // ------------------------------------------------------------ definitions, filters, start
  function renderDefinitions() {
    var dl = clear($('defs'));
    state.meta.definitions.forEach(function (d) { dl.appendChild(el('dt', '', d.term)); dl.appendChild(el('dd', '', d.text.replace(/\*\*|`/g, ''))); });
    var notes = clear($('notes'));
    state.meta.notes.forEach(function (n) { notes.appendChild(el('li', '', n.replace(/`/g, ''))); });
  }
  function render(s) {
    state.summary = s;
    $('period').textContent = (s.period.from || 'all dates') + ' → ' + (s.period.to || 'today') + ' (UTC)' + (s.filters.include_test ? ' · test traffic included' : '');
    $('unrec-rate').textContent = pct(s.rates.unrecognized) + ' of user messages';
    renderCards(s); renderTrend(s); renderFlows(s); renderSteps(s); renderFlowPicture(s); renderLists(s); renderCsat(s);
    document.body.dataset.ready = 'true';
  }
  function load() {
    document.body.dataset.ready = 'false';
    return Promise.all([api('GET', '/analytics/api/summary?' + query()).then(render), loadInbox()]).catch(fail);
  }
  $('filters').addEventListener('submit', function (event) {
    event.preventDefault();
    state.filter = { from: $('f-from').value, to: $('f-to').value, channel: $('f-channel').value.trim(), locale: $('f-locale').value.trim(), knowledge: $('f-knowledge').value.trim(), include_test: $('f-test').checked ? 'true' : '' };
    $('error').textContent = '';
    load();
  });
  function start() {
    api('GET', '/analytics/api/whoami').then(function (who) {
      if (!who.authenticated) { showLogin(); return undefined; }
      state.csrf = who.csrf;
      $('who').textContent = who.agent.name;
      return api('GET', '/analytics/api/meta').then(function (meta) {
        state.meta = meta;
        $('login').hidden = true; $('dashboard').hidden = false;
        renderDefinitions();
        return load();
      });
    }).catch(fail);
  }
  start();
})();
