"""The documentation site build: placeholders, blocks, notices and per-language search.

MkDocs loads ``hooks.py`` from ``mkdocs.yml``; everything else here is plain code that
tests can call without running MkDocs. Nothing in this package imports litellm.
"""
