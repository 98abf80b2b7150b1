// Feedback on answers: thumbs up or down under each stored answer (its rank is on the article as
// data-rank once known), a comment with a thumbs down if the user likes; the same thumb again takes
// the feedback back. What the user gave in a chat is read once when the chat is shown.

import { api } from './api.js';
import { element, iconButton } from './dom.js';
import { el, state } from './state.js';
import { controlTexts } from './controls-texts.js';

const UP = 'M7 11v9H4v-9zM7 11l4-8a2 2 0 0 1 2 2v4h5a2 2 0 0 1 2 2l-1.5 7a2 2 0 0 1-2 2H7';
const DOWN = 'M7 13V4H4v9zM7 13l4 8a2 2 0 0 0 2-2v-4h5a2 2 0 0 0 2-2l-1.5-7a2 2 0 0 0-2-2H7';

/** The feedback given in the open chat: rank → {rating, comment}; loaded once per chat. */
let given = new Map();
let loadedFor = null;
let loading = null;

async function load(chatId) {
  if (loadedFor === chatId) {
    return loading;
  }
  loadedFor = chatId;
  given = new Map();
  loading = api('GET', `/api/chats/${chatId}/feedback`)
    .then((list) => list.forEach((one) => given.set(one.rank, one)))
    .catch(() => {});
  return loading;
}

async function rate(chatId, rank, rating, comment) {
  const sent = await api('PUT', `/api/chats/${chatId}/messages/${rank}/feedback`, { rating, comment });
  given.set(rank, sent);
}

function render(box, chatId, rank) {
  const mine = given.get(rank);
  const up = iconButton('thumb up', controlTexts.feedbackUp, UP);
  const down = iconButton('thumb down', controlTexts.feedbackDown, DOWN);
  up.setAttribute('aria-pressed', String(mine?.rating === 'up'));
  down.setAttribute('aria-pressed', String(mine?.rating === 'down'));
  const choose = async (rating) => {
    try {
      if (mine?.rating === rating) {
        await api('DELETE', `/api/chats/${chatId}/messages/${rank}/feedback`);
        given.delete(rank);
        render(box, chatId, rank);
        return;
      }
      await rate(chatId, rank, rating, null);
    } catch {
      return;
    }
    render(box, chatId, rank);
    askComment(box, chatId, rank, rating);
  };
  up.addEventListener('click', () => choose('up'));
  down.addEventListener('click', () => choose('down'));
  box.replaceChildren(up, down);
}

function askComment(box, chatId, rank, rating) {
  const form = element('form', 'feedback-comment');
  const label = element('label', 'visually-hidden', controlTexts.feedbackComment);
  const input = element('textarea');
  input.rows = 2;
  input.maxLength = 1000;
  input.placeholder = controlTexts.feedbackComment;
  input.id = `feedback-comment-${rank}`;
  label.htmlFor = input.id;
  const send = element('button', 'button small', controlTexts.feedbackSend);
  send.type = 'submit';
  form.append(label, input, send);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await rate(chatId, rank, rating, input.value);
    } catch {
      return;
    }
    form.replaceWith(element('p', 'feedback-thanks', controlTexts.feedbackThanks));
  });
  box.append(form);
  input.focus();
}

async function decorate(article) {
  const rank = Number(article.dataset.rank);
  const chatId = state.chat?.id;
  if (!chatId || !rank || article.querySelector(':scope > .feedback')) {
    return;
  }
  const box = element('div', 'feedback');
  article.append(box);
  await load(chatId);
  render(box, chatId, rank);
}

export function wireFeedback() {
  const observer = new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === 'attributes' && change.target.matches('.message.assistant[data-rank]')) {
        decorate(change.target);
      }
    }
  });
  observer.observe(el.messages, { subtree: true, attributes: true, attributeFilter: ['data-rank'] });
}
