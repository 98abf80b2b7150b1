// The chat screen: sidebar of chats, model picker, conversation and composer, talking to the
// JSON/SSE API of docs/api.md. The page embeds the first-paint state (in the API's shapes)
// so that nothing waits for a round trip; later changes come from the API.

import { readEvents } from './sse.js';
import { toSafeHtml, decorateCode } from './markdown.js';
import { format, time } from './i18n.js';

const app = document.getElementById('chat-app');
const initial = JSON.parse(app.dataset.state);
const texts = { ...document.getElementById('chat-texts').dataset };
const csrf = {
  header: document.querySelector('meta[name="_csrf_header"]').content,
  token: document.querySelector('meta[name="_csrf"]').content,
};

const el = {
  sidebar: document.getElementById('sidebar'),
  backdrop: document.getElementById('backdrop'),
  menuButton: document.getElementById('menu-button'),
  sidebarClose: document.getElementById('sidebar-close'),
  chatList: document.getElementById('chat-list'),
  model: document.getElementById('model'),
  conversation: document.getElementById('conversation'),
  emptyState: document.getElementById('empty-state'),
  title: document.getElementById('chat-title'),
  messages: document.getElementById('messages'),
  composer: document.getElementById('composer'),
  prompt: document.getElementById('prompt'),
  send: document.getElementById('send'),
  remaining: document.getElementById('remaining'),
  closedNotice: document.getElementById('closed-notice'),
  closedText: document.getElementById('closed-text'),
  quotaNotice: document.getElementById('quota-notice'),
  quotaText: document.getElementById('quota-text'),
  deleteDialog: document.getElementById('delete-dialog'),
  deleteName: document.getElementById('delete-name'),
};

/** How few remaining messages make the screen say how many are left. */
const FEW_LEFT = 5;
const MODEL_KEY = 'suhbat.model';
const DRAFT_KEY = 'suhbat.draft';

let chat = initial.chat;
let chats = initial.chats;
const models = initial.models;
/** The user's daily message quota ({quota, used, left, nearlyUsedUp, resetsAt}), null when none applies. */
let today = initial.today;
/** The AbortController of the answer that is streaming, if one is. */
let streaming = null;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

// ---- API ---------------------------------------------------------------------------------------

async function api(method, url, body) {
  const headers = { Accept: 'application/json', [csrf.header]: csrf.token };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw { error: 'offline', message: texts.offline };
  }
  if (!response.ok) {
    throw await errorOf(response);
  }
  return response.status === 204 ? null : response.json().catch(() => null);
}

/** The API's error {error, message}; anything else becomes a general sentence. */
async function errorOf(response) {
  try {
    const body = await response.json();
    if (body && body.message) {
      return { error: body.error || `http_${response.status}`, message: body.message };
    }
  } catch {
    // not JSON: a proxy's page or an empty body
  }
  return { error: `http_${response.status}`, message: texts.error };
}

async function refreshChats() {
  try {
    chats = await api('GET', '/api/chats');
    renderChatList();
  } catch {
    // the list on screen stays as it was; the next answer refreshes it again
  }
}

async function refreshChat() {
  if (!chat) {
    return;
  }
  try {
    const fresh = await api('GET', `/api/chats/${chat.id}`);
    Object.assign(chat, { used: fresh.used, limit: fresh.limit, readOnly: fresh.readOnly, closedReason: fresh.closedReason });
    updateComposer();
  } catch {
    // keep what the screen knows
  }
}

// ---- Sidebar -----------------------------------------------------------------------------------

function dayStart(date) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Today / Yesterday / Previous 7 days / Older, by the last change in the browser's own time zone. */
function groupOf(updatedAt, today) {
  const days = Math.round((today - dayStart(new Date(updatedAt))) / 86_400_000);
  if (days <= 0) {
    return 'today';
  }
  if (days === 1) {
    return 'yesterday';
  }
  return days <= 7 ? 'week' : 'older';
}

function renderChatList() {
  const today = dayStart(new Date());
  const groups = new Map([['today', []], ['yesterday', []], ['week', []], ['older', []]]);
  for (const item of chats) {
    groups.get(groupOf(item.updatedAt, today)).push(item);
  }
  const sections = [];
  for (const [name, items] of groups) {
    if (items.length === 0) {
      continue;
    }
    const section = element('section', 'chat-group');
    const heading = element('h2', null, texts[name]);
    heading.id = `group-${name}`;
    section.setAttribute('aria-labelledby', heading.id);
    const list = element('ul');
    list.append(...items.map(chatItem));
    section.append(heading, list);
    sections.push(section);
  }
  el.chatList.replaceChildren(...sections);
}

function chatItem(item) {
  const title = item.title || texts.untitled;
  const li = element('li', 'chat-item');
  const link = element('a', 'chat-link', title);
  link.href = `/c/${item.id}`;
  link.title = title;
  link.addEventListener('click', (event) => {
    // a new tab, a modified click or an answer in progress keep the browser's own navigation
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || streaming) {
      return;
    }
    event.preventDefault();
    openChat(item.id, true);
  });
  if (chat && chat.id === item.id) {
    link.setAttribute('aria-current', 'page');
  }
  const rename = iconButton('rename', `${texts.rename}: ${title}`,
    'M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4');
  rename.addEventListener('click', () => startRename(li, link, item));
  const remove = iconButton('delete', `${texts.delete}: ${title}`,
    'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3');
  remove.addEventListener('click', () => confirmDelete(item));
  const actions = element('div', 'chat-actions');
  actions.append(rename, remove);
  li.append(link, actions);
  return li;
}

function iconButton(name, label, path) {
  const button = element('button', `icon-button small ${name}`);
  button.type = 'button';
  button.setAttribute('aria-label', label);
  button.title = label;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  const shape = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  shape.setAttribute('d', path);
  svg.append(shape);
  button.append(svg);
  return button;
}

function startRename(li, link, item) {
  const input = element('input', 'rename-input');
  input.type = 'text';
  input.value = item.title || '';
  input.maxLength = 200;
  input.setAttribute('aria-label', texts.titleLabel);
  li.replaceChild(input, link);
  input.focus();
  input.select();
  let finished = false;
  const finish = async (save) => {
    if (finished) {
      return;
    }
    finished = true;
    const title = input.value.trim();
    if (save && title && title !== item.title) {
      try {
        await api('PATCH', `/api/chats/${item.id}`, { title });
        item.title = title;
        if (chat && chat.id === item.id) {
          showTitle(title);
        }
      } catch (error) {
        showNotice(error.message);
      }
    }
    renderChatList();
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(true);
    } else if (event.key === 'Escape') {
      finish(false);
    }
  });
  input.addEventListener('blur', () => finish(true));
}

function confirmDelete(item) {
  el.deleteName.textContent = item.title || texts.untitled;
  el.deleteDialog.returnValue = '';
  el.deleteDialog.showModal();
  el.deleteDialog.addEventListener('close', async () => {
    if (el.deleteDialog.returnValue !== 'delete') {
      return;
    }
    try {
      await api('DELETE', `/api/chats/${item.id}`);
    } catch (error) {
      showNotice(error.message);
      return;
    }
    if (chat && chat.id === item.id) {
      location.assign('/');
      return;
    }
    chats = chats.filter((other) => other.id !== item.id);
    renderChatList();
  }, { once: true });
}

function setSidebarOpen(open) {
  app.classList.toggle('sidebar-open', open);
  el.backdrop.hidden = !open;
  el.menuButton.setAttribute('aria-expanded', String(open));
  if (open) {
    el.sidebarClose.focus();
  }
}

// ---- Model picker ------------------------------------------------------------------------------

function renderModels() {
  const wanted = chat ? chat.model : localStorage.getItem(MODEL_KEY);
  const options = models.map((model) => {
    const option = element('option', null, model.name);
    option.value = model.id;
    if (model.description) {
      option.title = model.description;
    }
    return option;
  });
  if (chat && !models.some((model) => model.id === chat.model)) {
    // a model no longer offered still names the chat's model, but cannot be picked again
    const gone = element('option', null, chat.model);
    gone.value = chat.model;
    gone.disabled = true;
    options.unshift(gone);
  }
  el.model.replaceChildren(...options);
  if (wanted && options.some((option) => option.value === wanted)) {
    el.model.value = wanted;
  }
}

// ---- Messages ----------------------------------------------------------------------------------

function scrollToEnd(force) {
  const c = el.conversation;
  if (force || c.scrollHeight - c.scrollTop - c.clientHeight < 120) {
    c.scrollTop = c.scrollHeight;
  }
}

function showTitle(title) {
  el.title.textContent = title;
  document.title = `${title} · Suhbat`;
}

function hideEmptyState() {
  if (el.emptyState) {
    el.emptyState.remove();
    el.emptyState = null;
  }
}

function addUserMessage(text) {
  const article = element('article', 'message user');
  article.setAttribute('aria-label', texts.you);
  article.append(element('div', 'bubble', text));
  el.messages.append(article);
  return article;
}

/** One assistant message, rendered from markdown as its text grows. */
function addAssistantMessage(content = '') {
  const article = element('article', 'message assistant');
  article.setAttribute('aria-label', texts.assistant);
  const body = element('div', 'markdown');
  article.append(body);
  el.messages.append(article);
  let text = content;
  let frame = 0;
  const render = () => {
    frame = 0;
    body.innerHTML = toSafeHtml(text);
    decorateCode(body, texts);
    scrollToEnd(false);
  };
  const view = {
    article,
    get text() {
      return text;
    },
    streaming() {
      article.classList.add('streaming');
      article.setAttribute('aria-busy', 'true');
    },
    append(piece) {
      text += piece;
      if (!frame) {
        // one render per frame however fast the pieces come
        frame = requestAnimationFrame(render);
      }
    },
    finish() {
      if (frame) {
        cancelAnimationFrame(frame);
      }
      render();
      article.classList.remove('streaming');
      article.removeAttribute('aria-busy');
    },
    /** The passages the answer drew on: page and text; the page becomes a link once the answer is stored. */
    sources(list) {
      if (!list || list.length === 0) {
        return;
      }
      const details = element('details', 'sources');
      details.append(element('summary', null, `${texts.sources} (${list.length})`));
      const ol = element('ol');
      for (const source of list) {
        const li = element('li');
        // an <a> without href is no link yet: the answer's rank, part of the address, comes with "done"
        const page = element('a', 'source-page', format(texts.page, { n: source.page }));
        page.dataset.page = source.page;
        li.append(page, element('span', 'source-text', source.text));
        ol.append(li);
      }
      details.append(ol);
      article.append(details);
    },
    /** Each page opens, in a new tab, as a one-page PDF served only for this answer's citations. */
    linkSources(chatId, rank) {
      for (const page of article.querySelectorAll('.sources a.source-page')) {
        page.href = `/c/${chatId}/messages/${rank}/sources/${page.dataset.page}`;
        page.target = '_blank';
        page.rel = 'noopener';
        page.title = format(texts.sourceOpen, { n: page.dataset.page });
        page.setAttribute('aria-label', page.title);
      }
    },
    note(sentence) {
      article.append(element('p', 'message-note', sentence));
    },
  };
  if (content) {
    render();
  }
  return view;
}

/** A failure in the chat: a sentence, and a Retry button that answers the last message again. */
function showFailure(message, retry) {
  const box = element('div', 'message-error');
  box.setAttribute('role', 'alert');
  box.append(element('p', null, message));
  if (retry) {
    const button = element('button', 'button small', texts.retry);
    button.type = 'button';
    button.addEventListener('click', () => {
      box.remove();
      retry();
    });
    box.append(button);
  }
  el.messages.append(box);
  scrollToEnd(true);
  return box;
}

/** A short-lived problem that has no place in the conversation (a failed rename). */
function showNotice(message) {
  showFailure(message, null);
}

function clearFailures() {
  for (const box of el.messages.querySelectorAll('.message-error')) {
    box.remove();
  }
}

function renderHistory() {
  if (!chat) {
    return;
  }
  showTitle(chat.title || texts.untitled);
  const messages = chat.messages || [];
  let lastAnswer = null;
  for (const message of messages) {
    if (message.role === 'user') {
      addUserMessage(message.content);
      lastAnswer = null;
    } else {
      lastAnswer = addAssistantMessage(message.content);
      lastAnswer.sources(message.sources);
      lastAnswer.linkSources(chat.id, message.rank);
    }
  }
  // a chat left without a finished answer (a failure, a stop, a closed tab) can be answered again
  const last = messages[messages.length - 1];
  if (last && (last.role === 'user' || last.status === 'interrupted') && !chat.readOnly) {
    const partial = lastAnswer && lastAnswer.article;
    showFailure(partial ? texts.interrupted : texts.cut, () => regenerate(partial));
  }
  scrollToEnd(true);
}

/** Shows another chat without reloading the page; {@code push} adds it to the browser's history. */
async function openChat(id, push) {
  let fresh;
  try {
    fresh = await api('GET', `/api/chats/${id}`);
  } catch {
    location.assign(`/c/${id}`);
    return;
  }
  chat = fresh;
  if (push) {
    history.pushState({ chatId: id }, '', `/c/${id}`);
  }
  clearFailures();
  hideEmptyState();
  el.messages.replaceChildren();
  renderModels();
  renderHistory();
  renderChatList();
  updateComposer();
  setSidebarOpen(false);
  el.prompt?.focus();
}

// ---- Composer ----------------------------------------------------------------------------------

function closedSentence() {
  if (chat.closedReason === 'context_full') {
    return texts.contextFull;
  }
  if (chat.closedReason === 'model_deleted') {
    return texts.modelDeleted;
  }
  return format(texts.limit, { limit: chat.limit });
}

function resetTime() {
  return time(new Date(today.resetsAt));
}

function updateComposer() {
  const closed = Boolean(chat && (chat.readOnly || (chat.limit && chat.used >= chat.limit)));
  const outOfQuota = !closed && Boolean(today && today.left <= 0);
  el.closedNotice.hidden = !closed;
  if (closed) {
    el.closedText.textContent = closedSentence();
  }
  el.quotaNotice.hidden = !outOfQuota;
  if (outOfQuota) {
    el.quotaText.textContent = format(texts.quotaUsedUp, { quota: today.quota, time: resetTime() });
  }
  if (!el.composer) {
    return;
  }
  el.composer.hidden = closed || outOfQuota;
  const left = chat && chat.limit ? chat.limit - chat.used : null;
  const hints = [];
  if (!closed && left !== null && left <= FEW_LEFT) {
    hints.push(format(texts.left, { n: left }));
  }
  if (!closed && !outOfQuota && today && today.nearlyUsedUp) {
    hints.push(format(texts.todayLeft, { n: today.left, time: resetTime() }));
  }
  el.remaining.textContent = hints.join(' ');
  updateSendButton();
}

/** Asks how much of today's quota is left, and when it is used up, asks again once the day has turned. */
async function refreshAllowance() {
  try {
    const response = await fetch('/api/allowance', { headers: { Accept: 'application/json' } });
    if (response.ok) {
      today = (await response.json()).today;
      updateComposer();
      scheduleAllowanceRefresh();
    }
  } catch {
    // offline: the next answer or page load brings it
  }
}

let allowanceTimer = null;

function scheduleAllowanceRefresh() {
  clearTimeout(allowanceTimer);
  if (today && today.left <= 0) {
    const wait = Date.parse(today.resetsAt) - Date.now() + 1000;
    if (wait > 0 && wait < 2 ** 31 - 1) {
      allowanceTimer = setTimeout(refreshAllowance, wait);
    }
  }
}

function updateSendButton() {
  const busy = streaming !== null;
  el.send.classList.toggle('stop', busy);
  el.send.setAttribute('aria-label', busy ? texts.stop : texts.send);
  el.send.title = busy ? texts.stop : texts.send;
  el.send.disabled = !busy && el.prompt.value.trim() === '';
}

function growPrompt() {
  el.prompt.style.height = 'auto';
  el.prompt.style.height = `${Math.min(el.prompt.scrollHeight, 240)}px`;
}

function putBack(text) {
  if (el.prompt.value.trim() === '') {
    el.prompt.value = text;
  } else {
    el.prompt.value = `${text}\n${el.prompt.value}`;
  }
  growPrompt();
  updateSendButton();
}

// ---- Streaming an answer -----------------------------------------------------------------------

/**
 * POSTs to one of the streaming calls and renders the answer into {@code view}.
 * Answers {refused: {error, message}} when the server refused before storing anything,
 * otherwise {outcome: 'done' | 'failed' | 'stopped' | 'cut', message}.
 */
async function streamAnswer(url, body, view, sentModel) {
  const controller = new AbortController();
  streaming = controller;
  updateSendButton();
  view.streaming();
  try {
    let response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', [csrf.header]: csrf.token },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
    } catch {
      return controller.signal.aborted ? { outcome: 'stopped' } : { refused: { error: 'offline', message: texts.offline } };
    }
    if (!response.ok) {
      return { refused: await errorOf(response) };
    }
    let outcome = 'cut';
    let message = texts.cut;
    try {
      for await (const { event, data } of readEvents(response.body)) {
        if (event === 'chat') {
          chatCreated(data, sentModel);
        } else if (event === 'delta') {
          view.append(data.text);
        } else if (event === 'sources') {
          view.sources(data);
        } else if (event === 'done') {
          outcome = 'done';
          Object.assign(chat, { used: data.used, limit: data.limit, readOnly: data.readOnly, model: sentModel });
          today = data.today ?? null;
          scheduleAllowanceRefresh();
          view.linkSources(chat.id, data.rank);
        } else if (event === 'error') {
          outcome = 'failed';
          message = data.message || texts.error;
        }
      }
    } catch {
      outcome = controller.signal.aborted ? 'stopped' : 'cut';
    }
    return { outcome, message };
  } finally {
    streaming = null;
    view.finish();
    updateComposer();
  }
}

function chatCreated(data, model) {
  chat = { id: data.chatId, title: data.title, model, used: 1, limit: 0, readOnly: false, messages: [] };
  history.pushState({ chatId: chat.id }, '', `/c/${chat.id}`);
  showTitle(data.title || texts.untitled);
  const now = new Date().toISOString();
  chats = [{ id: chat.id, title: data.title, model, createdAt: now, updatedAt: now }, ...chats];
  renderChatList();
}

/** What follows an answer that ended, whatever way it ended. */
function afterAnswer(result, view) {
  const partial = view.text === '' ? null : view.article;
  if (result.outcome !== 'done' && !partial) {
    view.article.remove();
  }
  if (result.outcome === 'stopped' && partial) {
    view.note(texts.stopped);
  } else if (result.outcome === 'failed' || result.outcome === 'cut') {
    // without a chat (a new chat cut off before the server named it) there is nothing to answer again
    showFailure(result.message, chat ? () => regenerate(partial) : null);
  }
  refreshChats();
  if (result.outcome !== 'done') {
    refreshChat();
  }
  el.prompt?.focus();
}

async function send(text) {
  clearFailures();
  hideEmptyState();
  const model = el.model.value;
  const userMessage = addUserMessage(text);
  const view = addAssistantMessage();
  scrollToEnd(true);
  const isNew = !chat;
  const url = isNew ? '/api/chats' : `/api/chats/${chat.id}/messages`;
  const body = isNew ? { model, content: text } : { content: text };
  if (!isNew && model !== chat.model) {
    body.model = model;
  }
  const result = await streamAnswer(url, body, view, model);
  if (result.refused) {
    // nothing was stored: the text goes back where the user wrote it
    userMessage.remove();
    view.article.remove();
    putBack(text);
    if (result.refused.error === 'chat_limit_reached' && chat) {
      sessionStorage.setItem(DRAFT_KEY, text);
      chat.readOnly = true;
      chat.used = Math.max(chat.used, chat.limit);
      updateComposer();
    } else if (result.refused.error === 'daily_quota_reached') {
      sessionStorage.setItem(DRAFT_KEY, text);
      today = { ...(today || { quota: 0, used: 0, resetsAt: new Date().toISOString() }), left: 0 };
      updateComposer();
      refreshAllowance();
    } else {
      showFailure(result.refused.message, null);
    }
    return;
  }
  afterAnswer(result, view);
}

/** Answers the last user message again; {@code partial} is the interrupted answer it replaces. */
async function regenerate(partial) {
  clearFailures();
  partial?.remove();
  const view = addAssistantMessage();
  scrollToEnd(true);
  const result = await streamAnswer(`/api/chats/${chat.id}/regenerate`, {}, view, chat.model);
  if (result.refused) {
    view.article.remove();
    showFailure(result.refused.message, () => regenerate(null));
    return;
  }
  afterAnswer(result, view);
}

// ---- Wiring ------------------------------------------------------------------------------------

function wireComposer() {
  if (!el.composer) {
    return;
  }
  el.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    if (streaming) {
      // tell the server first, so it stops the answer now rather than when it next writes
      if (chat && chat.id) {
        api('POST', `/api/chats/${chat.id}/stop`).catch(() => {});
      }
      streaming.abort();
      return;
    }
    const text = el.prompt.value.trim();
    if (!text) {
      return;
    }
    el.prompt.value = '';
    growPrompt();
    send(text);
  });
  el.prompt.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter makes a new line; Enter that confirms an input method's word does neither
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (!streaming) {
        el.composer.requestSubmit();
      }
    }
  });
  el.prompt.addEventListener('input', () => {
    growPrompt();
    updateSendButton();
  });
}

function wire() {
  el.menuButton.addEventListener('click', () => setSidebarOpen(true));
  el.sidebarClose.addEventListener('click', () => setSidebarOpen(false));
  el.backdrop.addEventListener('click', () => setSidebarOpen(false));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && app.classList.contains('sidebar-open')) {
      setSidebarOpen(false);
      el.menuButton.focus();
    }
  });
  el.model.addEventListener('change', () => {
    // a new chat takes the last picked model; a chat's own model changes with its next message
    localStorage.setItem(MODEL_KEY, el.model.value);
  });
  // back and forward between chats stay on the page; any other address is the server's to render
  window.addEventListener('popstate', () => {
    const match = location.pathname.match(/^\/c\/(\d+)$/);
    if (match && !streaming) {
      openChat(Number(match[1]), false);
    } else {
      location.reload();
    }
  });
  wireComposer();
}

renderChatList();
renderModels();
renderHistory();
wire();
updateComposer();
scheduleAllowanceRefresh();
if (!chat && el.prompt) {
  const draft = sessionStorage.getItem(DRAFT_KEY);
  if (draft) {
    sessionStorage.removeItem(DRAFT_KEY);
    putBack(draft);
  }
  el.prompt.focus();
}
