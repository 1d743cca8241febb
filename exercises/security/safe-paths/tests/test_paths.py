import pytest

SECRET = b"TOP SECRET"


def kind(value):
    return getattr(value, "type_name", type(value).__name__)


def practice_tree(submission):
    """Build the practice folders through the learner's module."""
    try:
        tb = submission.testbed.build()
    except AttributeError:
        raise AssertionError("your module has no `testbed`; keep the line `import testbed` at the top of "
                             "safepath.py (the tests build their practice folders with it)") from None
    assert isinstance(tb, dict) and "base" in tb, "testbed.build() didn't return its folders; don't replace testbed"
    return tb


def resolved(submission, base, name, what, advice="this name is safe: return its resolved path"):
    try:
        got = submission.safe_path(base, name)
    except ValueError:
        raise AssertionError(f"safe_path refused {what} with ValueError; {advice}") from None
    assert isinstance(got, str), f"safe_path of {what} returned a {kind(got)}; return the path as a str"
    return got


def refused(submission, function, what, advice, *args):
    try:
        result = getattr(submission, function)(*args)
    except ValueError:
        return
    except Exception as exc:  # noqa: BLE001
        raise AssertionError(f"{function} of {what} raised {getattr(exc, 'type_name', type(exc).__name__)}, "
                             f"not ValueError; {advice}") from None
    if function == "read_text" and isinstance(result, str):
        shown = "the file's contents"
    else:
        shown = "a path" if isinstance(result, str) else f"a {kind(result)}"
    raise AssertionError(f"{function} accepted {what}: it returned {shown} instead of raising ValueError; {advice}")


# ------------------------------------------------------------------ accepted names


@pytest.mark.points(2)
def test_names_inside(submission):
    """safe_path resolves ordinary names, nested or not yet existing, to absolute paths inside base"""
    tb = practice_tree(submission)
    base = tb["base"]
    for name, expected, what in (("notes.txt", "notes.txt", "a file name"),
                                 ("docs/deep/file.txt", "docs/deep/file.txt", "a nested name"),
                                 ("./notes.txt", "notes.txt", "a name starting with ./"),
                                 ("docs//readme.txt", "docs/readme.txt", "a name with a double slash"),
                                 ("docs/", "docs", "a folder name with a trailing slash"),
                                 ("inbox/2024/new.txt", "inbox/2024/new.txt", "a name that doesn't exist yet")):
        got = resolved(submission, base, name, what)
        assert got.startswith("/"), f"safe_path of {what} returned a relative path; return the absolute path"
        assert got == f"{base}/{expected}", (
            f"safe_path of {what} returned the wrong path; join it to the resolved base and resolve it "
            "(os.path.realpath)"
        )


def test_link_inside(submission):
    """safe_path follows a symlink that stays inside base and returns where it leads"""
    tb = practice_tree(submission)
    got = resolved(submission, tb["base"], "link_in", "a symlink that stays inside")
    assert got == tb["base"] + "/docs/readme.txt", (
        "safe_path of a symlink that stays inside must return the resolved target (docs/readme.txt)"
    )


@pytest.mark.points(2)
def test_base_through_link(submission):
    """safe_path works when base itself is reached through a symlink, or has a trailing slash"""
    tb = practice_tree(submission)
    advice = "resolve base with os.path.realpath too, and compare resolved paths with resolved paths"
    got = resolved(submission, tb["alias"], "notes.txt", "a name under a base given through a symlink", advice)
    assert got == tb["base"] + "/notes.txt", (
        "safe_path refused or mangled a normal name when base was given through a symlink; resolve base with "
        "os.path.realpath too, and compare resolved paths with resolved paths"
    )
    got = resolved(submission, tb["base"] + "/", "docs/readme.txt", "a name under a base with a trailing slash",
                   "a trailing slash doesn't change the folder: resolve base before comparing")
    assert got == tb["base"] + "/docs/readme.txt", "safe_path must accept a base with a trailing slash"


# ------------------------------------------------------------------ refused names


@pytest.mark.points(3)
def test_traversal_refused(submission):
    """safe_path refuses names that climb out with .."""
    tb = practice_tree(submission)
    for name in ("../secret.txt", "docs/../../secret.txt", "..", "../base_evil/loot.txt", "docs/deep/../../../secret.txt",
                 "../outside/x.txt"):
        refused(submission, "safe_path", "a name that climbs out with ..", "reject names with a '..' component",
                tb["base"], name)


def test_dotdot_inside_refused(submission):
    """safe_path refuses a .. component even when it would stay inside"""
    tb = practice_tree(submission)
    for name in ("docs/../notes.txt", "docs/deep/.."):
        refused(submission, "safe_path", "a name with a '..' that stays inside",
                "the statement asks to refuse every '..' component: check name.split('/')", tb["base"], name)


@pytest.mark.points(3)
def test_absolute_and_odd_names_refused(submission):
    """safe_path refuses absolute paths, empty names, NUL characters and the base itself"""
    tb = practice_tree(submission)
    base = tb["base"]
    cases = [("/etc/passwd", "an absolute path", "os.path.join drops the base for an absolute name: refuse it"),
             (tb["secret"], "an absolute path to the secret", "refuse absolute names"),
             (base + "/notes.txt", "an absolute path that happens to be inside", "refuse every absolute name"),
             ("//etc/passwd", "a name starting with //", "refuse absolute names"),
             ("", "an empty name", "an empty name is not a file"),
             ("notes.txt\0.jpg", "a name with a NUL character", "refuse names containing '\\0'"),
             (".", "'.' (the base folder itself)", "the result must be strictly inside base, not base itself")]
    for name, what, advice in cases:
        refused(submission, "safe_path", what, advice, base, name)


@pytest.mark.points(4)
def test_symlink_escapes_refused(submission):
    """safe_path refuses names that escape through symlinks"""
    tb = practice_tree(submission)
    cases = [("link_out", "a symlink to a file outside"), ("abs_out", "an absolute symlink to a file outside"),
             ("dir_out/new.txt", "a file under a symlinked folder outside"),
             ("docs/up/secret.txt", "a path through a folder link that climbs to the parent"),
             ("dangling_out", "a symlink to a file outside that doesn't exist yet")]
    for name, what in cases:
        refused(submission, "safe_path", what,
                "resolve the whole path with os.path.realpath (it follows links) before checking it is inside base",
                tb["base"], name)


@pytest.mark.points(2)
def test_prefix_trick_refused(submission):
    """safe_path isn't fooled by a sibling folder whose name starts with the base's name"""
    tb = practice_tree(submission)
    refused(submission, "safe_path", "a symlink into the sibling folder base_evil",
            "'/x/base_evil/loot.txt' starts with '/x/base' but is not inside it; compare path components "
            "(Path.is_relative_to or os.path.commonpath), not strings", tb["base"], "evil_prefix")


# ------------------------------------------------------------------ read_text


@pytest.mark.points(2)
def test_read_text(submission):
    """read_text returns the contents of safe files and refuses escapes"""
    tb = practice_tree(submission)
    base = tb["base"]
    assert submission.read_text(base, "docs/readme.txt") == "read me", "read_text returned the wrong contents"
    assert submission.read_text(base, "link_in") == "read me", "read_text must follow a symlink that stays inside"
    for name, what in (("link_out", "a symlink to the secret"), ("../secret.txt", "../secret.txt"),
                       ("evil_prefix", "a symlink into base_evil")):
        refused(submission, "read_text", what, "check the name with safe_path before opening anything", base, name)


def test_read_missing(submission):
    """read_text raises FileNotFoundError for a safe name that doesn't exist"""
    tb = practice_tree(submission)
    try:
        result = submission.read_text(tb["base"], "nope.txt")
    except FileNotFoundError:
        return
    except Exception as exc:  # noqa: BLE001
        raise AssertionError(f"read_text of a missing file raised {getattr(exc, 'type_name', type(exc).__name__)}; "
                             "let open() raise FileNotFoundError") from None
    raise AssertionError(f"read_text of a missing file returned a {kind(result)}; raise FileNotFoundError")


# ------------------------------------------------------------------ save_upload


@pytest.mark.points(2)
def test_save_upload(submission):
    """save_upload writes the bytes, creating folders, and returns the resolved path"""
    tb = practice_tree(submission)
    base = tb["base"]
    data = bytes(range(256)) * 4
    got = submission.save_upload(base, "inbox/2024/photo.jpg", data)
    assert got == base + "/inbox/2024/photo.jpg", "save_upload must return the resolved path it wrote"
    assert submission.testbed.read_bytes(base + "/inbox/2024/photo.jpg") == data, (
        "save_upload didn't write the exact bytes to the file (open it in binary mode, 'wb')"
    )
    submission.save_upload(base, "notes.txt", b"new notes")
    assert submission.testbed.read_bytes(base + "/notes.txt") == b"new notes", (
        "save_upload must replace an existing file inside base"
    )


@pytest.mark.points(4)
def test_save_upload_escapes(submission):
    """save_upload refuses escapes and writes nothing outside base"""
    tb = practice_tree(submission)
    base, root = tb["base"], tb["root"]
    cases = [("../secret.txt", "../secret.txt"), ("link_out", "a symlink to the secret"),
             ("abs_out", "an absolute symlink to the secret"), ("dir_out/planted.txt", "a symlinked folder outside"),
             ("dangling_out", "a dangling symlink pointing outside"),
             ("docs/up/outside/planted.txt", "a folder link that climbs out"), ("/tmp/planted.txt", "an absolute path")]
    for name, what in cases:
        refused(submission, "save_upload", what, "check the name with safe_path before writing", base, name, b"pwned")
        assert submission.testbed.read_bytes(tb["secret"]) == SECRET, (
            f"save_upload of {what} overwrote the secret file outside base"
        )
        assert submission.testbed.listdir(tb["outside"]) == [], f"save_upload of {what} wrote into a folder outside base"
        assert submission.testbed.listdir(root + "/nowhere") is None, (
            f"save_upload of {what} created a folder outside base"
        )
    assert submission.testbed.read_bytes("/tmp/planted.txt") is None, "save_upload wrote a file at an absolute path"
