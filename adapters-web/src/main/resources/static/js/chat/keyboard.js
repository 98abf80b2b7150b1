// Keyboard shortcuts of the chat screen, and the dialog that lists them (Ctrl+/):
//   Ctrl+Shift+O new chat · Esc stops the answer · ↑ in an empty composer edits the last question ·
//   Ctrl+Shift+C copies the last answer · Ctrl+/ this list.
// Other parts of the screen add theirs with onShortcut('ctrl+k', handler) (search) and a row in the dialog
// (#shortcuts-dialog in chat.mustache). Cmd counts as Ctrl on a Mac.

import { app, el, state } from './state.js';

const added = new Map();

/** Adds a shortcut, written as 'ctrl+k', 'ctrl+shift+x' or 'escape' (lower case). */
export function onShortcut(combo, handler) {
  added.set(combo, handler);
}

function comboOf(event) {
  const ctrl = event.ctrlKey || event.metaKey;
  return `${ctrl ? 'ctrl+' : ''}${event.shiftKey ? 'shift+' : ''}${event.key.toLowerCase()}`;
}

function dialogOpen() {
  return document.querySelector('dialog[open]') !== null;
}

/** {stop(), editLast(): boolean, copyLast()}: what the shortcuts do. */
export function wireKeyboard({ stop, editLast, copyLast }) {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing) {
      return;
    }
    const combo = comboOf(event);
    if (combo === 'ctrl+shift+o') {
      event.preventDefault();
      location.assign('/');
    } else if (combo === 'ctrl+shift+c') {
      event.preventDefault();
      copyLast();
    } else if (combo === 'ctrl+/' || combo === 'ctrl+shift+/' || combo === 'ctrl+shift+?') {
      event.preventDefault();
      openShortcuts();
    } else if (combo === 'escape' && state.streaming && !dialogOpen() && !app.classList.contains('sidebar-open')) {
      event.preventDefault();
      stop();
    } else if (added.has(combo)) {
      event.preventDefault();
      added.get(combo)(event);
    }
  });
  el.prompt?.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowUp' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey
        && el.prompt.value === '' && editLast()) {
      event.preventDefault();
    }
  });
}

function openShortcuts() {
  const dialog = el.shortcutsDialog;
  if (dialog && !dialog.open) {
    dialog.showModal();
  }
}
