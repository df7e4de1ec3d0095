"""Browser tests: the built documentation site, read in headless Chromium in every language."""
