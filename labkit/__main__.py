"""`python -m labkit`."""

from labkit.cli.entry import main

main()
