"""Test support: the throw-away PostgreSQL cluster, database fixtures, keyring."""
