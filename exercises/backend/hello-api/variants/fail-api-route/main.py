from fastapi import FastAPI

app = FastAPI(title="Hello API")


@app.get("/")
def read_root() -> dict[str, str]:
    return {"message": "Hello, World!"}


@app.api_route("/health", methods=["GET", "POST"])
def health() -> dict[str, str]:
    return {"status": "ok"}
