// The conversation's messages on screen: user bubbles, assistant answers rendered from markdown as
// they grow (with their sources), failures with a Retry button, and the chat's title.

import { toSafeHtml, decorateCode } from '../markdown.js';
import { format } from '../i18n.js';
import { element } from './dom.js';
import { el, texts } from './state.js';

export function scrollToEnd(force) {
  const c = el.conversation;
  if (force || c.scrollHeight - c.scrollTop - c.clientHeight < 120) {
    c.scrollTop = c.scrollHeight;
  }
}

export function showTitle(title) {
  el.title.textContent = title;
  document.title = `${title} · Suhbat`;
}

export function hideEmptyState() {
  if (el.emptyState) {
    el.emptyState.remove();
    el.emptyState = null;
  }
}

export function addUserMessage(text) {
  const article = element('article', 'message user');
  article.setAttribute('aria-label', texts.you);
  article.append(element('div', 'bubble', text));
  el.messages.append(article);
  return article;
}

/** One assistant message, rendered from markdown as its text grows. */
export function addAssistantMessage(content = '') {
  const article = element('article', 'message assistant');
  article.setAttribute('aria-label', texts.assistant);
  const body = element('div', 'markdown');
  article.append(body);
  el.messages.append(article);
  let text = content;
  article.markdownSource = text;
  let frame = 0;
  const render = () => {
    frame = 0;
    body.innerHTML = toSafeHtml(text);
    decorateCode(body, texts);
    scrollToEnd(false);
  };
  const view = {
    article,
    get text() {
      return text;
    },
    streaming() {
      article.classList.add('streaming');
      article.setAttribute('aria-busy', 'true');
    },
    append(piece) {
      text += piece;
      article.markdownSource = text; // what Ctrl+Shift+C copies until the stored message is read back
      if (!frame) {
        // one render per frame however fast the pieces come
        frame = requestAnimationFrame(render);
      }
    },
    finish() {
      if (frame) {
        cancelAnimationFrame(frame);
      }
      render();
      article.classList.remove('streaming');
      article.removeAttribute('aria-busy');
    },
    /** The passages the answer drew on: page and text; the page becomes a link once the answer is stored. */
    sources(list) {
      if (!list || list.length === 0) {
        return;
      }
      const details = element('details', 'sources');
      details.append(element('summary', null, `${texts.sources} (${list.length})`));
      const ol = element('ol');
      for (const source of list) {
        const li = element('li');
        // an <a> without href is no link yet: the answer's rank, part of the address, comes with "done";
        // a passage of a file attached to the chat shows its page but does not open
        const page = element(source.opens === false ? 'span' : 'a', 'source-page', format(texts.page, { n: source.page }));
        page.dataset.page = source.page;
        li.append(page, element('span', 'source-text', source.text));
        ol.append(li);
      }
      details.append(ol);
      article.append(details);
    },
    /** Each page opens, in a new tab, as a one-page PDF served only for this answer's citations. */
    linkSources(chatId, rank) {
      // the stored answer's rank, for what hangs on it (feedback.js)
      article.dataset.rank = rank;
      for (const page of article.querySelectorAll('.sources a.source-page')) {
        page.href = `/c/${chatId}/messages/${rank}/sources/${page.dataset.page}`;
        page.target = '_blank';
        page.rel = 'noopener';
        page.title = format(texts.sourceOpen, { n: page.dataset.page });
        page.setAttribute('aria-label', page.title);
      }
    },
    note(sentence) {
      article.append(element('p', 'message-note', sentence));
    },
  };
  if (content) {
    render();
  }
  return view;
}

/**
 * A failure in the chat: a sentence, and a Retry button that answers the last message again; {@code more} adds
 * buttons ({label, action}) beside it.
 */
export function showFailure(message, retry, more = []) {
  const box = element('div', 'message-error');
  box.setAttribute('role', 'alert');
  box.append(element('p', null, message));
  const buttons = element('div', 'problem-actions');
  const choices = retry ? [{ label: texts.retry, action: retry }, ...more] : more;
  for (const { label, action } of choices) {
    const button = element('button', 'button small', label);
    button.type = 'button';
    button.addEventListener('click', () => {
      box.remove();
      action();
    });
    buttons.append(button);
  }
  if (choices.length > 0) {
    box.append(buttons);
  }
  el.messages.append(box);
  scrollToEnd(true);
  return box;
}

/** A short-lived problem that has no place in the conversation (a failed rename). */
export function showNotice(message) {
  showFailure(message, null);
}

export function clearFailures() {
  for (const box of el.messages.querySelectorAll('.message-error')) {
    box.remove();
  }
}
