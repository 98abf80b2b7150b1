// Calls of the JSON API (docs/api.md) with the CSRF header; failures become the API's {error, message}.

import { csrf, texts } from './state.js';

export async function api(method, url, body) {
  const headers = { Accept: 'application/json', [csrf.header]: csrf.token };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw { error: 'offline', message: texts.offline };
  }
  if (!response.ok) {
    throw await errorOf(response);
  }
  return response.status === 204 ? null : response.json().catch(() => null);
}

/** The API's error {error, message}; anything else becomes a general sentence. */
export async function errorOf(response) {
  try {
    const body = await response.json();
    if (body && body.message) {
      return { error: body.error || `http_${response.status}`, message: body.message };
    }
  } catch {
    // not JSON: a proxy's page or an empty body
  }
  return { error: `http_${response.status}`, message: texts.error };
}
