import { afterEach, describe, expect, it } from 'vitest';
import { fitWidth, keepFitted } from '@/lib/ui/popup/fit';

/**
 * A popup as Chrome auto-sizes it: as wide as the body asks (500 CSS px from popup.css, or the width
 * set on it) plus 30 px of room for a scrollbar, at most `max` CSS px (800 device-independent pixels
 * divided by the zoom). The document is as wide as the popup, or as its body when that is wider.
 */
function autosized(max: { value: number }) {
  const root = document.documentElement;
  const bodyWidth = () => parseFloat(document.body.style.width) || 500;
  const popup = () => Math.min(max.value, bodyWidth() + 30);
  Object.defineProperty(root, 'clientWidth', { configurable: true, get: popup });
  Object.defineProperty(root, 'scrollWidth', { configurable: true, get: () => Math.max(bodyWidth(), popup()) });
  return { overflow: () => root.scrollWidth - root.clientWidth };
}

afterEach(() => {
  document.body.removeAttribute('style');
  delete (document.documentElement as { clientWidth?: number }).clientWidth;
  delete (document.documentElement as { scrollWidth?: number }).scrollWidth;
});

describe('the popup under browser zoom', () => {
  it('keeps its own width where the popup has room for it (100 % and 150 % zoom)', () => {
    for (const max of [800, 533]) {
      const popup = autosized({ value: max });
      fitWidth(document);
      expect(document.body.style.width).toBe('');
      expect(popup.overflow()).toBe(0);
    }
  });

  it('takes only the room the popup has above that (175 %, 250 %), so nothing scrolls sideways', () => {
    for (const max of [457, 320]) {
      const popup = autosized({ value: max });
      expect(popup.overflow()).toBeGreaterThan(0);
      fitWidth(document);
      expect(document.body.style.width).toBe(`${max}px`);
      expect(popup.overflow()).toBe(0);
    }
  });

  it('fits again when the zoom changes while it is open, and settles', () => {
    const max = { value: 457 };
    const popup = autosized(max);
    const undo = keepFitted(window);
    expect(document.body.style.width).toBe('457px');
    max.value = 800; // zoomed back to 100 %
    window.dispatchEvent(new Event('resize'));
    expect(document.body.style.width).toBe('');
    max.value = 400; // then to 200 %
    window.dispatchEvent(new Event('resize'));
    expect(document.body.style.width).toBe('400px');
    expect(popup.overflow()).toBe(0);
    // A resize that changes nothing (the popup's own height, say) leaves the width as it was.
    window.dispatchEvent(new Event('resize'));
    expect(document.body.style.width).toBe('400px');
    undo();
    max.value = 800;
    window.dispatchEvent(new Event('resize'));
    expect(document.body.style.width).toBe('400px');
  });
});
