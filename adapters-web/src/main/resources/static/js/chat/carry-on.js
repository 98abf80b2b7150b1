// Carrying on after the server that wrote an answer went away (several nodes behind a load balancer; a node killed or
// crashed mid-answer). The words that arrived stay on screen and in the chat, marked interrupted, with Retry. The dead
// node's hold on the chat ("one answer at a time") lasts until it expires (about 10 s), and until then answering again
// is refused with 409 answer_in_progress: after a cut answer in this chat, Retry then says "Reconnecting…" and tries
// again by itself every few seconds, for up to half a minute, so that the user's Retry is answered by another node
// as soon as it may be, without a reload. Another refusal than that, or the time up, ends in the usual failure box.

import { element } from './dom.js';
import { el, texts } from './state.js';
import { scrollToEnd } from './messages.js';

/** How long after a cut answer a refused Retry keeps trying by itself: more than the claim's expiry (10 s). */
const PATIENCE_MS = 30_000;
/** How often it tries. */
const EVERY_MS = 2_000;

/** chat id → when this page last saw an answer of that chat cut off. */
const cuts = new Map();
/** Whether a try again is due (a Retry pressed meanwhile does not start a second round of tries). */
let pending = false;

/** The answer streaming in {@code chatId} was cut off (the connection ended before "done" or "error"). */
export function noteCut(chatId) {
  if (chatId) {
    cuts.set(chatId, Date.now());
  }
}

/** The chat answered (or failed in words): nothing to carry on. */
export function forget(chatId) {
  cuts.delete(chatId);
}

/**
 * Whether a refused Retry in {@code chatId} should wait and try again: it was refused because an answer still holds
 * the chat, and that answer is presumably the one cut off here a short while ago.
 */
export function shouldWait(chatId, refusal) {
  const at = cuts.get(chatId);
  return refusal?.error === 'answer_in_progress' && at !== undefined && Date.now() - at < PATIENCE_MS;
}

/** Shows "Reconnecting…" under the conversation for a moment, then resolves (to try again). */
export function waitAMoment() {
  clearReconnecting();
  const box = element('div', 'message-reconnecting');
  box.setAttribute('role', 'status');
  box.append(element('p', null, texts.reconnecting));
  el.messages.append(box);
  scrollToEnd(false);
  pending = true;
  return new Promise((resolve) => setTimeout(() => {
    pending = false;
    resolve();
  }, EVERY_MS));
}

/** Whether this module will try again by itself in a moment. */
export function waiting() {
  return pending;
}

export function clearReconnecting() {
  for (const box of el.messages.querySelectorAll('.message-reconnecting')) {
    box.remove();
  }
}
