// The chat screen: sidebar of chats, model picker, conversation and composer, talking to the
// JSON/SSE API of docs/api.md. This entry module wires the page; the parts live in ./chat/:
//   state.js (elements, texts, changing state)   api.js (JSON calls)      dom.js (element helpers)
//   sidebar.js (chat list, rename, delete)       models.js (model picker) messages.js (messages on screen)
//   composer.js (prompt, send/stop, limits)      stream.js (answer stream, Stop)
//   conversation.js (history, open chat, send, regenerate, edit, versions)
//   actions.js (copy / edit / regenerate under each message, the ‹ 2/3 › switcher, the question editor)
//   keyboard.js (shortcuts and their dialog; onShortcut() adds more)

import { DRAFT_KEY, el, state } from './chat/state.js';
import { putBack, scheduleAllowanceRefresh, updateComposer, wireComposer } from './chat/composer.js';
import { copyLastAnswer, editLastQuestion, openChat, renderHistory, send } from './chat/conversation.js';
import { wireKeyboard } from './chat/keyboard.js';
import { renderModels, wireModels } from './chat/models.js';
import { renderChatList, wireSidebar } from './chat/sidebar.js';
import { stopAnswer } from './chat/stream.js';

function wire() {
  wireSidebar();
  wireModels();
  // back and forward between chats stay on the page; any other address is the server's to render
  window.addEventListener('popstate', () => {
    const match = location.pathname.match(/^\/c\/(\d+)$/);
    if (match && !state.streaming) {
      openChat(Number(match[1]), false);
    } else {
      location.reload();
    }
  });
  wireComposer({ send, stop: stopAnswer });
  wireKeyboard({ stop: stopAnswer, editLast: editLastQuestion, copyLast: copyLastAnswer });
}

renderChatList();
renderModels();
renderHistory();
wire();
updateComposer();
scheduleAllowanceRefresh();
if (!state.chat && el.prompt) {
  const draft = sessionStorage.getItem(DRAFT_KEY);
  if (draft) {
    sessionStorage.removeItem(DRAFT_KEY);
    putBack(draft);
  }
  el.prompt.focus();
}
