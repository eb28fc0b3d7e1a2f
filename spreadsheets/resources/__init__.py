"""Spreadsheet columns of every catalogue and assessment model, for django-import-export.

Two families of resources share one base (base.py) and one set of widgets (spreadsheets/widgets.py):

- the editors' resources (editors.py) are the full format: every field, rows matched on slug, used by the
  admin's import and export buttons and by `catalogus_export` / `catalogus_import`; their imports spend
  their work on the rows that change something (importing.py);
- the public resources (public.py) are what a visitor downloads from a list: readable columns only, list
  fields as lines, organisations, contact points and links in one cell, the item's web address and, for
  assessed kinds, the Wonen Eerst columns (scores.py), read from values() rows with one query per related
  table (rows.py).
"""
