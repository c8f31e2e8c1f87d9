"""Sub-commands of the CLI, one module per area (each has register(sub, common))."""
