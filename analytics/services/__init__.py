"""What pages call: one function per page question (store → queries → metrics/models → frames)."""
