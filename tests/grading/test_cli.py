"""Does the grading command line print reports CI systems read, with DESIGN.md's exit codes?"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import junitparser
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def run_grade(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gradekit.cli", "grade", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.fixture
def mean_dir(content_root: Path) -> Path:
    return content_root / "exercises" / "demo" / "mean"


def test_json_report_and_exit_0_for_the_solution(mean_dir: Path):
    """Does grading the reference solution print a learnpath.report/1 JSON report and exit 0?"""
    result = run_grade(str(mean_dir), str(mean_dir / "solution"), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema"] == "learnpath.report/1" and report["status"] == "pass"


def test_exit_1_for_the_starter(mean_dir: Path):
    """Does a failing submission exit 1?"""
    assert run_grade(str(mean_dir), str(mean_dir / "starter"), "--format", "json").returncode == 1


def test_exit_2_for_bad_usage(mean_dir: Path, tmp_path: Path):
    """Does a missing submission or exercise exit 2 with a clear error?"""
    result = run_grade(str(mean_dir), str(tmp_path / "nowhere.py"))
    assert result.returncode == 2 and "does not exist" in result.stderr
    result = run_grade(str(tmp_path), str(mean_dir / "solution"))
    assert result.returncode == 2 and "exercise.toml: is missing" in result.stderr


def test_single_file_submission(mean_dir: Path, tmp_path: Path):
    """Can a one-file exercise be graded from a file of any name?"""
    path = tmp_path / "my_attempt.py"
    path.write_text((mean_dir / "solution" / "stats.py").read_text())
    assert run_grade(str(mean_dir), str(path)).returncode == 0


def test_junit_report_is_read_by_a_junit_parser(mean_dir: Path, tmp_path: Path):
    """Is the JUnit XML well-formed, with one testcase per test and the failures marked?"""
    output = tmp_path / "report.xml"
    result = run_grade(str(mean_dir), str(mean_dir / "starter"), "--format", "junit", "--output", str(output))
    assert result.returncode == 1
    suite = ElementTree.parse(output).getroot().find("testsuite")
    assert suite is not None and suite.get("tests") == "3" and suite.get("failures") == "3"
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases][0] == "mean() of three numbers"
    assert all(c.find("failure") is not None for c in cases)
    # The same file through junitparser, the parser CI report plugins build on.
    parsed = next(iter(junitparser.JUnitXml.fromfile(str(output))))
    assert (parsed.tests, parsed.failures, parsed.errors) == (3, 3, 0)
    verdicts = {case.name: [type(r).__name__ for r in case.result] for case in parsed}
    assert verdicts["mean() of three numbers"] == ["Failure"]


def test_github_annotations_point_at_the_learners_line(mean_dir: Path, tmp_path: Path):
    """Do GitHub annotations name the learner's file and line when the learner's code raised?"""
    path = tmp_path / "stats.py"
    path.write_text("def mean(xs):\n    return xs[99]\n")
    result = run_grade(str(mean_dir), str(path), "--format", "github")
    assert result.returncode == 1
    assert "::error file=stats.py,line=2,title=mean() of three numbers::" in result.stdout


def test_a_file_that_is_not_utf8_gets_a_verdict(mean_dir: Path, tmp_path: Path):
    """Is a learner's file with bytes that are not UTF-8 refused with a report and exit 1, so that CI
    shows the learner's mistake rather than a broken grader (exit 2, no report)?"""
    (tmp_path / "stats.py").write_bytes(b"def mean(xs):\n    return '\xff\xfe'\n")
    output = tmp_path / "report.xml"
    result = run_grade(str(mean_dir), str(tmp_path), "--format", "junit", "--output", str(output))
    assert result.returncode == 1, result.stderr
    assert "stats.py is not UTF-8 text" in output.read_text()


def test_a_huge_file_is_refused_without_being_read_whole(mean_dir: Path, tmp_path: Path):
    """Is a learner's file of gigabytes (a sparse one costs the learner nothing) refused by its size,
    by a grader allowed far less memory than the file's size?"""
    with open(tmp_path / "stats.py", "wb") as stream:
        stream.truncate(4 << 30)
    limit = "import resource, runpy, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
    result = subprocess.run([sys.executable, "-c", limit + "sys.argv[0] = 'gradekit.cli'; "
                             "runpy.run_module('gradekit.cli', run_name='__main__')",
                             "grade", str(mean_dir), str(tmp_path), "--format", "json"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert (report["reason"], report["message"]) == ("bad_submission", "stats.py is larger than 256 KB.")


def test_links_in_a_submission_are_not_followed(mean_dir: Path, tmp_path: Path):
    """A learner's repository is checked out on the machine that grades it, beside the course's
    hidden tests: is a learner's file that is a link (to a hidden test, to a file of the machine),
    or lies behind one, left out as missing, with a warning, so that nothing it names reaches the
    sandbox?"""
    hidden = mean_dir / "tests" / next(p.name for p in (mean_dir / "tests").glob("test_*.py"))
    leak = "import pathlib\ndef mean(xs):\n    print('LEAK', pathlib.Path('stats.py').read_text()[:80])\n    return 0\n"
    cases = {}
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "stats.py").symlink_to(hidden)
    cases["a link to a hidden test"] = (linked, linked / "stats.py")
    single = tmp_path / "single.py"
    single.symlink_to("/etc/passwd")
    cases["a single-file submission that is a link"] = (single, single)
    real = tmp_path / "real"
    real.mkdir()
    (real / "stats.py").write_text(leak)
    (tmp_path / "named").symlink_to(real)
    cases["a submission folder the caller names through a link"] = (tmp_path / "named", None)
    for what, (submission, link) in cases.items():
        result = run_grade(str(mean_dir), str(submission), "--format", "json")
        report = json.loads(result.stdout)
        text = json.dumps(report)
        if link is None:  # read: its code runs and sees only itself
            assert result.returncode == 1 and "LEAK import pathlib" in text, what
            continue
        assert result.returncode == 1 and report["status"] == "fail", (what, result.stderr)
        assert f"warning: {link} is left out" in result.stderr, (what, result.stderr)
        assert "root:" not in text and "def test_" not in text, what
    fifo = tmp_path / "fifo"
    fifo.mkdir()
    os.mkfifo(fifo / "stats.py")
    result = run_grade(str(mean_dir), str(fifo), "--format", "json")
    assert result.returncode == 1 and "is not a regular file" in result.stderr, result.stderr


def test_the_readme_ci_workflow_grades_from_the_course_and_pastes_no_input_into_a_script():
    """Is the README's workflow valid YAML that runs `learnpath grade` for JUnit and GitHub output,
    in the course's repository, with every workflow input reaching its script through the
    environment (an input pasted into a script would run as shell)?"""
    text = (ROOT / "README.md").read_text()
    (block,) = [part.split("```", 1)[0] for part in text.split("```yaml")[1:]
                if "# .github/workflows/grade.yml in the course repository" in part.split("```", 1)[0]]
    workflow = yaml.safe_load(block)
    steps = workflow["jobs"]["grade"]["steps"]
    scripts = [step["run"] for step in steps if "run" in step]
    assert any("learnpath grade" in script and "--format junit" in script and "--format github" in script
               for script in scripts)
    assert all("${{" not in script for script in scripts)
    checkouts = [step for step in steps if str(step.get("uses", "")).startswith("actions/checkout")]
    assert checkouts[1]["with"]["persist-credentials"] is False  # the learner's checkout keeps no token
