/**
 * The popup's width under browser zoom.
 *
 * Chrome sizes an action popup to its content, at most 800 × 600 device-independent pixels, and the
 * popup's body asks for 500 CSS px (popup.css: the five tabs on one line in every language). Browser
 * zoom makes each CSS pixel bigger: above about 155 % the 800 pixels hold fewer than those 500 CSS
 * px (457 at 175 %, 320 at 250 %), and the popup scrolled sideways, every line cut at its edge.
 *
 * `fitWidth` gives the body only the room the popup has then, so the content reflows (the tabs wrap
 * onto a second line) and nothing scrolls sideways; at a zoom where the 500 px fit, it leaves them.
 * The room is read after Chrome's auto-size has run (it runs within the layout that reading it
 * forces), so it is exact whatever the screen's own scale, and the body's own width is set in
 * pixels: a width relative to the viewport would feed back into the auto-size, which starts small.
 */
export function fitWidth(doc: Document): void {
  const { body, documentElement: root } = doc;
  if (!body) return;
  body.style.removeProperty('width');
  const room = root.clientWidth; // without a vertical scrollbar's width
  if (room > 0 && root.scrollWidth > room) body.style.width = `${room}px`;
}

/**
 * Fits now, and again whenever the popup's size in CSS pixels changes (a zoom change while it is
 * open; a tab the page was opened in, resized). Fitting again ends at the same size, so it settles.
 * Returns the undo.
 */
export function keepFitted(win: Window): () => void {
  const refit = () => fitWidth(win.document);
  refit();
  win.addEventListener('resize', refit);
  return () => win.removeEventListener('resize', refit);
}
