"""Validation of an uploaded CSV file against its template (the library behind `jobs/validate.py`).

`rules` holds the template and the type rules, `report` what a validation finds, `sniff` the checks of a file's
first bytes, and `stream` the streaming validator that hands the valid rows, typed, to a sink.
"""
