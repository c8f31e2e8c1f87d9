"""Help menu: the user guide and the About dialog."""
