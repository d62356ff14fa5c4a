// The launcher: <script src="https://bot.example/embed.js" data-bot-url="https://bot.example" data-title="Help"
// data-color="#0a84ff" data-locale="es-ES" async></script> adds a chat button to any page, opening the chat in an
// iframe panel. data-locale (else the host page's lang) picks the chat's language and the launcher's words.
// Styles are set through the DOM (no <style> element), so it also works on pages with a strict CSP.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__helpdeskChatLoaded) return;
  window.__helpdeskChatLoaded = true;

  var attr = function (name) { return (script.getAttribute('data-' + name) || '').trim(); };
  var botUrl = (attr('bot-url') || new URL(script.src, window.location.href).origin).replace(/\/+$/, '');
  var botOrigin = new URL(botUrl, window.location.href).origin;
  // The launcher's words per language, written in by the server from knowledge (bot/routes/web.ts).
  var WORDS = {/*WORDS*/};
  var SOURCE = '/*SOURCE*/';
  var locale = attr('locale') || document.documentElement.getAttribute('lang') || '';
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/.test(locale)) locale = '';
  var words = WORDS[locale.toLowerCase().split('-')[0]] || WORDS[SOURCE] || {};
  var title = attr('title') || words.launcher || 'Chat';
  var color = /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(attr('color')) ? attr('color') : '#0a84ff';
  var side = attr('position') === 'left' ? 'left' : 'right';
  var open = false;
  var panel = null;

  function css(el, styles) { for (var k in styles) el.style.setProperty(k, styles[k]); return el; }

  var button = css(document.createElement('button'), {
    position: 'fixed', bottom: '20px', width: '60px', height: '60px', 'border-radius': '50%', border: '0',
    background: color, color: '#fff', cursor: 'pointer', 'z-index': '2147483000', padding: '0',
    'box-shadow': '0 6px 20px rgba(0,0,0,.25)', display: 'flex', 'align-items': 'center', 'justify-content': 'center',
  });
  button.style.setProperty(side, '20px');
  button.type = 'button';
  button.setAttribute('aria-label', title);
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'helpdesk-chat-panel');
  // Built node by node, not with innerHTML: hosts that enforce Trusted Types would refuse the markup.
  var SVG = 'http://www.w3.org/2000/svg';
  var icon = document.createElementNS(SVG, 'svg');
  var path = document.createElementNS(SVG, 'path');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('width', '28');
  icon.setAttribute('height', '28');
  icon.setAttribute('aria-hidden', 'true');
  icon.setAttribute('focusable', 'false');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M12 3C6.5 3 2 6.9 2 11.6c0 2.5 1.3 4.8 3.4 6.4L4.6 21l3.6-1.8c1.2.4 2.5.6 3.8.6 5.5 0 10-3.9 10-8.6S17.5 3 12 3z');
  icon.appendChild(path);
  button.appendChild(icon);

  function layout() {
    if (!panel) return;
    var small = window.matchMedia('(max-width: 480px)').matches;
    css(panel, small
      ? { top: '0', bottom: '0', left: '0', right: '0', width: '100%', height: '100%', 'border-radius': '0' }
      : { top: 'auto', bottom: '92px', width: '380px', height: 'min(640px, calc(100vh - 120px))', 'border-radius': '16px' });
    if (!small) { panel.style.setProperty(side, '20px'); panel.style.removeProperty(side === 'left' ? 'right' : 'left'); }
  }

  function createPanel() {
    panel = css(document.createElement('div'), {
      position: 'fixed', 'z-index': '2147483001', overflow: 'hidden', background: '#fff',
      'box-shadow': '0 12px 40px rgba(0,0,0,.3)', display: 'none',
    });
    panel.id = 'helpdesk-chat-panel';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', title);
    var frame = css(document.createElement('iframe'), { border: '0', width: '100%', height: '100%', display: 'block' });
    frame.title = title;
    frame.src = botUrl + '/?embed=1&color=' + encodeURIComponent(color) + (locale ? '&locale=' + encodeURIComponent(locale) : '');
    frame.setAttribute('allow', 'clipboard-write');
    panel.appendChild(frame);
    document.body.appendChild(panel);
    window.addEventListener('resize', layout);
  }

  function toggle(next) {
    open = typeof next === 'boolean' ? next : !open;
    if (open && !panel) createPanel(); // the chat loads on first open, so the host page pays nothing until then
    layout();
    panel.style.display = open ? 'block' : 'none';
    button.setAttribute('aria-expanded', String(open));
    if (!open) button.focus();
  }

  button.addEventListener('click', function () { toggle(); });
  document.addEventListener('keydown', function (e) { if (open && e.key === 'Escape') toggle(false); });
  window.addEventListener('message', function (e) {
    if (e.origin === botOrigin && e.data && e.data.type === 'helpdesk-chat:close') toggle(false);
  });

  function mount() { document.body.appendChild(button); }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
