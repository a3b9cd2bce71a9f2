"""`python -m labkit`."""

from labkit.cli.app import main

main()
