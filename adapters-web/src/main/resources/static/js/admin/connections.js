// The Connections page: picking another kind of connection puts that kind's usual address into the address
// field, as long as the admin has not typed one of their own.

export function wireConnectionKinds() {
  const form = document.getElementById('add-connection');
  if (!form) {
    return;
  }
  const kind = form.querySelector('select[name=kind]');
  const address = form.querySelector('input[name=baseUrl]');
  const defaults = new Set([...kind.options].map((option) => option.dataset.baseUrl));
  kind.addEventListener('change', () => {
    const value = address.value.trim();
    if (value === '' || defaults.has(value)) {
      address.value = kind.selectedOptions[0].dataset.baseUrl;
    }
  });
}
