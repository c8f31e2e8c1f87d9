"""Follow-ups tab and its dialogs."""
