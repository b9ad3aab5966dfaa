"""Evaluation on JSON Lines sets: segmentation, bias detection, summary quality, neutrality.

Each module reads one file format (as in ``../shared/data``) and returns a frozen result
that the CLI prints as a table or as JSON.  None of the data is shipped with evenhand.
"""
