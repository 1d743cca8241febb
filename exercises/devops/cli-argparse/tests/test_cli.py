import pytest


def run(submission, argv):
    result = submission.run(argv)
    assert isinstance(result, (list, tuple)) and len(result) == 3, "run() is a given helper: leave it as it is"
    code, out, err = result
    assert isinstance(code, int) and not isinstance(code, bool), (
        "main() must return the exit code as an int (SystemExit's code, 0 after a deploy line)"
    )
    return code, out, err


@pytest.mark.points(2)
def test_parser_values(submission):
    """build_parser() parses every option into the right type"""
    parser = submission.build_parser()
    args = parser.parse_args(["api", "--env", "production", "--replicas", "12", "--tag", "v2.0-rc_1", "--dry-run"])
    assert args.service.get() == "api", "args.service must hold the positional service name"
    assert args.env.get() == "production", "args.env must hold the environment"
    replicas = args.replicas.get()
    assert replicas == 12 and isinstance(replicas, int), "args.replicas must be an int (use type=...)"
    assert args.tag.get() == "v2.0-rc_1", "args.tag must hold the tag"
    assert args.dry_run.get() is True and args.confirm.get() is False, "--dry-run and --confirm must be flags"


def test_parser_defaults(submission):
    """build_parser() has the documented defaults"""
    args = submission.build_parser().parse_args(["api", "--env", "staging"])
    assert args.replicas.get() == 1, "--replicas must default to 1"
    assert args.tag.get() == "latest", "--tag must default to 'latest'"
    assert args.dry_run.get() is False and args.confirm.get() is False, "the flags must default to False"


def test_prog_name(submission):
    """The usage names the program deploy"""
    code, out, err = run(submission, ["--help"])
    assert code == 0, "--help must return 0 (catch argparse's SystemExit and return its code)"
    assert out.startswith("usage: deploy"), "the help must start with 'usage: deploy' (prog=\"deploy\")"
    for option in ("--env", "--replicas", "--tag", "--dry-run", "--confirm"):
        assert option in out, f"the help does not mention {option}"


@pytest.mark.points(2)
@pytest.mark.parametrize("argv, mentions", [
    (["web"], "--env"),
    ([], "service"),
    (["web", "--env", "dev"], "--env"),
    (["web", "--env", "staging", "--replicas", "0"], "--replicas"),
    (["web", "--env", "staging", "--replicas", "21"], "--replicas"),
    (["web", "--env", "staging", "--replicas", "three"], "--replicas"),
    (["web", "--env", "staging", "--tag", "-x"], "--tag"),
    (["web", "--env", "staging", "--tag", "v1 beta"], "--tag"),
    (["web", "--env", "staging", "--tag", "a/b"], "--tag"),
    (["web", "--env", "staging", "--colour", "red"], "--colour"),
])
def test_usage_errors(submission, argv, mentions):
    """Invalid arguments are usage errors: exit code 2, message on stderr"""
    code, out, err = run(submission, argv)
    assert code == 2, (
        f"a usage error must return exit code 2, got {code}; let argparse report it (choices=, type=, "
        "required=) and return the SystemExit code"
    )
    assert out == "", "a usage error must print nothing on stdout"
    assert mentions in err and "usage: deploy" in err, (
        "the stderr message of a usage error must show the usage and name the option or argument at fault, "
        "as argparse does"
    )


@pytest.mark.points(2)
@pytest.mark.parametrize("argv, line", [
    (["web", "--env", "staging", "--replicas", "2"], "deploying web:latest to staging with 2 replicas\n"),
    (["db", "--env", "staging", "--replicas", "20", "--tag", "15.4"], "deploying db:15.4 to staging with 20 replicas\n"),
    (["web", "--env", "production", "--confirm", "--tag", "1.4.2"], "deploying web:1.4.2 to production with 1 replica\n"),
    (["--env", "staging", "worker", "--dry-run"], "[dry-run] would deploy worker:latest to staging with 1 replica\n"),
    (["web", "--dry-run", "--env", "production", "--replicas", "3"],
     "[dry-run] would deploy web:latest to production with 3 replicas\n"),
])
def test_output(submission, argv, line):
    """A valid request prints one line on stdout and returns 0"""
    code, out, err = run(submission, argv)
    assert code == 0, f"a valid request must return 0, got {code}"
    assert err == "", "a valid request must print nothing on stderr"
    assert out == line, (
        "the printed line is wrong: 'deploying <service>:<tag> to <env> with <n> replica(s)' or the '[dry-run] "
        "would deploy ...' form, with 'replica' only for 1"
    )


@pytest.mark.points(2)
def test_production_guard(submission):
    """Production without --confirm or --dry-run is refused with exit code 1"""
    code, out, err = run(submission, ["api", "--env", "production", "--replicas", "4", "--tag", "9.9"])
    assert code == 1, f"deploying to production without --confirm must return 1, got {code}"
    assert out == "", "the refusal must not print the deploy line on stdout"
    assert err == "error: deploying to production needs --confirm\n", (
        "the refusal must print 'error: deploying to production needs --confirm' on stderr"
    )
