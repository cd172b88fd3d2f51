/**
 * The chat widget served at GET /widget.js: framework-free, self-contained plain JavaScript that runs
 * on the customer's website, compiled into the API as a string (String.raw: no backticks or "${" inside).
 * `<script src="https://api.../widget.js" data-company="<id>">` reads the company's branding and
 * invitation rule, and draws its launcher and panel in a shadow root so the host page's CSS cannot
 * reach it. Identified visitors: data-user-id + data-user-signature (or window.SwitchboardChat).
 */
export const WIDGET_JS = String.raw`(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__switchboardChat) return;
  window.__switchboardChat = true;
  var base = new URL(script.src, location.href).origin;
  var company = Number(script.getAttribute('data-company'));
  var ident = window.SwitchboardChat || {};
  var who = {
    userId: script.getAttribute('data-user-id') || ident.userId || undefined,
    signature: script.getAttribute('data-user-signature') || ident.signature || undefined,
    name: script.getAttribute('data-user-name') || ident.name || undefined,
    email: script.getAttribute('data-user-email') || ident.email || undefined,
  };
  var storeKey = 'switchboard-chat-' + company;
  var chat = null;
  try { chat = JSON.parse(sessionStorage.getItem(storeKey) || 'null'); } catch (e) { chat = null; }
  var view = null, source = null, poller = null, config = null, open = false, counter = 0;

  function api(path, body) {
    var init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: JSON.stringify(body) };
    return fetch(base + '/chat/v1' + path, init).then(function (res) {
      return res.json().then(function (data) {
        if (!res.ok) { var err = new Error((data.error && data.error.message) || res.statusText); err.status = res.status; throw err; }
        return data;
      });
    });
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs || {}) node.setAttribute(k, attrs[k]);
    if (text) node.textContent = text;
    return node;
  }
  function clientId() { counter += 1; return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10) + '-' + counter; }
  function globMatch(pattern, url) {
    if (!pattern) return true;
    var re = new RegExp('^' + pattern.split('*').map(function (p) { return p.replace(/[.+?^$()|[\]\\{}]/g, '\\$&'); }).join('.*') + '$');
    return re.test(url);
  }

  api('/companies/' + company + '/widget').then(function (c) {
    config = c;
    if (c.enabled) mount();
  }).catch(function () {});

  function mount() {
    var host = el('div', { id: 'switchboard-chat' });
    document.body.appendChild(host);
    var root = host.attachShadow({ mode: 'open' });
    var p = config.primaryColor, a = config.accentColor;
    var style = el('style');
    style.textContent =
      ':host{all:initial}*{box-sizing:border-box;font-family:system-ui,sans-serif;font-size:14px}[hidden]{display:none!important}' +
      '.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:24px;padding:12px 18px;background:' + p + ';color:#fff;cursor:pointer;box-shadow:0 4px 12px rgba(0,0,0,.25)}' +
      '.invite{position:fixed;right:20px;bottom:76px;z-index:2147483000;max-width:260px;background:#fff;border-left:4px solid ' + a + ';padding:10px 12px;border-radius:6px;box-shadow:0 4px 12px rgba(0,0,0,.2);cursor:pointer}' +
      '.panel{position:fixed;right:20px;bottom:76px;z-index:2147483000;width:330px;height:440px;background:#fff;border-radius:10px;box-shadow:0 8px 24px rgba(0,0,0,.3);display:flex;flex-direction:column;overflow:hidden}' +
      '.head{background:' + p + ';color:#fff;padding:10px 12px;display:flex;justify-content:space-between;align-items:center}' +
      '.head button{background:transparent;color:#fff;border:1px solid rgba(255,255,255,.6);border-radius:4px;cursor:pointer;padding:2px 8px}' +
      '.status{padding:6px 12px;background:#f3f4f6;color:#374151;font-size:12px}' +
      '.log{flex:1;overflow-y:auto;padding:10px;display:flex;flex-direction:column;gap:6px}' +
      '.msg{max-width:80%;padding:6px 10px;border-radius:10px;white-space:pre-wrap;word-wrap:break-word}' +
      '.msg.visitor{align-self:flex-end;background:' + p + ';color:#fff}' +
      '.msg.agent{align-self:flex-start;background:#e5e7eb;color:#111}' +
      '.msg small{display:block;font-size:11px;opacity:.75}' +
      '.typing{padding:0 12px 6px;color:#6b7280;font-size:12px;font-style:italic}' +
      'form{display:flex;gap:6px;padding:8px;border-top:1px solid #e5e7eb}' +
      'form.contact{flex-direction:column}' +
      'input,textarea{flex:1;border:1px solid #d1d5db;border-radius:6px;padding:6px}' +
      'form button{background:' + a + ';border:0;border-radius:6px;padding:6px 12px;cursor:pointer;color:#111}';
    root.appendChild(style);

    var launcher = el('button', { class: 'launcher', id: 'sb-chat-launcher', type: 'button' }, 'Chat with us');
    var panel = el('div', { class: 'panel', id: 'sb-chat-panel', hidden: '' });
    var head = el('div', { class: 'head' });
    head.appendChild(el('strong', {}, config.brandName || 'Support'));
    var endButton = el('button', { type: 'button', id: 'sb-chat-end' }, 'End chat');
    var newButton = el('button', { type: 'button', id: 'sb-chat-new', hidden: '' }, 'New chat');
    head.appendChild(endButton);
    head.appendChild(newButton);
    var status = el('div', { class: 'status', id: 'sb-chat-status', role: 'status' }, 'Ask us anything.');
    var log = el('div', { class: 'log', id: 'sb-chat-log', 'aria-live': 'polite' });
    var typing = el('div', { class: 'typing', id: 'sb-chat-typing', hidden: '' }, 'Typing…');
    var form = el('form', { id: 'sb-chat-form' });
    var input = el('textarea', { id: 'sb-chat-input', rows: '2', placeholder: 'Type your message', 'aria-label': 'Message' });
    form.appendChild(input);
    form.appendChild(el('button', { type: 'submit', id: 'sb-chat-send' }, 'Send'));
    var contact = el('form', { class: 'contact', id: 'sb-chat-contact', hidden: '' });
    contact.appendChild(el('span', {}, 'Leave your name and email and we will answer by email.'));
    var cName = el('input', { name: 'name', placeholder: 'Name', 'aria-label': 'Name', required: '' });
    var cEmail = el('input', { name: 'email', type: 'email', placeholder: 'Email', 'aria-label': 'Email', required: '' });
    contact.appendChild(cName); contact.appendChild(cEmail);
    contact.appendChild(el('button', { type: 'submit' }, 'Send my details'));
    panel.appendChild(head); panel.appendChild(status); panel.appendChild(log); panel.appendChild(typing); panel.appendChild(form); panel.appendChild(contact);
    root.appendChild(panel); root.appendChild(launcher);

    function toggle(show) {
      open = show;
      if (show) { panel.removeAttribute('hidden'); hideInvite(); input.focus(); } else panel.setAttribute('hidden', '');
    }
    launcher.addEventListener('click', function () { toggle(!open); });

    var invite = null;
    function hideInvite() { if (invite) { invite.remove(); invite = null; } }
    if (config.invitation && !chat && globMatch(config.invitation.urlPattern, location.href)) {
      setTimeout(function () {
        if (open || chat) return;
        invite = el('div', { class: 'invite', id: 'sb-chat-invite', role: 'dialog' }, config.invitation.message);
        invite.addEventListener('click', function () { toggle(true); });
        root.appendChild(invite);
      }, config.invitation.afterSeconds * 1000);
    }

    function render() {
      if (!view) return;
      log.textContent = '';
      view.messages.forEach(function (m) {
        var bubble = el('div', { class: 'msg ' + m.from, 'data-id': String(m.id) });
        if (m.from === 'agent') bubble.appendChild(el('small', {}, m.author));
        bubble.appendChild(document.createTextNode(m.body));
        log.appendChild(bubble);
      });
      log.scrollTop = log.scrollHeight;
      var text;
      if (view.state === 'ended') text = view.endReason === 'agent' || view.endReason === 'visitor' ? 'This chat has ended. Thank you!' : 'Nobody could answer live; we will follow up by email.';
      else if (view.state === 'active') text = (view.agentName || 'An agent') + ' is chatting with you.';
      else if (view.place) text = 'Waiting for an agent. You are number ' + view.place + ' in the queue.';
      else text = 'Connecting you to ' + (view.agentName || 'an agent') + '...';
      status.textContent = text;
      var ended = view.state === 'ended';
      if (ended) form.setAttribute('hidden', ''); else form.removeAttribute('hidden');
      if (ended) endButton.setAttribute('hidden', ''); else endButton.removeAttribute('hidden');
      if (ended) newButton.removeAttribute('hidden'); else newButton.setAttribute('hidden', '');
      var ask = !view.hasEmail && (view.state === 'waiting' || (ended && view.endReason !== 'agent'));
      if (ask) contact.removeAttribute('hidden'); else contact.setAttribute('hidden', '');
      if (ended) { stopLive(); typing.setAttribute('hidden', ''); }
    }
    function refresh() {
      if (!chat) return Promise.resolve();
      return api('/chats/' + chat.id + '?token=' + encodeURIComponent(chat.token)).then(function (v) { view = v; render(); }).catch(function (e) {
        if (e.status === 401 || e.status === 404) { chat = null; sessionStorage.removeItem(storeKey); stopLive(); }
      });
    }
    function stopLive() {
      if (source) { source.close(); source = null; }
      if (poller) { clearInterval(poller); poller = null; }
    }
    function live() {
      stopLive();
      if (!chat) return;
      if (window.EventSource) {
        source = new EventSource(base + '/chat/v1/chats/' + chat.id + '/events?token=' + encodeURIComponent(chat.token));
        source.addEventListener('changed', function () { refresh(); });
        source.addEventListener('typing', function (event) {
          var on = false;
          try { on = JSON.parse(event.data).typing; } catch (e) { on = false; }
          typing.textContent = ((view && view.agentName) || 'Support') + ' is typing…';
          if (on) typing.removeAttribute('hidden'); else typing.setAttribute('hidden', '');
        });
        source.onerror = function () {
          // Falls back to polling while the stream is down; EventSource keeps retrying on its own.
          if (!poller) poller = setInterval(refresh, 3000);
        };
        source.onopen = function () { if (poller) { clearInterval(poller); poller = null; } };
      } else {
        poller = setInterval(refresh, 3000);
      }
    }
    function send(body, id, attempt) {
      var started = chat
        ? api('/chats/' + chat.id + '/messages', { token: chat.token, body: body, clientId: id })
        : api('/chats', { company: company, message: body, clientId: id, pageUrl: location.href.slice(0, 1000), userId: who.userId, signature: who.signature, name: who.name, email: who.email }).then(function (r) {
            chat = { id: r.chatId, token: r.token };
            sessionStorage.setItem(storeKey, JSON.stringify(chat));
            view = r.view; render(); live();
          });
      return started.then(refresh).catch(function (e) {
        // A network failure is retried with the same client id: the server stores the message once.
        if (!e.status && attempt < 3) return new Promise(function (r) { setTimeout(r, 1000 * attempt); }).then(function () { return send(body, id, attempt + 1); });
        status.textContent = 'Not sent: ' + e.message;
      });
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = input.value.trim();
      if (!body) return;
      input.value = '';
      send(body, clientId(), 1);
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
    });
    contact.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!chat) return;
      api('/chats/' + chat.id + '/contact', { token: chat.token, name: cName.value, email: cEmail.value }).then(refresh).catch(function (e) { status.textContent = e.message; });
    });
    newButton.addEventListener('click', function () {
      // The ended chat stays a ticket; the next message opens a new chat.
      stopLive();
      chat = null; view = null;
      sessionStorage.removeItem(storeKey);
      log.textContent = '';
      status.textContent = 'Ask us anything.';
      form.removeAttribute('hidden'); contact.setAttribute('hidden', ''); newButton.setAttribute('hidden', ''); endButton.removeAttribute('hidden');
    });
    endButton.addEventListener('click', function () {
      if (!chat) { toggle(false); return; }
      api('/chats/' + chat.id + '/leave', { token: chat.token }).then(refresh);
    });
    if (chat) { refresh().then(function () { if (chat) { live(); } }); }
  }
})();
`;
