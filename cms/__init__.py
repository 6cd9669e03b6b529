"""The sotecms project package: settings, URLs and the parts shared by every domain app."""
