"""Entry point for ``python -m csm_check``."""

from csm_check.cli import main

if __name__ == "__main__":
    main()
