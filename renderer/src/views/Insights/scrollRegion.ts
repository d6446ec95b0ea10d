/**
 * A Svelte action for a box that scrolls sideways on narrow windows: only while its content
 * overflows is it a named region that takes keyboard focus (so arrow keys can scroll it);
 * on wide windows it adds no tab stop.
 */
export function scrollRegion(node: HTMLElement, label: string): { update(label: string): void; destroy(): void } {
  let name = label;
  const update = (): void => {
    if (node.scrollWidth > node.clientWidth + 1) {
      node.tabIndex = 0;
      node.setAttribute('role', 'region');
      node.setAttribute('aria-label', name);
    } else {
      node.removeAttribute('tabindex');
      node.removeAttribute('role');
      node.removeAttribute('aria-label');
    }
  };
  const observer = new ResizeObserver(update);
  observer.observe(node);
  update();
  return {
    update(next) {
      name = next;
      update();
    },
    destroy() {
      observer.disconnect();
    },
  };
}
