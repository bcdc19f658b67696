"""Qt widgets, item models, charts and background jobs."""
