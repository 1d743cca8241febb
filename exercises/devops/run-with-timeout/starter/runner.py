import subprocess


def run_command(argv, timeout, input_text=None):
    """Run `argv` (a list, no shell) for at most `timeout` seconds and report what happened."""
    # TODO
    raise NotImplementedError


def run_steps(steps, timeout):
    """Run each command of `steps` in order, stopping after the first one that is not ok."""
    # TODO
    raise NotImplementedError
