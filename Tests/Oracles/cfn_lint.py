#!/usr/bin/env python3
"""Run cfn-lint (the pinned version in requirements.txt) with the arguments given.

The same as the `cfn-lint` command, but through this Python, so the tests do not depend on
where pip put the console script.
"""
import sys

from cfnlint.runner import main

if __name__ == "__main__":
    sys.exit(main())
