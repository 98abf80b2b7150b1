// The sidebar: the user's chats grouped by day, with rename and delete, and its opening on phones.

import { api } from './api.js';
import { element, iconButton } from './dom.js';
import { app, el, state, texts } from './state.js';
import { showNotice, showTitle } from './messages.js';
import { openChat } from './conversation.js';

/** Buttons other modules add to each chat of the list (organize.js: pin, archive): functions of the item. */
export const chatItemExtras = [];
/** Called after each refresh of the list (titles.js: a model's title on its way). */
export const chatsRefreshed = [];

export async function refreshChats() {
  try {
    state.chats = await api('GET', '/api/chats');
    renderChatList();
  } catch {
    // the list on screen stays as it was; the next answer refreshes it again
    return;
  }
  chatsRefreshed.forEach((listener) => listener());
}

function dayStart(date) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Pinned, then Today / Yesterday / Previous 7 days / Older, by the last change in the browser's own time zone. */
function groupOf(item, today) {
  if (item.pinned) {
    return 'pinned';
  }
  const { updatedAt } = item;
  const days = Math.round((today - dayStart(new Date(updatedAt))) / 86_400_000);
  if (days <= 0) {
    return 'today';
  }
  if (days === 1) {
    return 'yesterday';
  }
  return days <= 7 ? 'week' : 'older';
}

export function renderChatList() {
  if (el.chatList.querySelector('.rename-input')) {
    return; // a rename is being typed: the list is drawn again when it ends, with whatever arrived meanwhile
  }
  const today = dayStart(new Date());
  const groups = new Map([['pinned', []], ['today', []], ['yesterday', []], ['week', []], ['older', []]]);
  for (const item of state.chats) {
    groups.get(groupOf(item, today)).push(item);
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
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || state.streaming) {
      return;
    }
    event.preventDefault();
    openChat(item.id, true);
  });
  if (state.chat && state.chat.id === item.id) {
    link.setAttribute('aria-current', 'page');
  }
  const rename = iconButton('rename', `${texts.rename}: ${title}`,
    'M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4');
  rename.addEventListener('click', () => startRename(li, link, item));
  const remove = iconButton('delete', `${texts.delete}: ${title}`,
    'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3');
  remove.addEventListener('click', () => confirmDelete(item));
  const actions = element('div', 'chat-actions');
  actions.append(...chatItemExtras.flatMap((extra) => extra(item)), rename, remove);
  li.append(link, actions);
  return li;
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
        // the list may have been fetched again while the title was typed: rename what is there now
        for (const chat of state.chats.filter((other) => other.id === item.id)) {
          chat.title = title;
          chat.titlePending = false;
        }
        item.title = title;
        if (state.chat && state.chat.id === item.id) {
          state.chat.title = title;
          showTitle(title);
        }
      } catch (error) {
        showNotice(error.message);
      }
    }
    input.remove();
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
    if (state.chat && state.chat.id === item.id) {
      location.assign('/');
      return;
    }
    state.chats = state.chats.filter((other) => other.id !== item.id);
    renderChatList();
  }, { once: true });
}

export function setSidebarOpen(open) {
  app.classList.toggle('sidebar-open', open);
  el.backdrop.hidden = !open;
  el.menuButton.setAttribute('aria-expanded', String(open));
  if (open) {
    el.sidebarClose.focus();
  }
}

export function wireSidebar() {
  el.menuButton.addEventListener('click', () => setSidebarOpen(true));
  el.sidebarClose.addEventListener('click', () => setSidebarOpen(false));
  el.backdrop.addEventListener('click', () => setSidebarOpen(false));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && app.classList.contains('sidebar-open')) {
      event.preventDefault(); // Esc closes the menu only; it does not also stop an answer
      setSidebarOpen(false);
      el.menuButton.focus();
    }
  });
}
