"""The `fastapi` kind: the learner writes an ASGI app; tests send HTTP requests through `client`."""

from __future__ import annotations

import importlib
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
        return Loaded(module=module, app=app, app_protocol="asgi")


KIND = FastAPIKind()
