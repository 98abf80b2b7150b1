// Server-sent events read from a fetch() body. EventSource cannot POST nor send the CSRF header,
// so the answer stream is parsed here, following the HTML standard's event-stream rules.

/**
 * Yields {event, data} for each complete event of the stream; data is parsed JSON.
 * An event is a block of lines ended by a blank line; "event:" names it, "data:" lines carry
 * its data (joined by newlines), lines starting with ":" are comments.
 */
export async function* readEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        // the standard drops an event that the stream ended before its blank line
        return;
      }
      buffer += value;
      let end;
      while ((end = blockEnd(buffer)) !== null) {
        const event = parse(buffer.slice(0, end.start));
        buffer = buffer.slice(end.next);
        if (event) {
          yield event;
        }
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/** Where the first blank line is: lines may end in \r\n, \n or \r. */
function blockEnd(text) {
  const match = /\r\n\r\n|\n\n|\r\r|\r\n\n|\n\r\n/.exec(text);
  return match ? { start: match.index, next: match.index + match[0].length } : null;
}

function parse(block) {
  let event = 'message';
  const data = [];
  for (const line of block.split(/\r\n|\n|\r/)) {
    if (line === '' || line.startsWith(':')) {
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      event = value;
    } else if (field === 'data') {
      data.push(value);
    }
  }
  if (data.length === 0) {
    return null;
  }
  return { event, data: JSON.parse(data.join('\n')) };
}
