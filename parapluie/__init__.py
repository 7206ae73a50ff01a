"""Parapluie: build logic for a private, light, multilingual static site.

The package holds plain, tested functions: the language registry, page front matter,
staging of each language, the renderer run, post-processing and checks. MkDocs hooks
(`parapluie.render.hooks`) only adapt these functions to MkDocs events.
"""
