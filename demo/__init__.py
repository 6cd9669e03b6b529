"""Demo content for development and tests: data files, sample files and the loader that reads them.

Installed only by ``cms.settings.dev`` and ``cms.settings.test``; production settings never
install this app, so its management commands and files do not exist on a server.
"""
