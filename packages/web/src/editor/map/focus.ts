/** Focus an element once React has committed (after a command re-renders the grid). */
export function focusLater(selector: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}
