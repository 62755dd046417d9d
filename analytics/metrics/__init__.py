"""Pure metrics: DataFrames in, DataFrames out; no SQL, no store (LQ, shift-share, complexity, IO, finance)."""
