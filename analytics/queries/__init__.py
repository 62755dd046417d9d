"""The only code that reads the store: one function per question, DataFrames out."""
