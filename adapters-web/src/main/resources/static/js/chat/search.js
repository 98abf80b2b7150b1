// Search of the user's own chats: the sidebar's search box (Ctrl+K focuses it) asks GET /api/search
// as the user types; the results stand in for the chat list, each with the matching words marked.

import { api } from './api.js';
import { element } from './dom.js';
import { el, state } from './state.js';
import { controlTexts } from './controls-texts.js';
import { openChat } from './conversation.js';
import { setSidebarOpen } from './sidebar.js';
import { onShortcut } from './keyboard.js';

const input = document.getElementById('chat-search');
const results = document.getElementById('search-results');
let timer = 0;
let asked = 0;

function showList(searching) {
  results.hidden = !searching;
  el.chatList.hidden = searching;
}

function hit(found) {
  const li = element('li', 'search-hit');
  const link = element('a', 'search-link');
  link.href = `/c/${found.chatId}`;
  link.append(element('span', 'search-title', found.title));
  const snippet = element('span', 'search-snippet');
  if (found.rank === null) {
    snippet.append(element('small', null, controlTexts.searchInTitle));
  } else {
    snippet.append(found.before, element('mark', null, found.match), found.after);
  }
  link.append(snippet);
  if (found.archived) {
    link.append(element('small', 'badge', controlTexts.searchArchived));
  }
  link.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || state.streaming) {
      return;
    }
    event.preventDefault();
    // the chat opens and the sidebar shows the chat list again
    input.value = '';
    asked++;
    showList(false);
    openChat(found.chatId, true);
    setSidebarOpen(false);
  });
  li.append(link);
  return li;
}

async function search(query) {
  const mine = ++asked;
  let found;
  try {
    found = await api('GET', `/api/search?q=${encodeURIComponent(query)}`);
  } catch {
    return;
  }
  if (mine !== asked || input.value.trim() !== query) {
    return; // a later query is on its way
  }
  const list = element('ul');
  list.append(...found.map(hit));
  results.replaceChildren(found.length ? list : element('p', 'search-none', controlTexts.searchNone));
  showList(true);
}

export function wireSearch() {
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (query.length < 2) {
      asked++;
      showList(false);
      return;
    }
    timer = setTimeout(() => search(query), 150);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && input.value) {
      event.stopPropagation();
      input.value = '';
      asked++;
      showList(false);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      results.querySelector('a')?.click();
    }
  });
  onShortcut('ctrl+k', () => {
    setSidebarOpen(true);
    input.focus();
    input.select();
  });
}
