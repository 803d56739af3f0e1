"""The answers pane beside the candidate (the seeds' FAQ), its editor and its email."""
