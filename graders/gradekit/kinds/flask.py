"""The `flask` kind: the learner writes a WSGI app with Flask; tests send HTTP requests through `client`.

The app is `app` in the first file, or `[options] app = "module:attribute"`; `"module:create_app()"`
calls an app factory instead. The learner's files all sit in one folder, so an app that renders
template files creates itself with `Flask(__name__, template_folder=".")`.
"""

from __future__ import annotations

import importlib
import sys
from types import TracebackType
from typing import Any

from gradekit.kinds import Kind, Loaded


class FlaskKind(Kind):
    name = "flask"
    heavy_imports = ("flask", "werkzeug.test", "werkzeug.security", "jinja2", "sqlite3")
    # Flask's own CLI sets this so that a stray `app.run()` at import returns at once, with a notice
    # to guard it with `if __name__ == "__main__":`, instead of serving forever.
    env = {"FLASK_RUN_FROM_CLI": "true"}

    def load(self, files: tuple[str, ...], options: dict[str, Any]) -> Loaded:
        target = str(options.get("app", f"{self.main_module(files, options)}:app"))
        module_name, _, attribute = target.partition(":")
        attribute = attribute or "app"
        module = importlib.import_module(module_name)
        if attribute.endswith("()"):
            factory = getattr(module, attribute[:-2], None)
            if not callable(factory):
                raise LookupError(f"{module_name}.py does not define the app factory `{attribute}`; "
                                  f"define `def {attribute[:-2]}():` returning a Flask app")
            app = factory()
            made = f"{attribute[:-2]}() returned"
        else:
            app = getattr(module, attribute, None)
            made = f"`{attribute}` in {module_name}.py is"
            if app is None:
                raise LookupError(f"{module_name}.py does not define `{attribute}`; "
                                  f"create it with `{attribute} = Flask(__name__)`")
        if not callable(app):
            raise TypeError(f"{made} a {type(app).__name__}, not a web app; create it with Flask(__name__)")
        _log_learner_frames(app)
        return Loaded(module=module, app=app, app_protocol="wsgi")


def _log_learner_frames(app: Any) -> None:
    """A view's exception still becomes Flask's 500 page, but its log shows only the learner's frames."""
    import flask

    if not isinstance(app, flask.Flask) or type(app).log_exception is not flask.Flask.log_exception:
        return  # another WSGI app, or one that logs its errors its own way

    from gradekit.subject import learner_traceback

    def log_exception(exc_info: tuple[type[BaseException], BaseException, TracebackType] | tuple[None, None, None]
                      ) -> None:
        if exc_info[1] is not None:
            print(learner_traceback(exc_info[1]), file=sys.stderr)

    setattr(app, "log_exception", log_exception)  # noqa: B010 - an instance attribute over the method


KIND = FlaskKind()
