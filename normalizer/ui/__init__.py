"""Editors' web UI shell: server-rendered pages under /ui/ over the Normalizer service.

Plain HTML forms with a CSRF token each, one small script (search as you type, name-conflict
hints, entity pickers), Vietnamese and English. Only `service`, `model` and `settings` are imported.
"""

from normalizer.ui.app import register_ui

__all__ = ["register_ui"]
