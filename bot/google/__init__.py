"""Adapters between Google's APIs and our values. googleapiclient is imported lazily here."""
