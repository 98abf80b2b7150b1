// The texts of the conversation controls, from the message bundles (data-* of #conversation-texts).

const holder = document.getElementById('conversation-texts');

export const controlTexts = { ...holder.dataset };

/** False when an admin turned sharing off. */
export const sharingEnabled = holder.dataset.sharing === 'true';
