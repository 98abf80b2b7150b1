// Markdown of model output to safe HTML. The model's text is untrusted: whatever it writes is run
// through DOMPurify with a short list of tags, so it can never run script, load remote content or
// restyle the page. marked, DOMPurify and highlight.js are the WebJar scripts loaded by the page.

const { marked, DOMPurify, hljs } = window;

marked.setOptions({ gfm: true, breaks: false });

const ALLOWED_TAGS = [
  'a', 'b', 'blockquote', 'br', 'code', 'del', 'details', 'div', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'hr', 'i', 'img', 'input', 'kbd', 'li', 'ol', 'p', 'pre', 's', 'span', 'strong', 'sub', 'summary', 'sup',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
];
const ALLOWED_ATTR = ['href', 'title', 'alt', 'src', 'class', 'align', 'colspan', 'rowspan', 'start', 'type', 'checked', 'disabled'];

const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', (node) => {
  // classes could dress model output up as parts of the page; only a code block's language stays
  const language = node.tagName === 'CODE' && /(?:^|\s)(language-[\w+#-]+)/.exec(node.getAttribute('class') || '');
  if (language) {
    node.setAttribute('class', language[1]);
  } else {
    node.removeAttribute('class');
  }
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  } else if (node.tagName === 'IMG') {
    // only pictures carried in the text itself: a remote src would let the model make the browser call out
    const src = node.getAttribute('src') || '';
    if (!/^data:image\/(png|gif|jpeg|webp);/i.test(src)) {
      node.replaceWith(document.createTextNode(node.getAttribute('alt') || ''));
    }
  } else if (node.tagName === 'INPUT') {
    // GFM task lists are the only inputs markdown makes
    if (node.getAttribute('type') !== 'checkbox') {
      node.remove();
    } else {
      node.setAttribute('disabled', '');
    }
  }
});

/** Safe HTML for one assistant message; unfinished markdown (an open code fence) renders as far as it goes. */
export function toSafeHtml(markdown) {
  return purifier.sanitize(marked.parse(markdown), {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
  });
}

/** Colours each code block and gives it a header with its language and a copy button. */
export function decorateCode(container, texts) {
  for (const code of container.querySelectorAll('pre > code')) {
    const pre = code.parentElement;
    const language = (/language-([\w+#-]+)/.exec(code.className) || [])[1];
    if (language && hljs.getLanguage(language)) {
      // highlight.js escapes the text it is given, so its markup is as safe as the text
      code.innerHTML = hljs.highlight(code.textContent, { language, ignoreIllegals: true }).value;
    }
    code.classList.add('hljs');
    const block = document.createElement('div');
    block.className = 'code-block';
    const head = document.createElement('div');
    head.className = 'code-head';
    const name = document.createElement('span');
    name.textContent = language || 'text';
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.className = 'copy-button';
    copy.textContent = texts.copy;
    copy.setAttribute('aria-label', texts.copy);
    copy.addEventListener('click', () => copyText(code.textContent).then(() => {
      copy.textContent = texts.copied;
      setTimeout(() => { copy.textContent = texts.copy; }, 1500);
    }));
    head.append(name, copy);
    pre.replaceWith(block);
    block.append(head, pre);
  }
}

/** The clipboard API exists only on secure origins; a self-hosted server on plain HTTP needs the old way. */
export function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    // a browser may still refuse (no permission, page not focused): then the old way
    return navigator.clipboard.writeText(text).catch(() => copyTheOldWay(text));
  }
  return copyTheOldWay(text);
}

function copyTheOldWay(text) {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
  return Promise.resolve();
}
