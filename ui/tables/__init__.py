"""UI tables: display tables: frames in, frames with translated headers out."""
