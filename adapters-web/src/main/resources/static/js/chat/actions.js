// The actions under each message: copy it (as Markdown), edit a question, answer the last question again
// (regenerate, or Retry after a failure or a Stop), and the ‹ 2/3 › switcher of a message with versions.
// Shown on hover (always on phones, for the last message, and while one has the keyboard focus).

import { copyText } from '../markdown.js';
import { format } from '../i18n.js';
import { element } from './dom.js';
import { texts } from './state.js';

const ICONS = {
  copy: 'M9 9h10v10H9zM5 15V5h10',
  copied: 'M5 12l5 5L20 7',
  edit: 'M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4',
  regenerate: 'M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7',
  previous: 'M15 6l-6 6 6 6',
  next: 'M9 6l6 6-6 6',
};

function icon(path) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  const shape = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  shape.setAttribute('d', path);
  svg.append(shape);
  return svg;
}

function actionButton(name, label, onClick, withText = false) {
  const button = element('button', `message-action ${name}${withText ? ' labelled' : ''}`);
  button.type = 'button';
  button.setAttribute('aria-label', label);
  button.title = label;
  button.append(icon(ICONS[name]));
  if (withText) {
    button.append(element('span', null, label));
  }
  button.addEventListener('click', onClick);
  return button;
}

/** Copies a message's text (an answer's Markdown as the model wrote it) and shows a tick for a moment. */
export function copyMessage(button, content) {
  return copyText(content).then(() => showCopied(button));
}

/** Copies an answer that has no actions yet (just streamed, not read back): the tick shows once they come. */
export function copyUndecorated(article, content) {
  return copyText(content).then(() => {
    article.dataset.copiedAt = String(Date.now());
  });
}

function showCopied(button) {
  button.replaceChildren(icon(ICONS.copied));
  button.setAttribute('aria-label', texts.copied);
  button.title = texts.copied;
  button.classList.add('done');
  setTimeout(() => {
    button.replaceChildren(icon(ICONS.copy));
    button.setAttribute('aria-label', texts.copyMessage);
    button.title = texts.copyMessage;
    button.classList.remove('done');
  }, 1500);
}

/**
 * Gives {@code article} the actions of {@code message} (a message of the chat's active branch, in the API's shape).
 * {@code last}: it ends the branch; {@code closed}: the chat takes no more messages; {@code on}: the handlers
 * {regenerate(), edit(article, message), choose(rank)}.
 */
export function decorate(article, message, { last, closed, on }) {
  article.dataset.rank = message.rank;
  article.dataset.role = message.role;
  article.classList.toggle('last', last);
  // the message read again just after a copy keeps its tick
  const copiedJustNow = article.querySelector(':scope > .message-actions > .copy.done')
    || Date.now() - Number(article.dataset.copiedAt || 0) < 10_000;
  delete article.dataset.copiedAt;
  article.querySelector(':scope > .message-actions')?.remove();
  article.querySelector(':scope > .message-note')?.remove();
  const bar = element('div', 'message-actions');
  const copy = actionButton('copy', texts.copyMessage, () => copyMessage(copy, message.content));
  if (copiedJustNow) {
    showCopied(copy);
  }
  bar.append(copy);
  if (message.role === 'user' && !closed) {
    bar.append(actionButton('edit', texts.edit, () => on.edit(article, message)));
  }
  const interrupted = message.role === 'assistant' && message.status === 'interrupted';
  if (message.role === 'assistant' && last && !closed) {
    // after a failure or a Stop the same control offers Retry, in words
    bar.append(actionButton('regenerate', interrupted ? texts.retry : texts.regenerate, () => on.regenerate(), interrupted));
  }
  const versions = message.versions || [message.rank];
  if (versions.length > 1) {
    bar.append(switcher(message.rank, versions, on.choose));
  }
  if (interrupted) {
    article.append(element('p', 'message-note', texts.interrupted));
  }
  article.append(bar);
}

/** ‹ 2/3 ›: the message's versions, oldest first; the arrows show the one before or after. */
function switcher(rank, versions, choose) {
  const at = versions.indexOf(rank);
  const box = element('div', 'versions');
  box.setAttribute('role', 'group');
  const label = format(texts.version, { n: at + 1, count: versions.length });
  box.setAttribute('aria-label', label);
  const previous = actionButton('previous', texts.previousVersion, () => choose(versions[at - 1]));
  previous.disabled = at <= 0;
  const next = actionButton('next', texts.nextVersion, () => choose(versions[at + 1]));
  next.disabled = at >= versions.length - 1;
  const position = element('span', 'version-position', `${at + 1}/${versions.length}`);
  position.title = label;
  box.append(previous, position, next);
  return box;
}

/**
 * Turns a question's bubble into an editor: Send answers the edited text as a new branch, Cancel (or Esc) puts the
 * bubble back. {@code files} (attachments.js editorFiles, or null): the question's files, each removable.
 * {@code send(text, kept)} is called with the edited text and the files kept (null when the question had none).
 */
export function openEditor(article, message, send, files = null) {
  if (article.querySelector('.message-editor')) {
    article.querySelector('.message-editor textarea').focus();
    return;
  }
  const bubble = article.querySelector('.bubble');
  const form = element('form', 'message-editor');
  const area = element('textarea');
  area.value = message.content;
  area.rows = Math.min(10, Math.max(2, message.content.split('\n').length));
  area.setAttribute('aria-label', texts.editLabel);
  const cancel = element('button', 'button small', texts.cancel);
  cancel.type = 'button';
  const save = element('button', 'button small primary', texts.editSend);
  save.type = 'submit';
  const buttons = element('div', 'editor-buttons');
  buttons.append(cancel, save);
  form.append(area);
  if (files) {
    form.append(files.row);
  }
  form.append(buttons);
  bubble.hidden = true;
  article.classList.add('editing');
  article.insertBefore(form, bubble);
  const close = () => {
    form.remove();
    bubble.hidden = false;
    article.classList.remove('editing');
  };
  cancel.addEventListener('click', close);
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      article.querySelector('.message-action.edit')?.focus();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = area.value.trim();
    if (!text) {
      return;
    }
    close();
    send(text, files ? files.kept() : null);
  });
  area.focus();
  area.setSelectionRange(area.value.length, area.value.length);
}
