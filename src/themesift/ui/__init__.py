"""Streamlit render functions for themesift's app.

Each page module has one ``render_*`` function taking values already computed
(a :class:`themesift.project.View`) and a ``key`` prefix for its widgets.
Caching lives in :mod:`themesift.ui.cache`; ``app.py`` only wires them up.
"""
