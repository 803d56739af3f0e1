"""The desk's answers to callers (the seeds' FAQ): stored, searched, filled in, emailed, edited."""
