// What the chat screen knows: the page's elements, its texts, the CSRF header, and the state that
// changes as the user works (the open chat, the list of chats, today's quota, the streaming answer).
// The page embeds the first-paint state (in the API's shapes) so that nothing waits for a round trip.

export const app = document.getElementById('chat-app');
const initial = JSON.parse(app.dataset.state);

/** The page's texts in its language, from the message bundles (data-* of #chat-texts). */
export const texts = { ...document.getElementById('chat-texts').dataset };

export const csrf = {
  header: document.querySelector('meta[name="_csrf_header"]').content,
  token: document.querySelector('meta[name="_csrf"]').content,
};

export const el = {
  sidebar: document.getElementById('sidebar'),
  backdrop: document.getElementById('backdrop'),
  menuButton: document.getElementById('menu-button'),
  sidebarClose: document.getElementById('sidebar-close'),
  chatList: document.getElementById('chat-list'),
  model: document.getElementById('model'),
  conversation: document.getElementById('conversation'),
  emptyState: document.getElementById('empty-state'),
  title: document.getElementById('chat-title'),
  messages: document.getElementById('messages'),
  composer: document.getElementById('composer'),
  prompt: document.getElementById('prompt'),
  send: document.getElementById('send'),
  remaining: document.getElementById('remaining'),
  closedNotice: document.getElementById('closed-notice'),
  closedText: document.getElementById('closed-text'),
  quotaNotice: document.getElementById('quota-notice'),
  quotaText: document.getElementById('quota-text'),
  deleteDialog: document.getElementById('delete-dialog'),
  deleteName: document.getElementById('delete-name'),
  shortcutsDialog: document.getElementById('shortcuts-dialog'),
};

/** How few remaining messages make the screen say how many are left. */
export const FEW_LEFT = 5;
export const MODEL_KEY = 'suhbat.model';
export const DRAFT_KEY = 'suhbat.draft';

/**
 * The state that changes. One object, so that every module reads and writes the same values:
 * chat (the open chat, null on a new chat), chats (the sidebar's list), models (offered models),
 * today (the user's daily message quota {quota, used, left, nearlyUsedUp, resetsAt}, null when none
 * applies), streaming (the AbortController of the answer that is streaming, if one is) and stopping.
 */
export const state = {
  chat: initial.chat,
  chats: initial.chats,
  models: initial.models,
  today: initial.today,
  streaming: null,
  /** The Stop request of the last stopped answer: once it is answered, the server has kept what arrived. */
  stopping: Promise.resolve(),
};
