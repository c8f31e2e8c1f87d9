"""The office's data and rules. No Qt, no printing, no Excel here."""
