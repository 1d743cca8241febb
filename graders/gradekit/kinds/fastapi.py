"""The `fastapi` kind: the learner writes an ASGI app; tests send HTTP requests through `client`.

The app starts (its lifespan, or its `startup` handlers) while the learner's code is loaded, as a
server starts it before its first request: a startup that fails or never ends is then reported as
the app's startup, not blamed on whichever request came first.
"""

from __future__ import annotations

import importlib
import warnings
from typing import Any

from gradekit.kinds import Kind, Loaded


class FastAPIKind(Kind):
    name = "fastapi"
    heavy_imports = ("fastapi", "pydantic", "starlette.testclient", "sqlalchemy")

    def load(self, files: tuple[str, ...], options: dict[str, Any]) -> Loaded:
        target = str(options.get("app", f"{self.main_module(files, options)}:app"))
        module_name, _, attribute = target.partition(":")
        module = importlib.import_module(module_name)
        app = getattr(module, attribute or "app", None)
        if app is None:
            raise LookupError(
                f"{module_name}.py does not define `{attribute or 'app'}`; "
                f"create it with `{attribute or 'app'} = FastAPI()`"
            )
        if not callable(app):
            raise TypeError(f"`{attribute or 'app'}` in {module_name}.py is a {type(app).__name__}, not a web app; "
                            f"create it with `{attribute or 'app'} = FastAPI()`")
        with warnings.catch_warnings():  # starlette's notice about its http client is not the learner's
            warnings.simplefilter("ignore")
            from starlette.testclient import TestClient

        client = TestClient(app, raise_server_exceptions=True, follow_redirects=False)
        try:
            client.__enter__()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:  # a lifespan's failure, its CancelledError included
            raise RuntimeError(f"the app's startup (its lifespan or startup handlers) raised "
                               f"{type(exc).__name__}: {exc}") from exc
        return Loaded(module=module, app=app, app_protocol="asgi", client=client)


KIND = FastAPIKind()
