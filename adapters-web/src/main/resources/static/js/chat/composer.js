// The composer: the prompt, the send/stop button, and the notices that close it (the chat's limit,
// the daily quota) or count down what is left.

import { format, time } from '../i18n.js';
import { el, FEW_LEFT, state, texts } from './state.js';

function closedSentence() {
  const { chat } = state;
  if (chat.closedReason === 'context_full') {
    return texts.contextFull;
  }
  if (chat.closedReason === 'model_deleted') {
    return texts.modelDeleted;
  }
  return format(texts.limit, { limit: chat.limit });
}

function resetTime() {
  return time(new Date(state.today.resetsAt));
}

export function updateComposer() {
  const { chat, today } = state;
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
export async function refreshAllowance() {
  try {
    const response = await fetch('/api/allowance', { headers: { Accept: 'application/json' } });
    if (response.ok) {
      state.today = (await response.json()).today;
      updateComposer();
      scheduleAllowanceRefresh();
    }
  } catch {
    // offline: the next answer or page load brings it
  }
}

let allowanceTimer = null;

export function scheduleAllowanceRefresh() {
  clearTimeout(allowanceTimer);
  const { today } = state;
  if (today && today.left <= 0) {
    const wait = Date.parse(today.resetsAt) - Date.now() + 1000;
    if (wait > 0 && wait < 2 ** 31 - 1) {
      allowanceTimer = setTimeout(refreshAllowance, wait);
    }
  }
}

export function updateSendButton() {
  if (!el.send) {
    return;
  }
  const busy = state.streaming !== null;
  el.send.classList.toggle('stop', busy);
  el.send.setAttribute('aria-label', busy ? texts.stop : texts.send);
  el.send.title = busy ? texts.stop : texts.send;
  el.send.disabled = !busy && el.prompt.value.trim() === '';
}

export function growPrompt() {
  el.prompt.style.height = 'auto';
  el.prompt.style.height = `${Math.min(el.prompt.scrollHeight, 240)}px`;
}

export function putBack(text) {
  if (el.prompt.value.trim() === '') {
    el.prompt.value = text;
  } else {
    el.prompt.value = `${text}\n${el.prompt.value}`;
  }
  growPrompt();
  updateSendButton();
}

/**
 * Enter sends, Shift+Enter makes a new line; the button sends, or stops the answer that streams.
 * {@code send(text)} sends a message, {@code stop()} stops the streaming answer.
 */
export function wireComposer({ send, stop }) {
  if (!el.composer) {
    return;
  }
  el.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    if (state.streaming) {
      stop();
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
      if (!state.streaming) {
        el.composer.requestSubmit();
      }
    }
  });
  el.prompt.addEventListener('input', () => {
    growPrompt();
    updateSendButton();
  });
}
