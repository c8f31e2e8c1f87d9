"""Parts ledger tab and its dialogs."""
