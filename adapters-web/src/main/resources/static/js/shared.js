// A shared chat (/s/{token}): the answers arrive as plain text and are rendered here as the chat
// screen renders them, through markdown.js (marked, then DOMPurify, then highlight.js).
import { toSafeHtml, decorateCode } from './markdown.js';

const page = document.getElementById('shared');
const texts = { copy: page.dataset.copy, copied: page.dataset.copied };
for (const answer of page.querySelectorAll('[data-markdown]')) {
  answer.innerHTML = toSafeHtml(answer.textContent);
  decorateCode(answer, texts);
}
