"""Pairing an English page with its translation: sections, labelled lines, table rows, props."""
