"""Start-up dialogs: the first-start wizard and the clerk picker."""
