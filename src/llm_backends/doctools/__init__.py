"""Docs tooling: placeholders for the site build and the drift check. Never imports litellm."""
