"""The ``evenhand`` command line: a thin face over the :mod:`summarizer` library."""
