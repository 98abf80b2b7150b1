// The conversation: the open chat's history, switching chats without a reload, sending a message
// and answering the last one again.

import { api } from './api.js';
import { DRAFT_KEY, el, state, texts } from './state.js';
import {
  addAssistantMessage, addUserMessage, clearFailures, hideEmptyState, scrollToEnd, showFailure, showTitle,
} from './messages.js';
import { putBack, refreshAllowance, updateComposer } from './composer.js';
import { renderModels } from './models.js';
import { refreshChats, renderChatList, setSidebarOpen } from './sidebar.js';
import { streamAnswer } from './stream.js';

async function refreshChat() {
  const { chat } = state;
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

export function renderHistory() {
  const { chat } = state;
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
export async function openChat(id, push) {
  let fresh;
  try {
    fresh = await api('GET', `/api/chats/${id}`);
  } catch {
    location.assign(`/c/${id}`);
    return;
  }
  state.chat = fresh;
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
    showFailure(result.message, state.chat ? () => regenerate(partial) : null);
  }
  refreshChats();
  if (result.outcome !== 'done') {
    refreshChat();
  }
  el.prompt?.focus();
}

export async function send(text) {
  clearFailures();
  hideEmptyState();
  const model = el.model.value;
  const userMessage = addUserMessage(text);
  const view = addAssistantMessage();
  scrollToEnd(true);
  const { chat } = state;
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
    if (result.refused.error === 'chat_limit_reached' && state.chat) {
      sessionStorage.setItem(DRAFT_KEY, text);
      state.chat.readOnly = true;
      state.chat.used = Math.max(state.chat.used, state.chat.limit);
      updateComposer();
    } else if (result.refused.error === 'daily_quota_reached') {
      sessionStorage.setItem(DRAFT_KEY, text);
      state.today = { ...(state.today || { quota: 0, used: 0, resetsAt: new Date().toISOString() }), left: 0 };
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
export async function regenerate(partial) {
  clearFailures();
  partial?.remove();
  const view = addAssistantMessage();
  scrollToEnd(true);
  const result = await streamAnswer(`/api/chats/${state.chat.id}/regenerate`, {}, view, state.chat.model);
  if (result.refused) {
    view.article.remove();
    showFailure(result.refused.message, () => regenerate(null));
    return;
  }
  afterAnswer(result, view);
}
