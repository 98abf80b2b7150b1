// The model picker: the offered models, the open chat's model (even one no longer offered).

import { element } from './dom.js';
import { el, MODEL_KEY, state } from './state.js';

export function renderModels() {
  const { chat, models } = state;
  const wanted = chat ? chat.model : localStorage.getItem(MODEL_KEY);
  const options = models.map((model) => {
    const option = element('option', null, model.name);
    option.value = model.id;
    if (model.description) {
      option.title = model.description;
    }
    return option;
  });
  if (chat && !models.some((model) => model.id === chat.model)) {
    // a model no longer offered still names the chat's model, but cannot be picked again
    const gone = element('option', null, chat.model);
    gone.value = chat.model;
    gone.disabled = true;
    options.unshift(gone);
  }
  el.model.replaceChildren(...options);
  if (wanted && options.some((option) => option.value === wanted)) {
    el.model.value = wanted;
  }
}

export function wireModels() {
  el.model.addEventListener('change', () => {
    // a new chat takes the last picked model; a chat's own model changes with its next message
    localStorage.setItem(MODEL_KEY, el.model.value);
  });
}
