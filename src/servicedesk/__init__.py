"""ServiceDesk: an offline desktop program for an after-sales service office."""

import sys

__version__ = "0.1.0"
APP_NAME = "ServiceDesk"

# sqlite-utils imports numpy and pandas when they are installed, only to
# convert their values in inserts; ServiceDesk never passes them one. On a
# PC where another program's install brought them in, that import costs
# 0.1 s (numpy) to 0.5 s (pandas) of every start and every command (issue
# 15). No dependency of ours needs them (the Windows build leaves numpy out,
# tools/pyinstaller_options.py), so they are marked absent for this process
# unless something imported them before us.
for _name in ("numpy", "pandas"):
    sys.modules.setdefault(_name, None)  # type: ignore[arg-type]
del _name
