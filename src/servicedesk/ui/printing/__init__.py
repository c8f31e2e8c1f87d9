"""Print preview, printing and print settings dialogs."""
