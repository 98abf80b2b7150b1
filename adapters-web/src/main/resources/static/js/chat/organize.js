// Pin and archive in the chat list: pinned chats stand first; an archived chat leaves the sidebar
// (the profile lists it, and brings it back).

import { api } from './api.js';
import { iconButton } from './dom.js';
import { state } from './state.js';
import { controlTexts } from './controls-texts.js';
import { showNotice } from './messages.js';
import { chatItemExtras, refreshChats, renderChatList } from './sidebar.js';

const PIN = 'M9 4h6l-1 6 4 3H6l4-3zM12 13v7';
const ARCHIVE = 'M4 5h16v4H4zM6 9v10h12V9M10 13h4';

async function pin(item) {
  try {
    await api(item.pinned ? 'DELETE' : 'PUT', `/api/chats/${item.id}/pin`);
  } catch (error) {
    showNotice(error.message);
    return;
  }
  await refreshChats();
}

async function archive(item) {
  try {
    await api('PUT', `/api/chats/${item.id}/archive`);
  } catch (error) {
    showNotice(error.message);
    return;
  }
  state.chats = state.chats.filter((other) => other.id !== item.id);
  renderChatList();
  if (state.chat && state.chat.id === item.id) {
    showNotice(controlTexts.archived);
  }
}

export function wireOrganize() {
  chatItemExtras.push((item) => {
    const title = item.title || '';
    const pinButton = iconButton(item.pinned ? 'pin pinned' : 'pin', `${item.pinned ? controlTexts.unpin : controlTexts.pin}: ${title}`, PIN);
    pinButton.setAttribute('aria-pressed', String(Boolean(item.pinned)));
    pinButton.addEventListener('click', () => pin(item));
    const archiveButton = iconButton('archive', `${controlTexts.archive}: ${title}`, ARCHIVE);
    archiveButton.addEventListener('click', () => archive(item));
    return [pinButton, archiveButton];
  });
}
