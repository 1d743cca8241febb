"""Does the grading command line print reports CI systems read, with DESIGN.md's exit codes?"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import junitparser
import pytest

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
