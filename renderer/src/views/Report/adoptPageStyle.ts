/**
 * Puts the printed page's rules (see pageStyle.ts) into the document as a constructed style
 * sheet, which the Content-Security-Policy allows where an inline <style> is refused; returns a
 * function that takes them out again. Needs a DOM, so it is apart from the pure pageStyle.ts.
 */
export function adoptPageStyle(css: string): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
  };
}
