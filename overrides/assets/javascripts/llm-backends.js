// Accessibility fixes to what Material's own script builds (checked with axe-core in
// tests/browser/test_accessibility.py). Material adds these elements after the page loads, and
// changes some on resize, so they are looked at again whenever the page changes.
//
// - Material puts each code block's copy button in a <nav>: a page with twenty code blocks lists
//   twenty unnamed "navigation" landmarks to a screen reader, none of them navigation (axe-core:
//   landmark-unique). The box is made a plain one (role="none"); the button in it keeps its name.
// - A box that scrolls sideways must take keyboard focus, or a reader on the keyboard cannot see
//   the rest of it (axe-core: scrollable-region-focusable). Material makes an overflowing code
//   block focusable only where the device has hover, so not on phones, and a wide table's
//   scroll box never; the retry chart scrolls on phones (llm-backends.css).
(() => {
  const SCROLLERS = ".md-typeset pre > code, .md-typeset__scrollwrap, .md-typeset .llm-chart";
  const fix = () => {
    for (const nav of document.querySelectorAll("nav.md-code__nav:not([role])")) {
      nav.setAttribute("role", "none");
    }
    for (const box of document.querySelectorAll(SCROLLERS)) {
      if (!box.hasAttribute("tabindex") && box.scrollWidth > box.clientWidth) {
        box.setAttribute("tabindex", "0");
      }
    }
  };
  fix();
  new MutationObserver(fix).observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["tabindex"], // Material takes a code block's back off on touch screens
  });
  window.addEventListener("resize", fix);
})();
