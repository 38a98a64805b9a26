"""Statistics of datasets (the library behind `jobs/statistics.py`)."""
