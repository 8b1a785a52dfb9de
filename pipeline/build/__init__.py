"""The build stage: localized HTML pages and PDF handouts from the catalogs.

plan (release decision, outcomes, manifest) · run (the build itself) · page (HTML via Jinja2)
· pdf (WeasyPrint) · index (patient index and review dashboard) · furniture, doccontrol,
releases, ui (what a handout carries besides its text) · templates/ (overridable per theme).
"""
