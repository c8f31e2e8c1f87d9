"""Customer archive tab and its dialogs."""
