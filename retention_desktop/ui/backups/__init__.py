"""File > Backups…: the backups there are, restoring one, their folder."""
