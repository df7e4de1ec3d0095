// Material puts each code block's copy button in a <nav>: a page with twenty code blocks lists
// twenty unnamed "navigation" landmarks to a screen reader, none of them navigation (axe-core:
// landmark-unique). The box is made a plain one (role="none"); the button in it keeps its name.
// Material adds the buttons from its own script, so boxes are looked for as they appear.
(() => {
  const plain = () => {
    for (const nav of document.querySelectorAll("nav.md-code__nav:not([role])")) {
      nav.setAttribute("role", "none");
    }
  };
  plain();
  new MutationObserver(plain).observe(document.body, { childList: true, subtree: true });
})();
