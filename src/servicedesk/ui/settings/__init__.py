"""Settings dialogs (business settings, technicians register)."""
