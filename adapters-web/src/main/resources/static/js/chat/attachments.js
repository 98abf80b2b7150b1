// Files attached to a message (docs/api.md "Attachments"): the paperclip and drag-and-drop upload each file at once
// (POST /api/attachments, checked by content on the server) and show it as a chip in the tray above the composer; a
// refused file gets its sentence there and the typed question stays. Sending carries the ids (conversation.js). The
// questions on screen show their files as chips (documents) and thumbnails (pictures), read from the chat's attachments
// whenever a question gets its rank (first paint, after every answer, after switching chats).

import { errorOf } from './api.js';
import { element } from './dom.js';
import { csrf, el, state } from './state.js';
import { format, number } from '../i18n.js';

const texts = { ...(document.getElementById('attachment-texts')?.dataset || {}) };
const tray = document.getElementById('attachment-tray');
const notice = document.getElementById('attachment-notice');
const input = document.getElementById('attach-input');
const button = document.getElementById('attach-button');

/** Files waiting to be sent: {file, view (once stored), promise, chip}. */
const pending = [];
let limits = null;
/** The open chat's files by the rank of their question; {@code chatId} null: to be read again. */
const shown = { chatId: null, byRank: new Map(), loading: null, generation: 0 };

async function loadLimits() {
  if (!limits) {
    try {
      const response = await fetch('/api/attachments/limits', { headers: { Accept: 'application/json' } });
      limits = response.ok ? await response.json() : null;
    } catch {
      limits = null;
    }
  }
  return limits;
}

function say(sentence, error) {
  notice.textContent = sentence || '';
  notice.classList.toggle('error', Boolean(error));
  notice.hidden = !sentence;
}

function kindLabel(kind) {
  return kind === 'text' ? 'TXT' : kind.toUpperCase();
}

function sizeText(bytes) {
  return bytes >= 1024 * 1024 ? `${number(Math.round(bytes / 104857.6) / 10)} MB` : `${number(Math.max(1, Math.ceil(bytes / 1024)))} KB`;
}

function meta(view) {
  return view.pages > 1 ? `${format(texts.pages, { n: view.pages })} · ${sizeText(view.size)}` : sizeText(view.size);
}

/** A chip: an icon (a thumbnail for a picture), the name and what it is. */
function chip(name, kind, image, thumbnail, detail, tag = 'span') {
  const node = element(tag, 'attachment-chip');
  let icon;
  if (image && thumbnail) {
    icon = element('img', 'chip-icon');
    icon.src = thumbnail;
    icon.alt = '';
  } else {
    icon = element('span', 'chip-icon', kind ? kindLabel(kind) : '…');
  }
  const words = element('span', 'chip-text');
  const title = element('span', 'chip-name', name);
  title.title = name;
  words.append(title, element('span', 'chip-meta', detail));
  node.append(icon, words);
  return node;
}

function renderTray() {
  tray.replaceChildren(...pending.map((item) => item.chip));
  tray.hidden = pending.length === 0;
  checkVision();
}

function checkVision() {
  const pictures = pending.some((item) => item.file.type.startsWith('image/') || (item.view && item.view.image));
  if (pictures && limits && el.model && !limits.visionModels.includes(el.model.value)) {
    say(format(texts.noVision, { models: limits.visionModels.join(', ') }), false);
  } else if (!notice.classList.contains('error')) {
    say('');
  }
}

async function upload(file) {
  const ready = await loadLimits();
  if (ready && pending.length >= ready.perMessage) {
    say(format(texts.tooMany, { n: ready.perMessage }), true);
    return;
  }
  if (ready && file.size > ready.maxBytes) {
    say(format(texts.tooLarge, { name: file.name, mb: Math.round(ready.maxBytes / 1048576) }), true);
    return;
  }
  // the picture's thumbnail comes from the server once stored (the page's CSP allows no blob: images)
  const item = { file, view: null, chip: chip(file.name, null, false, null, texts.uploading) };
  item.chip.classList.add('uploading');
  const remove = element('button', 'chip-remove', '×');
  remove.type = 'button';
  remove.setAttribute('aria-label', format(texts.remove, { name: file.name }));
  remove.addEventListener('click', () => {
    pending.splice(pending.indexOf(item), 1);
    renderTray();
    el.prompt?.focus();
  });
  item.promise = (async () => {
    const form = new FormData();
    form.append('file', file, file.name);
    let response;
    try {
      response = await fetch('/api/attachments', { method: 'POST', headers: { Accept: 'application/json', [csrf.header]: csrf.token }, body: form });
    } catch {
      response = null;
    }
    if (!response || !response.ok) {
      const problem = response ? await errorOf(response) : { message: texts.failed };
      pending.splice(pending.indexOf(item), 1);
      renderTray();
      say(problem.message, true);
      return;
    }
    item.view = await response.json();
    const done = chip(item.view.name, item.view.kind, item.view.image, `/api/attachments/${item.view.id}/content`, meta(item.view));
    done.append(remove);
    item.chip.replaceWith(done);
    item.chip = done;
    checkVision();
  })();
  item.chip.append(remove);
  pending.push(item);
  say('');
  renderTray();
}

function uploadAll(files) {
  say('');
  [...files].forEach((file) => upload(file));
}

/** Waits for the uploads under way, then gives the files ready to go with the message. */
export async function readyAttachments() {
  await Promise.all(pending.map((item) => item.promise));
  return pending.filter((item) => item.view).map((item) => item.view);
}

/**
 * The message goes out with them: the tray empties and the question shows them at once; {@link restoreAttachments} puts
 * them back when the message is refused (nothing was stored).
 */
export function takeAttachments(article, views) {
  const taken = pending.splice(0, pending.length);
  renderTray();
  say('');
  forgetFiles();
  if (article && views.length) {
    decorate(article, views);
  }
  return taken;
}

export function restoreAttachments(taken) {
  pending.unshift(...taken);
  renderTray();
}

function decorate(article, views) {
  if (article.querySelector(':scope > .message-attachments')) {
    return;
  }
  const row = element('div', 'message-attachments');
  for (const view of views) {
    const href = `/api/attachments/${view.id}/content`;
    if (view.image) {
      const link = element('a', 'thumbnail');
      link.href = href;
      link.target = '_blank';
      link.rel = 'noopener';
      const img = element('img');
      img.src = href;
      img.alt = view.name;
      img.loading = 'lazy';
      link.append(img);
      row.append(link);
    } else {
      const link = chip(view.name, view.kind, false, null, meta(view), 'a');
      link.href = href;
      row.append(link);
    }
  }
  article.prepend(row);
}

/**
 * The files of question {@code rank} for the editor that edits it: a row of chips, each with × to leave the file out of
 * the edited version; {@code kept()} gives the files still in it. Null when the question has none.
 */
export function editorFiles(rank) {
  const views = (state.chat && shown.chatId === state.chat.id && shown.byRank.get(rank)) || [];
  if (!views.length) {
    return null;
  }
  const kept = [...views];
  const row = element('div', 'editor-attachments');
  for (const view of views) {
    const node = chip(view.name, view.kind, view.image, `/api/attachments/${view.id}/content`, meta(view));
    const remove = element('button', 'chip-remove', '×');
    remove.type = 'button';
    remove.setAttribute('aria-label', format(texts.remove, { name: view.name }));
    remove.addEventListener('click', () => {
      kept.splice(kept.indexOf(view), 1);
      node.remove();
      row.hidden = kept.length === 0;
    });
    node.append(remove);
    row.append(node);
  }
  return { row, kept: () => [...kept] };
}

/** An edited question goes out with {@code views}: shown on it at once, read again once it is stored. */
export function showOnEdited(article, views) {
  forgetFiles();
  if (article && views && views.length) {
    decorate(article, views);
  }
}

/** Reads the open chat's files again; {@code generation} makes a read begun before a change count for nothing. */
async function loadShown(chat) {
  while (shown.chatId !== chat.id) {
    if (!shown.loading) {
      const { generation } = shown;
      shown.loading = fetch(`/api/chats/${chat.id}/attachments`, { headers: { Accept: 'application/json' } })
        .then((response) => (response.ok ? response.json() : []))
        .catch(() => [])
        .then((list) => {
          if (generation !== shown.generation) {
            return;
          }
          shown.byRank = new Map();
          for (const view of list) {
            shown.byRank.set(view.rank, [...(shown.byRank.get(view.rank) || []), view]);
          }
          shown.chatId = chat.id;
        })
        .finally(() => { shown.loading = null; });
    }
    await shown.loading;
    if (state.chat !== chat && state.chat?.id !== chat.id) {
      return false;
    }
  }
  return true;
}

/** A message was stored or answered: the chat's files are read again before they are shown or edited. */
export function forgetFiles() {
  shown.chatId = null;
  shown.generation += 1;
}

async function showOnQuestions() {
  const chat = state.chat;
  if (!chat || !(await loadShown(chat))) {
    return;
  }
  for (const article of el.messages.querySelectorAll('article.message.user[data-rank]')) {
    const views = shown.byRank.get(Number(article.dataset.rank));
    if (views) {
      decorate(article, views);
    }
  }
}

function wire() {
  if (!tray || !input || !button || !el.messages) {
    return;
  }
  button.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    uploadAll(input.files);
    input.value = '';
  });
  el.model?.addEventListener('change', checkVision);
  const area = document.querySelector('.composer-area');
  for (const target of [area, el.conversation].filter(Boolean)) {
    target.addEventListener('dragover', (event) => {
      if (event.dataTransfer && [...event.dataTransfer.types].includes('Files')) {
        event.preventDefault();
        area?.classList.add('dragging');
      }
    });
    target.addEventListener('dragleave', () => area?.classList.remove('dragging'));
    target.addEventListener('drop', (event) => {
      if (event.dataTransfer && event.dataTransfer.files.length) {
        event.preventDefault();
        area?.classList.remove('dragging');
        uploadAll(event.dataTransfer.files);
      }
    });
  }
  let queued = false;
  new MutationObserver(() => {
    if (!queued) {
      queued = true;
      queueMicrotask(() => {
        queued = false;
        showOnQuestions();
      });
    }
  }).observe(el.messages, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rank'] });
  showOnQuestions();
  loadLimits();
}

wire();
