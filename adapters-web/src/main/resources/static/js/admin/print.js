// The print page's button (the Content-Security-Policy allows no inline script).

export function wirePrint() {
  const button = document.querySelector('[data-print]');
  if (button) {
    button.addEventListener('click', () => window.print());
  }
}
