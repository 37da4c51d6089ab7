"""Bulk CSV normalization: stream a CSV, resolve one column, append the result columns.

    job = CsvJob.open(binary_source, CsvOptions(column="name"), normalizer.resolve)
    job.write(text_sink)             # or: for text in job.text_chunks(): ...
    print(job.summary.text())

See results.py for the appended columns, encoding.py for encodings, job.py for bad rows.
"""

from normalizer.bulk.job import CsvJob, Observer, Progress, find_column
from normalizer.bulk.options import CsvError, CsvInputError, CsvOptions, CsvUsageError
from normalizer.bulk.results import RESULT_COLUMNS, STATUSES, RowResult, neutralize
from normalizer.bulk.summary import CsvSummary, UnmatchedCounter

__all__ = [
    "RESULT_COLUMNS", "STATUSES", "CsvError", "CsvInputError", "CsvJob", "CsvOptions", "CsvSummary",
    "CsvUsageError", "Observer", "Progress", "RowResult", "UnmatchedCounter", "find_column",
    "neutralize",
]
