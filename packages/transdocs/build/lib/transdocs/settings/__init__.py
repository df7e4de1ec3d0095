"""One settings reader for the checker and the site: a .json/.toml file or a module:object."""
