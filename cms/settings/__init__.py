"""Settings split by purpose: ``base`` (shared, safe defaults), ``dev``, ``test`` and ``production``."""
