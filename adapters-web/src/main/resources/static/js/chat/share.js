// Share links: the topbar's Share button opens a dialog that makes a read-only link to the chat as
// it is now (/s/{token}), copies it, makes it again with what came since, or revokes it.

import { api } from './api.js';
import { state } from './state.js';
import { controlTexts, sharingEnabled } from './controls-texts.js';

const button = document.getElementById('share-button');
const dialog = document.getElementById('share-dialog');
const linkBox = document.getElementById('share-link');
const url = document.getElementById('share-url');
const copy = document.getElementById('share-copy');
const create = document.getElementById('share-create');
const revoke = document.getElementById('share-revoke');
const status = document.getElementById('share-status');

function show(link) {
  linkBox.hidden = !link;
  revoke.hidden = !link;
  url.value = link ? new URL(link.path, location.origin).href : '';
  create.textContent = link ? controlTexts.shareUpdate : controlTexts.shareCreate;
}

async function open() {
  status.textContent = '';
  show(null);
  dialog.showModal();
  try {
    show(await api('GET', `/api/chats/${state.chat.id}/share`));
  } catch {
    // no link yet
  }
}

export function updateShareButton() {
  button.hidden = !sharingEnabled || !state.chat;
}

export function wireShare() {
  updateShareButton();
  // the open chat changes without a reload: the button follows the page's address
  const observer = new MutationObserver(updateShareButton);
  observer.observe(document.getElementById('chat-title'), { childList: true, characterData: true, subtree: true });
  button.addEventListener('click', open);
  create.addEventListener('click', async () => {
    try {
      show(await api('POST', `/api/chats/${state.chat.id}/share`));
      status.textContent = '';
      url.select();
    } catch (error) {
      status.textContent = error.message;
    }
  });
  revoke.addEventListener('click', async () => {
    try {
      await api('DELETE', `/api/chats/${state.chat.id}/share`);
      show(null);
      status.textContent = controlTexts.shareRevoked;
    } catch (error) {
      status.textContent = error.message;
    }
  });
  copy.addEventListener('click', async () => {
    url.select();
    try {
      await navigator.clipboard.writeText(url.value);
    } catch {
      document.execCommand('copy');
    }
    status.textContent = controlTexts.copied;
  });
}
