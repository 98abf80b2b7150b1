// Streaming an answer: POSTs to one of the streaming calls of docs/api.md and renders the
// server-sent events into an assistant message; Stop tells the server and aborts the stream.

import { readEvents } from '../sse.js';
import { api, errorOf } from './api.js';
import { csrf, state, texts } from './state.js';
import { scheduleAllowanceRefresh, updateComposer, updateSendButton } from './composer.js';
import { showTitle } from './messages.js';
import { renderChatList } from './sidebar.js';

/**
 * POSTs to one of the streaming calls and renders the answer into {@code view}.
 * Answers {refused: {error, message}} when the server refused before storing anything,
 * otherwise {outcome: 'done' | 'failed' | 'stopped' | 'cut', message}.
 */
export async function streamAnswer(url, body, view, sentModel) {
  const controller = new AbortController();
  state.streaming = controller;
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
    // the answer is under way (carry-on.js: no more "Reconnecting…")
    view.started?.();
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
          Object.assign(state.chat, { used: data.used, limit: data.limit, readOnly: data.readOnly, model: sentModel });
          state.today = data.today ?? null;
          scheduleAllowanceRefresh();
          view.linkSources(state.chat.id, data.rank);
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
    state.streaming = null;
    view.finish();
    updateComposer();
  }
}

/** Stops the answer that streams: tells the server first, so it stops now rather than when it next writes. */
export function stopAnswer() {
  if (!state.streaming) {
    return;
  }
  if (state.chat && state.chat.id) {
    state.stopping = api('POST', `/api/chats/${state.chat.id}/stop`).catch(() => {});
  }
  state.streaming.abort();
}

function chatCreated(data, model) {
  state.chat = { id: data.chatId, title: data.title, model, used: 1, limit: 0, readOnly: false, messages: [] };
  history.pushState({ chatId: state.chat.id }, '', `/c/${state.chat.id}`);
  showTitle(data.title || texts.untitled);
  const now = new Date().toISOString();
  state.chats = [{ id: state.chat.id, title: data.title, model, createdAt: now, updatedAt: now }, ...state.chats];
  renderChatList();
}
