"""A builder's process started ahead of its build: ``python -m generator.publish.builder_process
MODULE [PRELOAD ...]``.

It imports the builder's command line and the modules its build will need (the theme's
plugins, this project's builder hook) while the caller writes the staging tree, then reads one
request from stdin: the command line arguments, the working folder and the whole environment
of the build. It then runs ``MODULE`` as ``python -m MODULE`` would, in that folder and that
environment (``sys.path[0]`` the folder, as ``-m`` puts it), and exits with the builder's code.
What a preloaded module reads of the environment at import, it reads from the environment
the process started with (the caller's, the builder's banner quieted): of the modules
preloaded, only the theme's banner switch is read then; the build reads the request's.
"""

from __future__ import annotations

import importlib
import json
import os
import runpy
import sys


def main(argv: list[str]) -> None:
    """Preload, wait for the request, run the builder."""
    module, *preload = argv
    for name in preload:
        importlib.import_module(name)
    sent = sys.stdin.read()
    if not sent:  # the build was refused before its builder ran
        return
    request = json.loads(sent)
    os.environ.clear()
    os.environ.update(request["env"])
    os.chdir(request["cwd"])
    sys.path[0] = request["cwd"]
    sys.argv = [module, *request["args"]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
