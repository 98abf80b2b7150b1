// The conversation: the open chat's active branch on screen, switching chats without a reload, sending a message,
// answering the last question again (regenerate / Retry), editing a question into a new branch, switching versions
// and removing a question left unanswered. After every answer the chat is read again from the API, so that the
// screen shows what is stored (versions, ranks, what failed) the same way as after a reload.

import { api } from './api.js';
import { DRAFT_KEY, el, state, texts } from './state.js';
import {
  addAssistantMessage, addUserMessage, clearFailures, hideEmptyState, scrollToEnd, showFailure, showNotice, showTitle,
} from './messages.js';
import { copyMessage, copyUndecorated, decorate, openEditor } from './actions.js';
import { putBack, refreshAllowance, updateComposer } from './composer.js';
import { renderModels } from './models.js';
import { refreshChats, renderChatList, setSidebarOpen } from './sidebar.js';
import { streamAnswer } from './stream.js';
import { editorFiles, forgetFiles, readyAttachments, restoreAttachments, showOnEdited, takeAttachments } from './attachments.js';
import { clearReconnecting, forget, noteCut, shouldWait, waitAMoment, waiting } from './carry-on.js';

const handlers = {
  regenerate: () => regenerate(),
  edit: (article, message) => openEditor(article, message, (text, kept) => edit(message, article, text, kept),
    editorFiles(message.rank)),
  choose: (rank) => choose(rank),
};

function closed() {
  return Boolean(state.chat && state.chat.readOnly);
}

function articles() {
  return [...el.messages.querySelectorAll(':scope > article.message')];
}

/** The box under the last message when it is a question left unanswered: Retry, Edit or Remove it. */
function showProblem(sentence) {
  clearFailures();
  const messages = (state.chat && state.chat.messages) || [];
  const last = messages[messages.length - 1];
  if (!last || closed()) {
    if (sentence) {
      showFailure(sentence, null);
    }
    return;
  }
  if (last.role === 'user') {
    const article = articles().pop();
    showFailure(sentence || texts.noAnswer, () => regenerate(), [
      { label: texts.edit, action: () => handlers.edit(article, last) },
      { label: texts.remove, action: () => removeQuestion(last.rank) },
    ]);
  } else if (last.status === 'interrupted' && sentence) {
    // a failure mid-answer: its sentence in place of the note; Retry is the answer's own control
    const note = articles().pop()?.querySelector(':scope > .message-note');
    if (note) {
      note.textContent = sentence;
      note.setAttribute('role', 'alert');
    }
  } else if (sentence) {
    // answering again failed before any text: the earlier answer is still the one shown
    showFailure(sentence, () => regenerate());
  }
}

/** Draws the chat's active branch anew; {@code keepScroll} keeps the reader where they were. */
export function renderHistory(sentence, keepScroll) {
  const { chat } = state;
  if (!chat) {
    return;
  }
  const top = el.conversation.scrollTop;
  showTitle(chat.title || texts.untitled);
  el.messages.replaceChildren();
  const messages = chat.messages || [];
  messages.forEach((message, i) => {
    let article;
    if (message.role === 'user') {
      article = addUserMessage(message.content);
    } else {
      const view = addAssistantMessage(message.content);
      view.sources(message.sources);
      view.linkSources(chat.id, message.rank);
      article = view.article;
    }
    decorate(article, message, { last: i === messages.length - 1, closed: closed(), on: handlers });
  });
  showProblem(sentence);
  if (keepScroll) {
    el.conversation.scrollTop = top;
  } else {
    scrollToEnd(true);
  }
}

/** Gives the messages on screen what the API says of them; draws them anew when they differ. */
function syncMessages(sentence) {
  const messages = state.chat.messages || [];
  const onScreen = articles();
  const same = onScreen.length === messages.length && onScreen.every((a, i) => a.classList.contains(messages[i].role));
  if (!same) {
    renderHistory(sentence, true);
    return;
  }
  onScreen.forEach((article, i) => decorate(article, messages[i], { last: i === messages.length - 1, closed: closed(), on: handlers }));
  showProblem(sentence);
}

/** Reads the open chat again; {@code sentence}: what went wrong with the last answer, if something did. */
async function refreshChat(sentence) {
  if (!state.chat) {
    if (sentence) {
      showFailure(sentence, null);
    }
    return;
  }
  try {
    state.chat = await api('GET', `/api/chats/${state.chat.id}`);
  } catch {
    if (sentence) {
      showFailure(sentence, () => regenerate());
    }
    return;
  }
  syncMessages(sentence);
  updateComposer();
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
async function afterAnswer(result, view) {
  if (result.outcome !== 'done' && view.text === '') {
    view.article.remove();
  }
  if (result.outcome === 'stopped') {
    // the server keeps what arrived once it has heard the Stop
    await state.stopping;
  }
  const sentence = result.outcome === 'failed' || result.outcome === 'cut' ? result.message : null;
  if (result.outcome === 'cut') {
    // the server writing it may have gone away: a Retry refused for a while waits for another one (carry-on.js)
    noteCut(state.chat?.id);
  } else if (state.chat) {
    forget(state.chat.id);
  }
  refreshChats();
  forgetFiles();
  await refreshChat(sentence);
  // the actions under the last answer, or the box under a question left unanswered, in sight
  scrollToEnd(false);
  el.prompt?.focus();
}

function modelChange(body) {
  const model = el.model.value;
  if (state.chat && model !== state.chat.model) {
    body.model = model;
  }
  return body;
}

export async function send(text) {
  clearFailures();
  hideEmptyState();
  const files = await readyAttachments();
  const model = el.model.value;
  const userMessage = addUserMessage(text);
  const view = addAssistantMessage();
  scrollToEnd(true);
  const { chat } = state;
  const isNew = !chat;
  const url = isNew ? '/api/chats' : `/api/chats/${chat.id}/messages`;
  const body = isNew ? { model, content: text } : modelChange({ content: text });
  if (files.length) {
    body.attachments = files.map((file) => file.id);
  }
  const taken = takeAttachments(userMessage, files);
  view.started = clearReconnecting;
  const result = await streamAnswer(url, body, view, model);
  if (result.refused) {
    restoreAttachments(taken);
    // nothing was stored: the text goes back where the user wrote it
    userMessage.remove();
    view.article.remove();
    if (chat && shouldWait(chat.id, result.refused)) {
      // the chat is still held by the answer cut off here: another server takes it over within seconds
      await waitAMoment();
      if (state.chat?.id === chat.id && !state.streaming) {
        send(text);
        return;
      }
    }
    clearReconnecting();
    putBack(text);
    refused(result.refused, text);
    return;
  }
  await afterAnswer(result, view);
}

/** A refusal before anything was stored: the chat's limit, the daily quota, or a sentence. */
function refused(refusal, text) {
  if (refusal.error === 'chat_limit_reached' && state.chat) {
    sessionStorage.setItem(DRAFT_KEY, text);
    state.chat.readOnly = true;
    state.chat.used = Math.max(state.chat.used, state.chat.limit);
    updateComposer();
  } else if (refusal.error === 'daily_quota_reached') {
    sessionStorage.setItem(DRAFT_KEY, text);
    state.today = { ...(state.today || { quota: 0, used: 0, resetsAt: new Date().toISOString() }), left: 0 };
    updateComposer();
    refreshAllowance();
  } else {
    showNotice(refusal.message);
  }
}

/**
 * Answers the last question again: a new version of the last answer (the earlier one stays a version), or the answer
 * a question left unanswered never got.
 */
export async function regenerate() {
  if (!state.chat || state.streaming || waiting()) {
    return;
  }
  clearFailures();
  const chatId = state.chat.id;
  const messages = state.chat.messages || [];
  let earlier = null;
  if (messages.length > 0 && messages[messages.length - 1].role === 'assistant') {
    // the new version takes the earlier one's place on screen; until it starts, the earlier one is only hidden
    earlier = articles().pop() || null;
    if (earlier) {
      earlier.hidden = true;
    }
  }
  const view = addAssistantMessage();
  view.started = clearReconnecting;
  scrollToEnd(true);
  const result = await streamAnswer(`/api/chats/${chatId}/regenerate`, {}, view, state.chat.model);
  if (result.refused) {
    view.article.remove();
    if (earlier) {
      earlier.hidden = false;
    }
    if (shouldWait(chatId, result.refused)) {
      // the chat is still held by the answer cut off here (its server stopped): another takes over within seconds
      await waitAMoment();
      if (state.chat?.id === chatId && !state.streaming) {
        regenerate();
        return;
      }
    }
    clearReconnecting();
    await refreshChat();
    // an answer still being written (another tab, another device) ends: Retry is offered, not a dead end
    showFailure(result.refused.message, result.refused.error === 'answer_in_progress' ? () => regenerate() : null);
    return;
  }
  earlier?.remove();
  await afterAnswer(result, view);
}

/**
 * Sends an edited question: the conversation goes on from it as a new branch; what followed stays on the old one. The
 * question's files go with it ({@code kept}: those left in the editor; null when it had none).
 */
async function edit(message, article, text, kept) {
  if (!state.chat || state.streaming) {
    return;
  }
  clearFailures();
  while (article.nextElementSibling) {
    article.nextElementSibling.remove();
  }
  article.remove();
  const question = addUserMessage(text);
  showOnEdited(question, kept);
  const view = addAssistantMessage();
  scrollToEnd(true);
  const model = el.model.value;
  const body = modelChange({ content: text });
  if (kept) {
    body.attachments = kept.map((file) => file.id);
  }
  const result = await streamAnswer(`/api/chats/${state.chat.id}/messages/${message.rank}/edit`, body, view, model);
  if (result.refused) {
    // nothing was stored: the chat as it was, and the edited text in the composer
    await refreshChat();
    putBack(text);
    refused(result.refused, text);
    return;
  }
  await afterAnswer(result, view);
}

/** Shows another version of a message; the conversation below it is that version's branch. */
async function choose(rank) {
  if (!state.chat || state.streaming) {
    return;
  }
  try {
    state.chat = await api('POST', `/api/chats/${state.chat.id}/messages/${rank}/choose`);
  } catch (error) {
    showNotice(error.message);
    return;
  }
  renderHistory(null, true);
  updateComposer();
  el.messages.querySelector(`article[data-rank="${rank}"] .versions button:not(:disabled)`)?.focus();
}

/** Removes a question left unanswered. */
async function removeQuestion(rank) {
  try {
    state.chat = await api('DELETE', `/api/chats/${state.chat.id}/messages/${rank}`);
  } catch (error) {
    showNotice(error.message);
    return;
  }
  renderHistory(null, true);
  updateComposer();
  el.prompt?.focus();
}

/** ↑ in an empty composer: edit the last question. */
export function editLastQuestion() {
  const messages = (state.chat && state.chat.messages) || [];
  if (state.streaming || closed()) {
    return false;
  }
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i].role === 'user') {
      const article = el.messages.querySelector(`article.message.user[data-rank="${messages[i].rank}"]`);
      if (article) {
        handlers.edit(article, messages[i]);
        article.scrollIntoView({ block: 'nearest' });
        return true;
      }
    }
  }
  return false;
}

/** Ctrl+Shift+C: copies the last answer as Markdown. */
export function copyLastAnswer() {
  const onScreen = el.messages.querySelectorAll('article.message.assistant');
  const article = onScreen[onScreen.length - 1];
  if (!article) {
    return;
  }
  const messages = (state.chat && state.chat.messages) || [];
  const answer = [...messages].reverse().find((m) => m.role === 'assistant');
  // an answer that has just streamed may not be read back yet: its text on screen is the same
  const content = answer && String(answer.rank) === article.dataset.rank ? answer.content : article.markdownSource;
  if (content === undefined) {
    return;
  }
  const button = article.querySelector(':scope > .message-actions > .message-action.copy');
  if (button) {
    copyMessage(button, content);
  } else {
    copyUndecorated(article, content);
  }
}
