"""Infrastructure every area stands on: the data file, migrations, settings, messages, errors, parsing and the import loop."""
