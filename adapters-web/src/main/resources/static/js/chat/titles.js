// A model's title arrives a moment after a new chat's first answer (GET /api/chats says
// "titlePending" until then): the list is asked again each second for a while, and the open
// chat's title follows.

import { state } from './state.js';
import { showTitle } from './messages.js';
import { chatsRefreshed, refreshChats } from './sidebar.js';

const PATIENCE = 30;
let tries = 0;
let timer = 0;

function followTitles() {
  const open = state.chat && state.chats.find((item) => item.id === state.chat.id);
  if (open && open.title !== state.chat.title) {
    state.chat.title = open.title;
    showTitle(open.title);
  }
  clearTimeout(timer);
  if (state.chats.some((item) => item.titlePending) && tries < PATIENCE) {
    tries++;
    timer = setTimeout(refreshChats, 1000);
  } else {
    tries = 0;
  }
}

export function wireTitles() {
  chatsRefreshed.push(followTitles);
}
