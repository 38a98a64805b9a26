"""Warm runners: long-lived Ray actors that run job steps without a new Ray job each (see docs/jobs.md)."""
